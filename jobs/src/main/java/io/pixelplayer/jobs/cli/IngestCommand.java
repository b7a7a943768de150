package io.pixelplayer.jobs.cli;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.ingest.IngestJob;
import io.pixelplayer.jobs.ingest.IngestSettings;
import io.pixelplayer.jobs.spark.JobProgress;
import io.pixelplayer.jobs.warehouse.FailureRecord;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "ingest",
    sortOptions = false,
    description =
        "Decode every video under --input into clips (audio resampled to mono, frames at a fixed rate) "
            + "and write them as Parquet: OUT/clips (the training cache), OUT/videos and OUT/failures (one row per bad "
            + "input). Runs on Spark (local[*] unless --master or spark-submit says otherwise).")
final class IngestCommand implements Callable<Integer> {
  @Option(
      names = "--input",
      required = true,
      paramLabel = "URI",
      description =
          "A video file or a folder of videos: a local path, file:, s3a:, or any Hadoop FileSystem URI.")
  String input;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "URI",
      description = "Where the tables are written (replaced if present).")
  String out;

  @Mixin SparkOptions sparkOptions;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    PixelPlayerConf conf = common.conf();
    IngestSettings settings = IngestSettings.from(conf);
    PrintWriter stdout = common.out();
    try (SparkSession spark = sparkOptions.session("ingest", conf)) {
      IngestJob.Result result =
          IngestJob.run(
              spark,
              settings,
              input,
              out,
              conf.getDouble(JobProgress.INTERVAL_SECONDS),
              System.err);
      int cores = spark.sparkContext().defaultParallelism();
      stdout.printf(
          "ingested %d of %d videos from %s into %s (run %s)%n",
          result.videosIngested(), result.videosFound(), input, out, result.runId());
      stdout.printf(
          "  clips     %d in %s/%n", result.clips(), IngestJob.table(out, IngestJob.CLIPS));
      stdout.printf("  media     %.1f s decoded%n", result.mediaSeconds());
      stdout.printf(
          "  speed     %.1f s wall on %s (%d task slots): %.2f clips/s, %.1fx real time%n",
          result.wallSeconds(),
          spark.sparkContext().master(),
          cores,
          result.clipsPerSecond(),
          result.timesRealTime());
      stdout.printf(
          "  failures  %d in %s/%n",
          result.failures().size(), IngestJob.table(out, IngestJob.FAILURES));
      for (FailureRecord f : result.failures()) {
        stdout.printf("    %s  [%s]  %s%n", f.uri(), f.stage().column(), f.reason());
      }
      stdout.flush();
    }
    return 0;
  }
}
