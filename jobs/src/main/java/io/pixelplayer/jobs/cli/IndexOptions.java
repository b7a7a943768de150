package io.pixelplayer.jobs.cli;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.index.IndexJob;
import io.pixelplayer.jobs.index.IndexSettings;
import io.pixelplayer.jobs.runtime.ExecutorModels;
import io.pixelplayer.jobs.runtime.ModelSettings;
import io.pixelplayer.jobs.spark.JobProgress;
import io.pixelplayer.jobs.spark.TaskDevice;
import io.pixelplayer.jobs.warehouse.FailureRecord;
import io.pixelplayer.jobs.warehouse.Warehouse;
import java.io.PrintWriter;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of the verbs that run the index job ({@code index}, {@code nightly}), and the run
 * itself.
 */
final class IndexOptions {
  @Option(
      names = "--input",
      required = true,
      paramLabel = "URI",
      description =
          "A video file or a folder of videos: a local path, file:, s3a:, or any Hadoop FileSystem URI.")
  String input;

  @Option(
      names = "--warehouse",
      required = true,
      paramLabel = "URI",
      description = "Where the tables and stems are written.")
  String warehouse;

  @Option(
      names = "--model",
      paramLabel = "MODEL_DIR",
      description =
          "A trained model folder, local or a Hadoop URI (default: the shipped one, pixelplayer.model.dir).")
  String model;

  @Mixin SparkOptions sparkOptions;

  /** Runs the job in its own Spark session and prints its summary. */
  IndexJob.Result run(PixelPlayerConf conf, String verb, boolean incremental, PrintWriter stdout)
      throws Exception {
    try (SparkSession spark = sparkOptions.session(verb, conf)) {
      return run(
          spark,
          conf,
          verb,
          input,
          warehouse,
          ModelSettings.location(conf, model),
          incremental,
          stdout);
    }
  }

  /** Runs the index job in {@code spark} and prints its summary; returns the result. */
  static IndexJob.Result run(
      SparkSession spark,
      PixelPlayerConf conf,
      String verb,
      String input,
      String warehouse,
      String modelUri,
      boolean incremental,
      PrintWriter stdout)
      throws Exception {
    try (ExecutorModels.Lease driverModel =
        ExecutorModels.acquire(
            modelUri,
            null,
            TaskDevice.resolve(conf.getString(ModelSettings.DEVICE)),
            spark.sparkContext().hadoopConfiguration())) {
      IndexSettings settings = IndexSettings.from(conf, driverModel.model().config());
      Warehouse target = Warehouse.configured(warehouse, spark, conf);
      IndexJob.Result result =
          IndexJob.run(
              spark,
              settings,
              input,
              target,
              new IndexJob.ModelRef(modelUri, driverModel.model().version()),
              incremental,
              conf.getDouble(JobProgress.INTERVAL_SECONDS),
              System.err);
      if (!result.cleared().isEmpty()) {
        System.err.printf(
            "%s: cleared what interrupted runs left behind: %s%n",
            verb, String.join(", ", result.cleared()));
      }
      if (result.runId() == null) {
        stdout.printf(
            "nothing new under %s: %d videos, all indexed by earlier runs; nothing committed%n",
            input, result.videosFound());
        stdout.flush();
        return result;
      }
      int cores = spark.sparkContext().defaultParallelism();
      stdout.printf(
          "indexed %d of %d videos from %s into %s (run %s%s)%n",
          result.videosIndexed(),
          result.videosFound() - result.unchanged(),
          input,
          target.uri(),
          result.runId(),
          incremental ? ", " + result.unchanged() + " unchanged skipped" : "");
      stdout.printf("  clips     %d, sources %d%n", result.clips(), result.sources());
      stdout.printf("  media     %.1f s decoded%n", result.mediaSeconds());
      stdout.printf(
          "  speed     %.1f s wall on %s (%d task slots): %.2f clips/s, %.2fx real time%n",
          result.wallSeconds(),
          spark.sparkContext().master(),
          cores,
          result.clipsPerSecond(),
          result.timesRealTime());
      stdout.printf(
          "  memory    peak heap %d MiB of %d MiB (%s)%n",
          HeapPeak.usedBytes() >> 20,
          Runtime.getRuntime().maxMemory() >> 20,
          spark.sparkContext().isLocal() ? "this JVM: the driver and the executor" : "the driver");
      stdout.printf("  failures  %d%n", result.failures().size());
      for (FailureRecord f : result.failures()) {
        stdout.printf("    %s  [%s]  %s%n", f.uri(), f.stage().column(), f.reason());
      }
      stdout.flush();
      return result;
    } finally {
      // The driver's copy is no longer needed (in local mode the tasks shared it): free its native
      // memory now.
      ExecutorModels.closeIdle();
    }
  }
}
