package io.pixelplayer.jobs.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixelplayer.jobs.ingest.TestVideos;
import io.pixelplayer.model.infer.TestModels;
import io.pixelplayer.model.net.ModelConfig;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded memory: a one-hour video indexes in a JVM with Spark's default executor memory (1 GiB heap, driver and
 * executor in one in local mode), and the job reports its peak heap. Decoding streams, clips are analysed in batches
 * and rows leave the task as they are made, so the heap does not grow with the video's length. An untrained model of
 * the shipped model's clip length keeps the hour's 1200 clips quick.
 */
@Tag("slow")
class LongVideoMemoryTest {
  private static final long DEFAULT_EXECUTOR_HEAP = 1L << 30;

  @Test
  void aOneHourVideoIndexesInTheDefaultExecutorMemory(@TempDir Path dir) throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    TestVideos.good(in, "hour.mp4", 3600, 96, 72, 2, 440);
    ModelConfig clipLength = ModelConfig.builder()
        .channels(16).frameSize(32).videoWidth(16).videoStages(List.of(1, 1, 1, 1)).videoStride(8)
        .unetDepth(3).unetChannels(16).spectrogram(16, 128).framesPerClip(2).classes(21)
        .build();
    Path model = dir.resolve("model");
    TestModels.saveRandom(clipLength, model);

    Path root = Path.of(System.getProperty("pixelplayer.root"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("@" + root.resolve("conf/jvm.options"));
    command.add("-Xmx" + (DEFAULT_EXECUTOR_HEAP >> 20) + "m");
    command.add("-Dpixelplayer.root=" + root);
    for (String property : List.of("DJL_CACHE_DIR", "ENGINE_CACHE_DIR", "org.bytedeco.javacpp.cachedir", "ai.djl.offline")) {
      if (System.getProperty(property) != null) command.add("-D" + property + "=" + System.getProperty(property));
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.pixelplayer.jobs.cli.PixelPlayerCli", "index",
        "--input", in.toString(), "--warehouse", dir.resolve("wh").toString(), "--model", model.toString(), "--master", "local[2]",
        "--conf", "pixelplayer.device=cpu"));
    Path log = dir.resolve("index.log");
    Process index = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(index.waitFor(20, TimeUnit.MINUTES)).as("index finished").isTrue();
    String output = Files.readString(log);
    assertThat(index.exitValue()).as(tail(output)).isZero();

    assertThat(output).contains("indexed 1 of 1 videos").contains("media     3600.0 s decoded").contains("failures  0");
    Matcher clips = Pattern.compile("clips +(\\d+),").matcher(output);
    assertThat(clips.find()).isTrue();
    assertThat(Integer.parseInt(clips.group(1))).isEqualTo((int) (3600 * 11025L / 32767));
    Matcher heap = Pattern.compile("peak heap (\\d+) MiB of (\\d+) MiB").matcher(output);
    assertThat(heap.find()).as(tail(output)).isTrue();
    System.out.println("one-hour video: " + heap.group() + "; " + output.lines().filter(l -> l.contains("speed")).findFirst().orElse(""));
    assertThat(Long.parseLong(heap.group(2))).isLessThanOrEqualTo(DEFAULT_EXECUTOR_HEAP >> 20);
  }

  private static String tail(String output) {
    return output.length() > 4000 ? output.substring(output.length() - 4000) : output;
  }
}
