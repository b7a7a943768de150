package io.pixelplayer.jobs.ingest;

import io.pixelplayer.jobs.fs.WritableFolder;
import io.pixelplayer.jobs.ingest.VideoListing.VideoFile;
import io.pixelplayer.jobs.spark.HadoopSettings;
import io.pixelplayer.jobs.spark.JobProgress;
import io.pixelplayer.jobs.warehouse.FailureRecord;
import io.pixelplayer.jobs.warehouse.VideoRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;

/**
 * Ingest: every video under an input URI → {@code OUT/clips} (audio + frames per clip window, the
 * training cache), {@code OUT/videos} (what was decoded of each video) and {@code OUT/failures}
 * (one row per bad input). Decoding happens on the executors, one video at a time per task,
 * streaming.
 */
public final class IngestJob {
  public static final String CLIPS = "clips";
  public static final String VIDEOS = "videos";
  public static final String FAILURES = "failures";

  private IngestJob() {}

  /** What a run did, for the summary and for throughput figures. */
  public record Result(
      String runId,
      int videosFound,
      int videosIngested,
      long clips,
      double mediaSeconds,
      double wallSeconds,
      List<FailureRecord> failures) {

    public double clipsPerSecond() {
      return clips / wallSeconds;
    }

    public double timesRealTime() {
      return mediaSeconds / wallSeconds;
    }
  }

  /**
   * @param progress where progress lines go (stderr), or null for none
   * @throws IOException if the input cannot be listed or the output written
   */
  public static Result run(
      SparkSession spark,
      IngestSettings settings,
      String input,
      String out,
      double progressIntervalSeconds,
      PrintStream progress)
      throws IOException {
    long start = System.nanoTime();
    String runId =
        "ingest-"
            + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    WritableFolder.require(new Path(out), hadoop, "--out");
    List<VideoFile> found = VideoListing.list(input, settings.extensions(), hadoop);
    if (found.isEmpty()) {
      throw new IOException(
          "no videos under "
              + input
              + " (extensions "
              + String.join(",", settings.extensions().stream().sorted().toList())
              + ")");
    }
    if (progress != null)
      progress.printf("ingest: %d videos under %s into %s%n", found.size(), input, out);
    CorpusManifest manifest = CorpusManifest.find(input, hadoop);
    List<List<VideoFile>> groups = VideoListing.balance(found, settings.maxTasks());

    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    CollectionAccumulator<VideoRecord> videos =
        spark.sparkContext().collectionAccumulator("ingest.videos");
    CollectionAccumulator<FailureRecord> failures =
        spark.sparkContext().collectionAccumulator("ingest.failures");
    LongAccumulator clips = spark.sparkContext().longAccumulator("ingest.clips");
    VideoIngester ingester =
        new VideoIngester(
            new VideoDecoding(settings.clips(), HadoopSettings.of(hadoop), videos, failures),
            manifest,
            clips);

    // One group per task: parallelize gives each slice exactly one element when slices == elements.
    JavaRDD<Row> rows = jsc.parallelize(groups, groups.size()).flatMap(ingester::ingest);
    JobProgress listener =
        VideoListing.progress(
            spark.sparkContext(), "ingest", groups, clips, progressIntervalSeconds, progress);
    // Clips are staged: which files are lost (silent, say) is known only once they are decoded.
    Path staged = new Path(out, "_" + CLIPS + "-" + runId);
    try {
      spark.sparkContext().setJobDescription("ingest " + input);
      writeClips(spark.createDataFrame(rows, ClipRows.SCHEMA), staged.toString());
    } finally {
      if (listener != null) {
        listener.close();
      }
    }

    VideoOutcomes.Settled settled = VideoOutcomes.settle(videos.value(), failures.value());
    publishClips(spark, settled, staged, new Path(out, CLIPS));
    List<VideoRecord> ingested = settled.videos();
    List<FailureRecord> failed = settled.failures();
    writeSmall(
        spark,
        ingested.stream().map(v -> v.toRow(runId)).toList(),
        VideoRecord.SCHEMA,
        table(out, VIDEOS));
    writeSmall(
        spark,
        failed.stream().map(f -> f.toRow(runId)).toList(),
        FailureRecord.SCHEMA,
        table(out, FAILURES));

    double media = ingested.stream().mapToDouble(VideoRecord::durationSeconds).sum();
    long kept =
        settled.dropped().isEmpty()
            ? clips.value()
            : spark.read().parquet(table(out, CLIPS)).count();
    return new Result(
        runId,
        found.size(),
        ingested.size(),
        kept,
        media,
        (System.nanoTime() - start) / 1e9,
        failed);
  }

  private static void writeClips(Dataset<Row> clips, String path) {
    clips
        .write()
        .mode(SaveMode.Overwrite)
        .option("parquet.enable.dictionary#audio", "false")
        .option("parquet.enable.dictionary#frames.list.element", "false")
        .parquet(path);
  }

  /**
   * Moves the staged clips into place, without those of lost files (rewritten only when there are
   * any).
   */
  private static void publishClips(
      SparkSession spark, VideoOutcomes.Settled settled, Path staged, Path target)
      throws IOException {
    FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
    if (settled.dropped().isEmpty()) {
      fs.delete(target, true);
      if (!fs.rename(staged, target))
        throw new IOException("cannot move " + staged + " to " + target);
      return;
    }
    writeClips(
        VideoOutcomes.withoutDropped(spark, spark.read().parquet(staged.toString()), settled),
        target.toString());
    fs.delete(staged, true);
  }

  public static String table(String out, String name) {
    return new Path(out, name).toString();
  }

  private static void writeSmall(
      SparkSession spark, List<Row> rows, StructType schema, String path) {
    spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.Overwrite).parquet(path);
  }
}
