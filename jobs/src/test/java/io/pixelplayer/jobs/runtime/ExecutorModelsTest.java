package io.pixelplayer.jobs.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import io.pixelplayer.model.infer.PixelPlayerModel;
import io.pixelplayer.model.infer.TestModels;
import io.pixelplayer.model.net.ModelConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One load per model version and device, leases, idle close, and models that change under the same
 * name, local or remote.
 */
class ExecutorModelsTest {
  private static final ModelConfig TINY =
      ModelConfig.builder()
          .channels(16)
          .frameSize(32)
          .videoWidth(16)
          .videoStages(List.of(1, 1, 1, 1))
          .videoStride(8)
          .unetDepth(3)
          .unetChannels(16)
          .spectrogram(16, 128)
          .framesPerClip(2)
          .classes(21)
          .build();

  /**
   * A file system that is not the local one, as s3a: or hdfs: are, over local files: its models
   * must be copied.
   */
  public static final class StandInRemote extends RawLocalFileSystem {
    @Override
    public URI getUri() {
      return URI.create("remote:///");
    }

    @Override
    public String getScheme() {
      return "remote";
    }
  }

  private static Configuration withStandInRemote() {
    Configuration hadoop = new Configuration();
    hadoop.set("fs.remote.impl", StandInRemote.class.getName());
    hadoop.setBoolean("fs.remote.impl.disable.cache", true);
    return hadoop;
  }

  @AfterEach
  void closeIdle() {
    ExecutorModels.closeIdle();
  }

  @Test
  void tasksShareOneLoadAndIdleModelsAreClosedOnlyWhenNobodyHoldsThem(@TempDir Path dir)
      throws Exception {
    TestModels.saveRandom(TINY, dir);
    int loads = ExecutorModels.loads();
    ExecutorModels.Lease first =
        ExecutorModels.acquire(dir.toString(), null, Device.cpu(), new Configuration());
    ExecutorModels.Lease second =
        ExecutorModels.acquire(
            dir.toString(), first.model().version(), Device.cpu(), new Configuration());

    assertThat(second.model()).isSameAs(first.model());
    assertThat(ExecutorModels.loads() - loads).isEqualTo(1);
    first.close();
    first.close(); // twice is once
    ExecutorModels.closeIdle();
    assertThat(ExecutorModels.loaded()).as("still held by the second task").isEqualTo(1);
    second.close();
    ExecutorModels.closeIdle();
    assertThat(ExecutorModels.loaded()).isZero();
  }

  @Test
  void retrainedWeightsOfTheSameSizeInTheSameFolderAreANewModel(@TempDir Path dir)
      throws Exception {
    TestModels.saveRandom(TINY, dir);
    String before;
    try (ExecutorModels.Lease lease =
        ExecutorModels.acquire(dir.toString(), null, Device.cpu(), new Configuration())) {
      before = lease.model().version();
    }
    long size = Files.size(dir.resolve(PixelPlayerModel.PARAMS));
    retrain(dir);
    assertThat(Files.size(dir.resolve(PixelPlayerModel.PARAMS))).isEqualTo(size);

    try (ExecutorModels.Lease lease =
        ExecutorModels.acquire(dir.toString(), null, Device.cpu(), new Configuration())) {
      assertThat(lease.model().version())
          .isNotEqualTo(before)
          .isEqualTo(PixelPlayerModel.version(dir.resolve(PixelPlayerModel.PARAMS)));
    }
    assertThatThrownBy(
            () -> ExecutorModels.acquire(dir.toString(), before, Device.cpu(), new Configuration()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("changed during the run");
  }

  @Test
  void aRemoteModelIsCopiedPerVersionAndNeverServedStale(@TempDir Path dir) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("model on remote"));
    TestModels.saveRandom(TINY, folder);
    String uri = "remote://" + folder.toAbsolutePath();
    Configuration hadoop = withStandInRemote();

    Path firstCopy = ExecutorModels.localFolder(uri, hadoop);
    assertThat(firstCopy).isNotEqualTo(folder);
    assertThat(firstCopy.resolve(PixelPlayerModel.PARAMS))
        .hasSameBinaryContentAs(folder.resolve(PixelPlayerModel.PARAMS));
    String before;
    try (ExecutorModels.Lease lease = ExecutorModels.acquire(uri, null, Device.cpu(), hadoop)) {
      before = lease.model().version();
    }

    retrain(folder);
    Path secondCopy = ExecutorModels.localFolder(uri, hadoop);
    assertThat(secondCopy).isNotEqualTo(firstCopy);
    assertThat(secondCopy.resolve(PixelPlayerModel.PARAMS))
        .hasSameBinaryContentAs(folder.resolve(PixelPlayerModel.PARAMS));
    try (ExecutorModels.Lease lease = ExecutorModels.acquire(uri, null, Device.cpu(), hadoop)) {
      assertThat(lease.model().version()).isNotEqualTo(before);
    }
    assertThat(ExecutorModels.localFolder(uri, hadoop))
        .as("an unchanged model is not copied again")
        .isEqualTo(secondCopy);
  }

  /**
   * New random weights of the same networks in {@code dir}: a file of the same size, written later.
   */
  private static void retrain(Path dir) throws Exception {
    Path params = dir.resolve(PixelPlayerModel.PARAMS);
    FileTime before = Files.getLastModifiedTime(params);
    TestModels.saveRandom(TINY, dir);
    if (!Files.getLastModifiedTime(params).toInstant().isAfter(before.toInstant())) {
      Files.setLastModifiedTime(params, FileTime.fromMillis(before.toMillis() + 1000));
    }
  }
}
