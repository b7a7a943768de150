package io.pixelplayer.jobs.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.spark.SparkSessions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How runs commit to the Iceberg tables, with rows staged by hand (no model, no video). */
class WarehouseCommitTest {
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = SparkSessions.create("warehouse-test", PixelPlayerConf.defaults(), "local[1]");
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  /** Stages one indexed video of {@code clips} clips, one source each, as run {@code run}. */
  private static void stageVideo(Warehouse warehouse, String run, String video, int clips) {
    String uri = "file:/videos/" + video + ".mp4";
    stage(
        warehouse,
        run,
        WarehouseTables.VIDEOS,
        List.of(
            RowFactory.create(
                video, uri, 10L, "f-" + run, 6.0, 320, 240, 25.0, 44100, run, "m1", clips)));
    List<Row> clipRows = new ArrayList<>();
    List<Row> sourceRows = new ArrayList<>();
    List<Row> mapRows = new ArrayList<>();
    for (int c = 0; c < clips; c++) {
      String clip = video + "#" + c;
      clipRows.add(RowFactory.create(clip, video, uri, 3.0 * c, 3.0 * c + 3, -20f, 1, run));
      sourceRows.add(
          RowFactory.create(
              clip,
              video,
              uri,
              3.0 * c,
              3.0 * c + 3,
              0,
              "cello",
              0.9,
              1.0,
              0.5,
              0.5,
              0.0,
              0.0,
              1.0,
              1.0,
              warehouse.stems(run) + "/" + video + "/" + c + "-0-cello.wav",
              run));
      mapRows.add(RowFactory.create(clip, -1, 1, 1, List.of(1f), run, uri));
    }
    stage(warehouse, run, WarehouseTables.CLIPS, clipRows);
    stage(warehouse, run, WarehouseTables.SOURCES, sourceRows);
    stage(warehouse, run, WarehouseTables.PIXEL_MAPS, mapRows);
  }

  private static void stage(Warehouse warehouse, String run, String table, List<Row> rows) {
    spark
        .createDataFrame(rows, WarehouseTables.schema(table))
        .write()
        .mode("append")
        .parquet(warehouse.staged(run, table).toString());
  }

  private static String run(int second) {
    return WarehouseRun.newId(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(second));
  }

  private static long count(Warehouse warehouse, String table) {
    return warehouse.tables(spark).get(table).count();
  }

  private static List<String> runIdsRead(Warehouse warehouse, String table) {
    return warehouse.tables(spark).get(table).select("run_id").distinct().collectAsList().stream()
        .map(r -> r.getString(0))
        .sorted()
        .toList();
  }

