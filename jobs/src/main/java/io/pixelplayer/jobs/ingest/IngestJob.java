package io.pixelplayer.jobs.ingest;

import io.pixelplayer.jobs.ingest.VideoListing.VideoFile;
import io.pixelplayer.jobs.spark.HadoopSettings;
import io.pixelplayer.jobs.spark.JobProgress;
import io.pixelplayer.jobs.warehouse.FailureRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;

/**
 * Ingest: every video under an input URI → {@code OUT/clips} (audio + frames per clip window, the training
 * cache), {@code OUT/videos} (what was decoded of each video) and {@code OUT/failures} (one row per bad
 * input). Decoding happens on the executors, one video at a time per task, streaming.
 */
public final class IngestJob {
  public static final String CLIPS = "clips";
  public static final String VIDEOS = "videos";
  public static final String FAILURES = "failures";

  private IngestJob() {}

  /** What a run did, for the summary and for throughput figures. */
  public record Result(String runId, int videosFound, int videosIngested, long clips, double mediaSeconds,
      double wallSeconds, List<FailureRecord> failures) {

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
  public static Result run(SparkSession spark, IngestSettings settings, String input, String out,
      double progressIntervalSeconds, PrintStream progress) throws IOException {
    long start = System.nanoTime();
    String runId = "ingest-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    List<VideoFile> found = VideoListing.list(input, settings.extensions(), hadoop);
    if (found.isEmpty()) {
      throw new IOException("no videos under " + input + " (extensions " + String.join(",", settings.extensions().stream().sorted().toList()) + ")");
    }
    CorpusManifest manifest = CorpusManifest.find(input, hadoop);
    List<List<VideoFile>> groups = VideoListing.balance(found, settings.maxTasks());

    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    CollectionAccumulator<VideoRecord> videos = spark.sparkContext().collectionAccumulator("ingest.videos");
    CollectionAccumulator<FailureRecord> failures = spark.sparkContext().collectionAccumulator("ingest.failures");
    LongAccumulator clips = spark.sparkContext().longAccumulator("ingest.clips");
    VideoIngester ingester = new VideoIngester(new VideoDecoding(settings.clips(), HadoopSettings.of(hadoop), videos, failures), manifest, clips);

    // One group per task: parallelize gives each slice exactly one element when slices == elements.
    JavaRDD<Row> rows = jsc.parallelize(groups, groups.size()).flatMap(ingester::ingest);
    JobProgress listener = progress == null ? null : new JobProgress(spark.sparkContext(), "ingest", groups.size(),
        found.size(), "videos", i -> groups.get(i).stream().mapToLong(v -> Math.max(1, v.sizeBytes())).sum(),
        i -> groups.get(i).size(), clips, "clips", progressIntervalSeconds, progress);
    try {
      spark.sparkContext().setJobDescription("ingest " + input);
      spark.createDataFrame(rows, ClipRows.SCHEMA).write().mode(SaveMode.Overwrite)
          .option("parquet.enable.dictionary#audio", "false")
          .option("parquet.enable.dictionary#frames.list.element", "false")
          .parquet(table(out, CLIPS));
    } finally {
      if (listener != null) {
        listener.close();
      }
    }

    List<VideoRecord> ingested = new ArrayList<>(videos.value());
    ingested.sort(Comparator.comparing(VideoRecord::uri));
    List<FailureRecord> failed = new ArrayList<>(failures.value());
    failed.sort(Comparator.comparing(FailureRecord::uri).thenComparing(FailureRecord::stage));
    writeSmall(spark, ingested.stream().map(v -> v.toRow(runId)).toList(), VideoRecord.SCHEMA, table(out, VIDEOS));
    writeSmall(spark, failed.stream().map(f -> f.toRow(runId)).toList(), FailureRecord.SCHEMA, table(out, FAILURES));

    double media = ingested.stream().mapToDouble(VideoRecord::durationSeconds).sum();
    return new Result(runId, found.size(), ingested.size(), clips.value(), media, (System.nanoTime() - start) / 1e9, failed);
  }

  public static String table(String out, String name) {
    return new Path(out, name).toString();
  }

  private static void writeSmall(SparkSession spark, List<Row> rows, StructType schema, String path) {
    spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.Overwrite).parquet(path);
  }
}
