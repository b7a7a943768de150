package io.pixelplayer.jobs.index;

import io.pixelplayer.jobs.fs.FileUris;
import io.pixelplayer.jobs.ingest.VideoDecoding;
import io.pixelplayer.jobs.ingest.VideoListing;
import io.pixelplayer.jobs.ingest.VideoListing.VideoFile;
import io.pixelplayer.jobs.ingest.VideoOutcomes;
import io.pixelplayer.jobs.spark.HadoopSettings;
import io.pixelplayer.jobs.spark.JobProgress;
import io.pixelplayer.jobs.warehouse.FailureRecord;
import io.pixelplayer.jobs.warehouse.VideoRecord;
import io.pixelplayer.jobs.warehouse.Warehouse;
import io.pixelplayer.jobs.warehouse.WarehouseLock;
import io.pixelplayer.jobs.warehouse.WarehouseRun;
import io.pixelplayer.jobs.warehouse.WarehouseTables;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;

/**
 * The index job: videos under an input URI → a run of the warehouse (videos, clips, sources,
 * pixel_maps, failures and stems), staged and committed all-or-nothing. A full run ({@code index})
 * replaces what the warehouse held; an incremental one ({@code nightly}) takes only the videos that
 * are new or changed since the runs before it (by fingerprint) and adds to them. Executors decode,
 * analyse and separate; the driver lists, balances and commits.
 */
public final class IndexJob {
  /**
   * The nested rows the executors write, inside the run's staging folder (Spark skips names
   * starting with _).
   */
  private static final String INDEXED = "indexed";

  private IndexJob() {}

  /** The model a run uses: where it is (a local path or a Hadoop URI) and its version. */
  public record ModelRef(String uri, String version) {}

  /**
   * What a run did.
   *
   * @param runId the committed run, or null when an incremental run found nothing new (and
   *     committed nothing)
   * @param unchanged videos skipped because an earlier run already has them
   * @param cleared runs an earlier interruption left behind, removed before this one
   */
  public record Result(
      String runId,
      ModelRef model,
      int videosFound,
      int unchanged,
      int videosIndexed,
      long clips,
      long sources,
      double mediaSeconds,
      double wallSeconds,
      List<FailureRecord> failures,
      Set<String> cleared) {

    public double clipsPerSecond() {
      return clips / wallSeconds;
    }

    public double timesRealTime() {
      return mediaSeconds / wallSeconds;
    }
  }

  public static Result run(
      SparkSession spark,
      IndexSettings settings,
      String input,
      Warehouse warehouse,
      ModelRef model,
      boolean incremental,
      double progressIntervalSeconds,
      PrintStream progress)
      throws IOException {
    return run(
        spark,
        settings,
        input,
        warehouse,
        model,
        TaskModel.shared(model.uri(), model.version(), settings.device()),
        incremental,
        progressIntervalSeconds,
        progress);
  }