  @Test
  void aNightlyRunReplacesAChangedVideosRowsInOneSnapshotPerTable(@TempDir Path dir)
      throws Exception {
    Warehouse warehouse = new Warehouse(dir.resolve("wh").toString(), hadoop());
    String first = run(0);
    stageVideo(warehouse, first, "a", 2);
    stageVideo(warehouse, first, "b", 1);
    warehouse.commit(spark, new WarehouseRun(first, true, Map.of("videos_indexed", "2")));
    String second = run(60);
    stageVideo(warehouse, second, "a", 3);
    warehouse.commit(
        spark,
        new WarehouseRun(second, false, Map.of("videos_indexed", "1", "model_version", "m2")));

    // Video a's rows are the second run's only; b's are untouched; no table holds a twice.
    for (String table : WarehouseTables.ALL) {
      if (table.equals(WarehouseTables.FAILURES)) continue;
      Snapshot current = warehouse.table(table).currentSnapshot();
      assertThat(current.summary())
          .as(table)
          .containsEntry(Warehouse.RUN_ID, second)
          .containsEntry("pixelplayer.model_version", "m2")
          .containsEntry("pixelplayer.kind", "incremental");
      List<String> rows = new ArrayList<>();
      try (CloseableIterable<Record> read = IcebergGenerics.read(warehouse.table(table)).build()) {
        for (Record r : read) rows.add(r.getField("uri") + " " + r.getField("run_id"));
      }
      assertThat(rows.stream().filter(r -> r.contains("/a.mp4")).distinct().toList())
          .as(table)
          .containsExactly("file:/videos/a.mp4 " + second);
      assertThat(rows.stream().filter(r -> r.contains("/b.mp4")).distinct().toList())
          .as(table)
          .containsExactly("file:/videos/b.mp4 " + first);
    }
    assertThat(count(warehouse, WarehouseTables.CLIPS)).isEqualTo(4);
    assertThat(warehouse.runs())
        .extracting(WarehouseRun::runId, WarehouseRun::full)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(first, true),
            org.assertj.core.groups.Tuple.tuple(second, false));
    assertThat(warehouse.table(WarehouseTables.VIDEOS).currentSnapshot().summary())
        .containsEntry("pixelplayer.videos_indexed", "1")
        .containsEntry("pixelplayer.kind", "incremental");
    assertThat(dir.resolve("wh/_staging")).doesNotExist();
  }

  @Test
  void aRunThatDiesBetweenTwoTableCommitsIsNeverSeenAndTheNextRunRollsItBack(@TempDir Path dir)
      throws Exception {
    Warehouse warehouse = new Warehouse(dir.resolve("wh").toString(), hadoop());
    String first = run(0);
    stageVideo(warehouse, first, "a", 2);
    warehouse.commit(spark, new WarehouseRun(first, true, Map.of()));

    String dying = run(60);
    stageVideo(warehouse, dying, "a", 3);
    Files.createDirectories(dir.resolve("wh/stems/" + dying + "/a"));
    warehouse.afterTableCommit(
        table -> {
          if (table.equals(WarehouseTables.CLIPS)) throw new IllegalStateException("killed");
        });
    assertThatThrownBy(() -> warehouse.commit(spark, new WarehouseRun(dying, false, Map.of())))
        .hasMessage("killed");
    warehouse.afterTableCommit(table -> {});

    // Its clips, sources and maps are committed, its videos not: readers see the first run only,
    // in every table.
    assertThat(warehouse.table(WarehouseTables.CLIPS).currentSnapshot().summary())
        .containsEntry(Warehouse.RUN_ID, dying);
    for (String table :
        List.of(
            WarehouseTables.VIDEOS,
            WarehouseTables.CLIPS,
            WarehouseTables.SOURCES,
            WarehouseTables.PIXEL_MAPS)) {
      assertThat(runIdsRead(warehouse, table)).as(table).containsExactly(first);
    }
    assertThat(count(warehouse, WarehouseTables.CLIPS)).isEqualTo(2);
    assertThat(warehouse.runs()).extracting(WarehouseRun::runId).containsExactly(first);

    // The next run rolls its snapshots back and removes its staging and stems.
    assertThat(warehouse.clearInterrupted()).containsExactly(dying);
    for (String table : WarehouseTables.ALL) {
      assertThat(warehouse.table(table).currentSnapshot().summary())
          .as(table)
          .containsEntry(Warehouse.RUN_ID, first);
    }
    assertThat(dir.resolve("wh/stems/" + dying)).doesNotExist();
    assertThat(dir.resolve("wh/_staging")).doesNotExist();
    String next = run(120);
    stageVideo(warehouse, next, "a", 3);
    warehouse.commit(spark, new WarehouseRun(next, false, Map.of()));
    assertThat(runIdsRead(warehouse, WarehouseTables.CLIPS)).containsExactly(next);
    assertThat(count(warehouse, WarehouseTables.CLIPS)).isEqualTo(3);
  }

  @Test
  void maintenanceExpiresOldSnapshotsAndRemovesUnreferencedFilesAndStems(@TempDir Path dir)
      throws Exception {
    Warehouse warehouse = new Warehouse(dir.resolve("wh").toString(), hadoop());
    String first = run(0);
    stageVideo(warehouse, first, "a", 1);
    stageVideo(warehouse, first, "b", 1);
    warehouse.commit(spark, new WarehouseRun(first, true, Map.of()));
    String second = run(60);
    stageVideo(warehouse, second, "a", 1);
    warehouse.commit(spark, new WarehouseRun(second, false, Map.of()));
    for (String stem : List.of(first + "/a", first + "/b", second + "/a")) {
      Files.createDirectories(dir.resolve("wh/stems/" + stem));
      Files.writeString(dir.resolve("wh/stems/" + stem + "/0-0-cello.wav"), "wav");
    }
    Path orphan = dir.resolve("wh/clips/data/orphan.parquet");
    Files.writeString(orphan, "left by a write that died");
    long clipsBefore = count(warehouse, WarehouseTables.CLIPS);

    // Keeping everything younger than now: only each table's latest snapshot stays.
    WarehouseMaintenance.Done done =
        WarehouseMaintenance.run(
            spark, warehouse, Instant.now().plusSeconds(1), 1, Instant.now().plusSeconds(1));

    assertThat(done.snapshotsExpired()).containsEntry(WarehouseTables.VIDEOS, 2L);
    assertThat(done.orphanFilesRemoved().get(WarehouseTables.CLIPS)).isPositive();
    assertThat(orphan).doesNotExist();
    // The first run's stems of a were replaced and its snapshot is gone; b's are still current.
    assertThat(done.stemFoldersRemoved()).isEqualTo(1);
    assertThat(dir.resolve("wh/stems/" + first + "/a")).doesNotExist();
    assertThat(dir.resolve("wh/stems/" + first + "/b/0-0-cello.wav")).exists();
    assertThat(dir.resolve("wh/stems/" + second + "/a/0-0-cello.wav")).exists();
    assertThat(count(warehouse, WarehouseTables.CLIPS)).isEqualTo(clipsBefore);
    assertThat(warehouse.runs()).extracting(WarehouseRun::runId).containsExactly(second);
  }

  @Test
  void aCatalogServiceCanHoldTheTablesWhoseFilesStayUnderTheWarehouse(@TempDir Path dir)
      throws Exception {
    // Iceberg's JDBC catalog on SQLite stands in for a catalog service (REST, Glue, ...).
    String key = "spark.sql.catalog.shared";
    spark.conf().set(key, "org.apache.iceberg.spark.SparkCatalog");
    spark.conf().set(key + ".type", "jdbc");
    spark.conf().set(key + ".uri", "jdbc:sqlite:" + dir.resolve("catalog.db"));
    spark.conf().set(key + ".jdbc.schema-version", "V1");
    spark.conf().set(key + ".warehouse", dir.resolve("elsewhere").toUri().toString());
    spark.conf().set(key + ".cache-enabled", "false");
    Warehouse warehouse =
        new Warehouse(
            dir.resolve("wh").toString(),
            spark,
            new WarehouseCatalog("shared", "media"),
            TablePartitioning.DEFAULT);
    String first = run(0);
    stageVideo(warehouse, first, "a", 2);
    warehouse.commit(spark, new WarehouseRun(first, true, Map.of()));
    String second = run(60);
    stageVideo(warehouse, second, "a", 1);
    warehouse.commit(spark, new WarehouseRun(second, false, Map.of()));

    assertThat(count(warehouse, WarehouseTables.CLIPS)).isEqualTo(1);
    assertThat(warehouse.runs()).extracting(WarehouseRun::runId).containsExactly(first, second);
    assertThat(warehouse.table(WarehouseTables.CLIPS).location())
        .isEqualTo("file:" + dir.resolve("wh/clips"));
    assertThat(dir.resolve("wh/clips/metadata")).isDirectory();
    assertThat(dir.resolve("catalog.db")).isNotEmptyFile();
    assertThat(spark.sql("SELECT count(*) FROM shared.media.clips").first().getLong(0))
        .isEqualTo(1);

    Warehouse unconfigured =
        new Warehouse(
            dir.resolve("wh2").toString(),
            spark,
            new WarehouseCatalog("nowhere", "x"),
            TablePartitioning.DEFAULT);
    assertThatThrownBy(unconfigured::runs)
        .hasMessageStartingWith("pixelplayer.warehouse.catalog=nowhere names no Spark catalog");
  }

  @Test
  void aSecondWriterFailsInOneLineUntilTheFirstEndsOrItsLockGoesStale(@TempDir Path dir)
      throws Exception {
    Warehouse warehouse = new Warehouse(dir.resolve("wh").toString(), hadoop());
    Files.createDirectories(dir.resolve("wh"));
    try (WarehouseLock held = warehouse.lock("nightly run-1", Duration.ofMinutes(10))) {
      assertThatThrownBy(() -> warehouse.lock("nightly run-2", Duration.ofMinutes(10)))
          .hasMessageStartingWith("the warehouse is being written by nightly run-1 since ")
          .hasMessageNotContaining("\n");
    }
    try (WarehouseLock again = warehouse.lock("nightly run-3", Duration.ofMinutes(10))) {
      assertThat(dir.resolve("wh/_lock")).content().startsWith("nightly run-3 since ");
    }
    assertThat(dir.resolve("wh/_lock")).doesNotExist();

    // A run that died left its lock: once it is older than the timeout, the next run takes it.
    Files.writeString(dir.resolve("wh/_lock"), "nightly run-4 since then\n");
    Files.setLastModifiedTime(
        dir.resolve("wh/_lock"),
        java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(60)));
    try (WarehouseLock taken = warehouse.lock("nightly run-5", Duration.ofSeconds(30))) {
      assertThat(dir.resolve("wh/_lock")).content().startsWith("nightly run-5 since ");
    }

    // A live run refreshes its lock every quarter of the timeout, its text whole at every read.
    Path lock = dir.resolve("wh/_lock");
    try (WarehouseLock live = warehouse.lock("nightly run-6", Duration.ofMillis(400))) {
      java.nio.file.attribute.FileTime taken = Files.getLastModifiedTime(lock);
      for (int read = 0; read < 60; read++) {
        assertThat(lock).content().startsWith("nightly run-6 since ");
        Thread.sleep(10);
      }
      assertThat(Files.getLastModifiedTime(lock)).isGreaterThan(taken);
      assertThat(dir.resolve("wh")).isDirectoryNotContaining("glob:**.crc");
    }
    assertThat(dir.resolve("wh")).isEmptyDirectory();
  }

  /**
   * An object store: creating a file that must not exist is a check and then a write, so two runs
   * started at once can both pass the check.
   */
  static final class ObjectStoreLike extends RawLocalFileSystem {
    @Override
    public FSDataOutputStream create(
        org.apache.hadoop.fs.Path f,
        FsPermission permission,
        boolean overwrite,
        int bufferSize,
        short replication,
        long blockSize,
        Progressable progress)
        throws IOException {
      return super.create(f, permission, true, bufferSize, replication, blockSize, progress);
    }
  }

  @Test
  void ofTwoRunsStartedAtOnceOnAnObjectStoreOneWritesAndTheOtherFailsInOneLine(@TempDir Path dir)
      throws Exception {
    FileSystem fs = new ObjectStoreLike();
    fs.initialize(URI.create("file:///"), hadoop());
    org.apache.hadoop.fs.Path lock = new org.apache.hadoop.fs.Path(dir.resolve("_lock").toUri());
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService runs = Executors.newFixedThreadPool(2);
    List<Future<WarehouseLock>> taken = new ArrayList<>();
    for (String run : List.of("nightly run-a", "nightly run-b")) {
      taken.add(
          runs.submit(
              () -> {
                start.await();
                return WarehouseLock.acquire(fs, lock, run, Duration.ofMinutes(10));
              }));
    }
    start.countDown();
    List<WarehouseLock> held = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (Future<WarehouseLock> f : taken) {
      try {
        held.add(f.get());
      } catch (ExecutionException e) {
        refused.add(e.getCause().getMessage());
      }
    }
    runs.shutdown();
    assertThat(held).hasSize(1);
    assertThat(refused)
        .singleElement()
        .asString()
        .matches("the warehouse is being written by (nightly run-[ab] since |another run ).*")
        .doesNotContain("\n");
    held.get(0).close();
  }

  @Test
  void aWarehouseOfTheEarlierLayoutIsRefusedInOneLineThatSaysWhatToDo(@TempDir Path dir)
      throws Exception {
    Files.createDirectories(dir.resolve("wh/_runs"));
    Files.writeString(dir.resolve("wh/_runs/run-1.properties"), "run_id=run-1\nkind=full\n");
    Warehouse warehouse = new Warehouse(dir.resolve("wh").toString(), hadoop());

    assertThatThrownBy(warehouse::requireRuns)
        .hasMessageContaining("was written by an earlier PixelPlayer")
        .hasMessageContaining("pixelplayer index --input VIDEOS --warehouse NEW_URI")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(warehouse::requireWritable).hasMessageContaining("earlier PixelPlayer");
  }

  private static org.apache.hadoop.conf.Configuration hadoop() {
    return spark.sparkContext().hadoopConfiguration();
  }
}
