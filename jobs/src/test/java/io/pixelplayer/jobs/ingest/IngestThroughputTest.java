package io.pixelplayer.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.spark.SparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest on a small archive of camera-like videos (640x360, 30 fps, H.264 + AAC stereo 44.1 kHz),
 * on local Spark with every core: prints the throughput figure (clips/s, x real time). Asserts only
 * that all of it was ingested; speed targets belong to the benchmarks, not to tests.
 */
@Tag("slow")
class IngestThroughputTest {
  private static final int VIDEOS = 8;
  private static final double SECONDS = 30;

  @Test
  void ingestsAnArchiveAndReportsThroughput(@TempDir Path dir) throws Exception {
    Path in = Files.createDirectories(dir.resolve("archive"));
    for (int i = 0; i < VIDEOS; i++) {
      TestVideos.good(
          in,
          String.format("video%02d.mp4", i),
          SECONDS,
          640,
          360,
          30,
          220 * Math.pow(2, i / 12.0));
    }
    SparkSession spark =
        SparkSessions.create("ingest-throughput", PixelPlayerConf.defaults(), "local[*]");
    try {
      IngestJob.Result result =
          IngestJob.run(
              spark,
              IngestSettings.from(PixelPlayerConf.defaults()),
              in.toString(),
              dir.resolve("out").toString(),
              60,
              null);
      System.out.printf(
          "ingest throughput: %d videos, %.0f s of media -> %d clips in %.1f s on %d cores: %.2f clips/s, %.1fx real time%n",
          result.videosIngested(),
          result.mediaSeconds(),
          result.clips(),
          result.wallSeconds(),
          Runtime.getRuntime().availableProcessors(),
          result.clipsPerSecond(),
          result.timesRealTime());
      assertThat(result.failures()).isEmpty();
      assertThat(result.videosIngested()).isEqualTo(VIDEOS);
      assertThat(result.mediaSeconds()).isGreaterThan(VIDEOS * SECONDS * 0.99);
    } finally {
      spark.stop();
    }
  }
}