  /**
   * The job with the model its tasks analyse clips with given: {@code model} names what the run
   * records.
   */
  static Result run(
      SparkSession spark,
      IndexSettings settings,
      String input,
      Warehouse warehouse,
      ModelRef model,
      TaskModel.Source taskModel,
      boolean incremental,
      double progressIntervalSeconds,
      PrintStream progress)
      throws IOException {
    long start = System.nanoTime();
    Instant started = Instant.now();
    String runId = WarehouseRun.newId(started);
    warehouse.requireWritable();
    // The whole run holds the warehouse: clearing what a dead run left, indexing, committing.
    try (WarehouseLock lock =
        warehouse.lock((incremental ? "nightly " : "index ") + runId, settings.lockTimeout())) {
      Configuration hadoop = spark.sparkContext().hadoopConfiguration();
      Set<String> cleared = warehouse.clearInterrupted();
      List<VideoFile> found = VideoListing.list(input, settings.input().extensions(), hadoop);
      if (found.isEmpty() && !incremental) {
        throw new IOException(
            "no videos under "
                + input
                + " (extensions "
                + String.join(",", settings.input().extensions().stream().sorted().toList())
                + ")");
      }
      List<VideoFile> todo = found;
      if (incremental) {
        Map<String, String> known = warehouse.fingerprints(spark);
        todo = found.stream().filter(v -> !v.fingerprint().equals(known.get(v.uri()))).toList();
      }
      int unchanged = found.size() - todo.size();
      if (progress != null) {
        progress.printf(
            "%s: %d videos under %s (%d new or changed); model %s; warehouse %s%n",
            incremental ? "nightly" : "index",
            found.size(),
            input,
            todo.size(),
            model.version(),
            warehouse.uri());
      }
      if (todo.isEmpty()) {
        return new Result(
            null,
            model,
            found.size(),
            unchanged,
            0,
            0,
            0,
            0,
            (System.nanoTime() - start) / 1e9,
            List.of(),
            cleared);
      }

      List<List<VideoFile>> groups = VideoListing.balance(todo, settings.input().maxTasks());
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      CollectionAccumulator<VideoRecord> videos =
          spark.sparkContext().collectionAccumulator("index.videos");
      CollectionAccumulator<FailureRecord> failures =
          spark.sparkContext().collectionAccumulator("index.failures");
      LongAccumulator clips = spark.sparkContext().longAccumulator("index.clips");
      VideoIndexer indexer =
          new VideoIndexer(
              new VideoDecoding(settings.clips(), HadoopSettings.of(hadoop), videos, failures),
              settings,
              taskModel,
              FileUris.of(warehouse.stems(runId)),
              clips);

      // One group per task: parallelize gives each slice exactly one element when slices ==
      // elements.
      JavaRDD<Row> rows = jsc.parallelize(groups, groups.size()).flatMap(indexer::index);
      String indexedPath = warehouse.staged(runId, INDEXED).toString();
      JobProgress listener =
          VideoListing.progress(
              spark.sparkContext(), "index", groups, clips, progressIntervalSeconds, progress);
      try {
        spark.sparkContext().setJobDescription("index " + input);
        spark
            .createDataFrame(rows, IndexedClipRows.SCHEMA)
            .write()
            .mode(SaveMode.Overwrite)
            .parquet(indexedPath);
      } finally {
        if (listener != null) listener.close();
      }

      // Each file indexed (in full or in part) or failed, once; what lost files gave is dropped
      // with
      // their stems.
      VideoOutcomes.Settled settled = VideoOutcomes.settle(videos.value(), failures.value());
      dropStems(todo, settled.dropped(), warehouse.stems(runId), hadoop);

      // The networks ran once per clip; the tables are cheap reshapes of what they wrote.
      spark.sparkContext().setJobDescription("index " + input + ": tables");
      Dataset<Row> indexed =
          VideoOutcomes.withoutDropped(spark, spark.read().parquet(indexedPath), settled);
      int files = Math.max(1, Math.min(groups.size(), spark.sparkContext().defaultParallelism()));
      write(
          IndexedClipRows.clips(indexed, runId).coalesce(files),
          warehouse.staged(runId, WarehouseTables.CLIPS).toString());
      write(
          IndexedClipRows.sources(indexed, runId).coalesce(files),
          warehouse.staged(runId, WarehouseTables.SOURCES).toString());
      write(
          IndexedClipRows.pixelMaps(indexed, runId).coalesce(files),
          warehouse.staged(runId, WarehouseTables.PIXEL_MAPS).toString());
      long clipCount =
          spark.read().parquet(warehouse.staged(runId, WarehouseTables.CLIPS).toString()).count();
      long sourceCount =
          spark.read().parquet(warehouse.staged(runId, WarehouseTables.SOURCES).toString()).count();

      List<VideoRecord> done = settled.videos();
      List<FailureRecord> failed = settled.failures();
      List<Row> videoRows =
          done.stream().map(v -> v.toWarehouseRow(runId, model.version())).toList();
      write(
          spark.createDataFrame(videoRows, WarehouseTables.VIDEOS_SCHEMA).coalesce(1),
          warehouse.staged(runId, WarehouseTables.VIDEOS).toString());
      write(
          spark
              .createDataFrame(
                  failed.stream().map(f -> f.toRow(runId)).toList(), FailureRecord.SCHEMA)
              .coalesce(1),
          warehouse.staged(runId, WarehouseTables.FAILURES).toString());

      double media = done.stream().mapToDouble(VideoRecord::durationSeconds).sum();
      double wall = (System.nanoTime() - start) / 1e9;
      Map<String, String> details = new LinkedHashMap<>();
      details.put("input", input);
      details.put("model_version", model.version());
      details.put("videos_found", Integer.toString(found.size()));
      details.put("videos_unchanged", Integer.toString(unchanged));
      details.put("videos_indexed", Integer.toString(done.size()));
      details.put("clips", Long.toString(clipCount));
      details.put("sources", Long.toString(sourceCount));
      details.put("failures", Integer.toString(failed.size()));
      details.put("media_seconds", String.format(Locale.ROOT, "%.1f", media));
      details.put("started", started.toString());
      details.put("committed", Instant.now().toString());
      details.put("wall_seconds", String.format(Locale.ROOT, "%.1f", wall));
      warehouse.commit(spark, new WarehouseRun(runId, !incremental, details));
      return new Result(
          runId,
          model,
          found.size(),
          unchanged,
          done.size(),
          clipCount,
          sourceCount,
          media,
          wall,
          failed,
          cleared);
    }
  }

  /**
   * Deletes the staged stems of the videos that are lost (each video's stems lie in a folder named
   * by its id).
   */
  private static void dropStems(
      List<VideoFile> videos, Set<String> dropped, Path stems, Configuration hadoop)
      throws IOException {
    FileSystem fs = stems.getFileSystem(hadoop);
    for (VideoFile video : videos) {
      if (dropped.contains(video.uri())) fs.delete(new Path(stems, video.videoId()), true);
    }
  }

  private static void write(Dataset<Row> rows, String path) {
    rows.write().mode(SaveMode.Overwrite).parquet(path);
  }
}
