package io.pixelplayer.jobs.warehouse;

import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.actions.DeleteOrphanFiles;
import org.apache.iceberg.actions.ExpireSnapshots;
import org.apache.iceberg.spark.actions.SparkActions;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Clean-up a user runs on a schedule, never a side effect of a write: per table, Iceberg's own
 * actions expire old snapshots (the runs they held leave the run log and time travel) and remove
 * files no snapshot references (left by writes that died); then the stems no retained snapshot of
 * {@code sources} points at (of replaced videos and expired runs) are deleted.
 */
public final class WarehouseMaintenance {
  private WarehouseMaintenance() {}

  /**
   * What one maintenance did.
   *
   * @param snapshotsExpired per table
   * @param orphanFilesRemoved per table
   * @param stemFoldersRemoved stems/RUN_ID/VIDEO_ID folders deleted
   */
  public record Done(
      Map<String, Long> snapshotsExpired,
      Map<String, Long> orphanFilesRemoved,
      long stemFoldersRemoved) {}

  /**
   * Maintains {@code warehouse}, whose lock the caller holds.
   *
   * @param expireBefore snapshots committed before this are expired...
   * @param keepSnapshots ...except each table's latest this many (its current one always stays)
   * @param orphansBefore files no snapshot references are removed when older than this (a write in
   *     progress has newer ones)
   */
  public static Done run(
      SparkSession spark,
      Warehouse warehouse,
      Instant expireBefore,
      int keepSnapshots,
      Instant orphansBefore)
      throws IOException {
    if (keepSnapshots < 1) {
      throw new IllegalArgumentException(
          "keep at least 1 snapshot per table, got " + keepSnapshots);
    }
    Map<String, Long> expired = new LinkedHashMap<>();
    Map<String, Long> orphans = new LinkedHashMap<>();
    if (warehouse.runs().isEmpty()) return new Done(expired, orphans, 0);
    SparkActions actions = SparkActions.get(spark);
    for (String name : WarehouseTables.ALL) {
      Table table = warehouse.table(name);
      ExpireSnapshots.Result result =
          actions
              .expireSnapshots(table)
              .expireOlderThan(expireBefore.toEpochMilli())
              .retainLast(keepSnapshots)
              .execute();
      // One manifest list per snapshot: those deleted are the snapshots expired.
      expired.put(name, result.deletedManifestListsCount());
      DeleteOrphanFiles.Result removed =
          actions.deleteOrphanFiles(table).olderThan(orphansBefore.toEpochMilli()).execute();
      long files = 0;
      for (Object ignored : removed.orphanFileLocations()) files++;
      orphans.put(name, files);
    }
    return new Done(expired, orphans, removeUnreferencedStems(spark, warehouse));
  }

  /** Deletes the stems/RUN_ID/VIDEO_ID folders that no retained snapshot of sources names. */
  private static long removeUnreferencedStems(SparkSession spark, Warehouse warehouse)
      throws IOException {
    Table sources = warehouse.table(WarehouseTables.SOURCES);
    Set<String> referenced = new HashSet<>();
    String table = warehouse.sparkTable(spark, WarehouseTables.SOURCES);
    for (Snapshot snapshot : sources.snapshots()) {
      List<Row> rows =
          spark
              .read()
              .option("snapshot-id", snapshot.snapshotId())
              .table(table)
              .where("stem_uri IS NOT NULL")
              .select("run_id", "video_id")
              .distinct()
              .collectAsList();
      for (Row row : rows) referenced.add(row.getString(0) + "/" + row.getString(1));
    }
    Path stems = warehouse.stemsRoot();
    FileSystem fs = stems.getFileSystem(spark.sparkContext().hadoopConfiguration());
    if (!fs.exists(stems)) return 0;
    long removed = 0;
    for (FileStatus run : fs.listStatus(stems)) {
      if (!run.isDirectory()) continue;
      for (FileStatus video : fs.listStatus(run.getPath())) {
        String key = run.getPath().getName() + "/" + video.getPath().getName();
        if (!referenced.contains(key) && fs.delete(video.getPath(), true)) removed++;
      }
      if (fs.listStatus(run.getPath()).length == 0) fs.delete(run.getPath(), false);
    }
    return removed;
  }
}
