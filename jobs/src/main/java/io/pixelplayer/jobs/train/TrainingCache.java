package io.pixelplayer.jobs.train;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.ingest.IngestJob;
import io.pixelplayer.jobs.ingest.IngestSettings;
import io.pixelplayer.jobs.spark.JobProgress;
import io.pixelplayer.model.infer.StoredClip;
import io.pixelplayer.udf.Pcm16;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Reads the clips an ingest run wrote (its {@code clips} table, the training cache) as {@link
 * StoredClip}s: the labelled, non-silent clips of one split and kind, streamed to the driver.
 */
public final class TrainingCache {
  private TrainingCache() {}

  /**
   * The ingest output of {@code corpus}: the corpus itself when it is one (holds {@code clips/}),
   * else {@code CORPUS/ingest}, ingested there first unless a finished run is there already.
   */
  public static Path ingested(SparkSession spark, PixelPlayerConf conf, Path corpus)
      throws IOException {
    if (!Files.isDirectory(corpus))
      throw new IllegalArgumentException("corpus " + corpus + ": no such folder");
    Path cache =
        Files.isDirectory(corpus.resolve(IngestJob.CLIPS)) ? corpus : corpus.resolve("ingest");
    if (!Files.exists(cache.resolve(IngestJob.CLIPS).resolve("_SUCCESS"))) {
      IngestJob.run(
          spark,
          IngestSettings.from(conf),
          corpus.toString(),
          cache.toString(),
          conf.getDouble(JobProgress.INTERVAL_SECONDS),
          System.err);
    }
    return cache;
  }

  /**
   * @param ingestOut the ingest run's output folder (holding {@code clips/})
   * @param split train, val or test
   * @param kind solo or duet
   */
  public static List<StoredClip> load(
      SparkSession spark, String ingestOut, String split, String kind) {
    Dataset<Row> clips =
        spark
            .read()
            .parquet(IngestJob.table(ingestOut, IngestJob.CLIPS))
            .where(
                functions
                    .col("split")
                    .equalTo(split)
                    .and(functions.col("kind").equalTo(kind))
                    .and(functions.not(functions.col("silent"))))
            .select(
                "video_id",
                "instruments",
                "sample_rate",
                "audio",
                "valid_samples",
                "start_s",
                "frame_times",
                "frames")
            .orderBy("video_id", "start_s");
    List<StoredClip> loaded = new ArrayList<>();
    Iterator<Row> rows = clips.toLocalIterator();
    while (rows.hasNext()) {
      Row row = rows.next();
      List<Double> times = row.getList(6);
      double[] frameTimes = new double[times.size()];
      for (int i = 0; i < frameTimes.length; i++) {
        frameTimes[i] = times.get(i);
      }
      loaded.add(
          new StoredClip(
              row.getString(0),
              row.getList(1),
              row.getInt(2),
              Pcm16.decode(row.getAs(3)),
              row.getInt(4),
              row.getDouble(5),
              frameTimes,
              row.getList(7)));
    }
    return loaded;
  }
}
