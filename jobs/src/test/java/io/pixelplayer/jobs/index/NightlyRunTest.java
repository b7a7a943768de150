package io.pixelplayer.jobs.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.ingest.TestVideos;
import io.pixelplayer.jobs.spark.SparkSessions;
import io.pixelplayer.jobs.warehouse.Warehouse;
import io.pixelplayer.jobs.warehouse.WarehouseRun;
import io.pixelplayer.jobs.warehouse.WarehouseTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly run is incremental and exactly once: only new or changed videos, a rerun adds
 * nothing, what an interrupted run left is cleared and its videos redone, and a full index run
 * replaces it all. Short generated videos (one clip each).
 */
class NightlyRunTest {
  private static final PixelPlayerConf CONF =
      PixelPlayerConf.defaults().with("pixelplayer.index.stems", "false");
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = SparkSessions.create("nightly-test", PixelPlayerConf.defaults(), "local[2]");
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void indexesOnlyNewOrChangedVideosExactlyOnce(@TempDir Path dir) throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Path a = TestVideos.good(in, "a.mp4", 3.2, 160, 120, 12, 440);
    Warehouse warehouse =
        new Warehouse(dir.resolve("wh").toString(), spark.sparkContext().hadoopConfiguration());

    IndexJob.Result first = ShippedModelIndex.index(spark, in, warehouse, true, CONF);
    assertThat(first.videosIndexed()).isEqualTo(1);
    assertThat(rows(warehouse, WarehouseTables.CLIPS)).isEqualTo(1);

    // A rerun with nothing new commits nothing.
    IndexJob.Result rerun = ShippedModelIndex.index(spark, in, warehouse, true, CONF);
    assertThat(rerun.runId()).isNull();
    assertThat(rerun.unchanged()).isEqualTo(1);
    assertThat(warehouse.runs()).hasSize(1);

    // New files: only they are indexed; a broken one fails once and is not retried while it stays
    // the same.
    TestVideos.good(in, "b.mp4", 3.2, 160, 120, 12, 660);
    Path broken = TestVideos.randomBytes(in);
    IndexJob.Result second = ShippedModelIndex.index(spark, in, warehouse, true, CONF);
    assertThat(second.videosFound()).isEqualTo(3);
    assertThat(second.unchanged()).isEqualTo(1);
    assertThat(second.videosIndexed()).isEqualTo(1);
    assertThat(second.failures())
        .singleElement()
        .satisfies(f -> assertThat(f.uri()).endsWith(broken.getFileName().toString()));
    assertThat(ShippedModelIndex.index(spark, in, warehouse, true, CONF).runId()).isNull();
    assertThat(rows(warehouse, WarehouseTables.VIDEOS)).isEqualTo(2);
    assertThat(rows(warehouse, WarehouseTables.FAILURES)).isEqualTo(1);

    // A changed video (new size and time) is indexed again; readers see only its latest rows.
    TestVideos.good(in, "a.mp4", 3.4, 160, 120, 12, 880);
    Files.setLastModifiedTime(a, FileTime.from(Instant.now().plusSeconds(60)));
    IndexJob.Result third = ShippedModelIndex.index(spark, in, warehouse, true, CONF);
    assertThat(third.videosIndexed()).isEqualTo(1);
    assertThat(rows(warehouse, WarehouseTables.VIDEOS)).isEqualTo(2);
    assertThat(rows(warehouse, WarehouseTables.CLIPS)).isEqualTo(2);
    List<Row> current =
        warehouse.tables(spark).get(WarehouseTables.VIDEOS).orderBy("video_id").collectAsList();
    assertThat(current)
        .extracting(r -> r.<String>getAs("run_id"))
        .containsExactly(third.runId(), second.runId());
    long mapsOfA =
        warehouse.tables(spark).get(WarehouseTables.PIXEL_MAPS).where("clip_id = 'a#0'").count();
    long sourcesOfA =
        warehouse.tables(spark).get(WarehouseTables.SOURCES).where("clip_id = 'a#0'").count();
    assertThat(mapsOfA).isEqualTo(1 + sourcesOfA);

    // A run that died before its commit: its staging folder and its stems. The next run clears
    // both and redoes its videos; nothing of it is ever read.
    String dead = WarehouseRun.newId(Instant.now().minusSeconds(5));
    Files.createDirectories(dir.resolve("wh/_staging/" + dead + "/clips"));
    Files.writeString(dir.resolve("wh/_staging/" + dead + "/clips/part-0.parquet"), "half written");
    Files.createDirectories(dir.resolve("wh/stems/" + dead + "/c"));
    Files.writeString(dir.resolve("wh/stems/" + dead + "/c/0-0-cello.wav"), "half written");
    TestVideos.good(in, "c.mp4", 3.2, 160, 120, 12, 550);
    IndexJob.Result fourth = ShippedModelIndex.index(spark, in, warehouse, true, CONF);
    assertThat(fourth.cleared()).containsExactly(dead);
    assertThat(fourth.videosIndexed()).isEqualTo(1);
    assertThat(dir.resolve("wh/stems/" + dead)).doesNotExist();
    assertThat(dir.resolve("wh/_staging")).doesNotExist();
    assertThat(rows(warehouse, WarehouseTables.VIDEOS)).isEqualTo(3);
    assertThat(rows(warehouse, WarehouseTables.CLIPS)).isEqualTo(3);
    assertThat(warehouse.runs()).hasSize(4);

    // A full index run replaces every row; the earlier runs stay in the log (and in time travel)
    // until their snapshots expire.
    IndexJob.Result full = ShippedModelIndex.index(spark, in, warehouse, false, CONF);
    assertThat(full.videosIndexed()).isEqualTo(3);
    assertThat(warehouse.runs())
        .hasSize(5)
        .last()
        .satisfies(
            r -> {
              assertThat(r.runId()).isEqualTo(full.runId());
              assertThat(r.full()).isTrue();
            });
    assertThat(rows(warehouse, WarehouseTables.VIDEOS)).isEqualTo(3);
    for (String table : WarehouseTables.ALL) {
      assertThat(
              warehouse.tables(spark).get(table).where("run_id <> '" + full.runId() + "'").count())
          .as(table)
          .isZero();
    }
  }

  private static long rows(Warehouse warehouse, String table) throws Exception {
    Map<String, Dataset<Row>> tables = warehouse.tables(spark);
    return tables.get(table).count();
  }
}
