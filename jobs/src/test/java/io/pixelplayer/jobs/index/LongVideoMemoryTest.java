package io.pixelplayer.jobs.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixelplayer.jobs.cli.CliProcess;
import io.pixelplayer.jobs.ingest.TestVideos;
import io.pixelplayer.model.infer.TestModels;
import io.pixelplayer.model.net.ModelConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded memory: a one-hour video indexes in a JVM with Spark's default executor memory (1 GiB
 * heap, driver and executor in one in local mode), and the job reports its peak heap. Decoding
 * streams, clips are analysed in batches and rows leave the task as they are made, so the heap does
 * not grow with the video's length. An untrained model of the shipped model's clip length keeps the
 * hour's 1200 clips quick.
 */
@Tag("slow")
class LongVideoMemoryTest {
  private static final long DEFAULT_EXECUTOR_HEAP = 1L << 30;

  @Test
  void aOneHourVideoIndexesInTheDefaultExecutorMemory(@TempDir Path dir) throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    TestVideos.good(in, "hour.mp4", 3600, 96, 72, 2, 440);
    ModelConfig clipLength =
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
    Path model = dir.resolve("model");
    TestModels.saveRandom(clipLength, model);

    CliProcess.Result index =
        CliProcess.run(
            dir,
            List.of("-Xmx" + (DEFAULT_EXECUTOR_HEAP >> 20) + "m"),
            Duration.ofMinutes(20),
            "index",
            "--input",
            in.toString(),
            "--warehouse",
            dir.resolve("wh").toString(),
            "--model",
            model.toString(),
            "--master",
            "local[2]",
            "--conf",
            "pixelplayer.device=cpu");
    String output = index.out() + index.err();
    assertThat(index.exitCode()).as(index.tail()).isZero();

    assertThat(output)
        .contains("indexed 1 of 1 videos")
        .contains("media     3600.0 s decoded")
        .contains("failures  0");
    Matcher clips = Pattern.compile("clips +(\\d+),").matcher(output);
    assertThat(clips.find()).isTrue();
    assertThat(Integer.parseInt(clips.group(1))).isEqualTo((int) (3600 * 11025L / 32767));
    Matcher heap = Pattern.compile("peak heap (\\d+) MiB of (\\d+) MiB").matcher(output);
    assertThat(heap.find()).as(index.tail()).isTrue();
    System.out.println(
        "one-hour video: "
            + heap.group()
            + "; "
            + output.lines().filter(l -> l.contains("speed")).findFirst().orElse(""));
    assertThat(Long.parseLong(heap.group(2))).isLessThanOrEqualTo(DEFAULT_EXECUTOR_HEAP >> 20);
  }
}
