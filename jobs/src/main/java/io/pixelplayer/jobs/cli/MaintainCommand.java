package io.pixelplayer.jobs.cli;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.warehouse.Warehouse;
import io.pixelplayer.jobs.warehouse.WarehouseLock;
import io.pixelplayer.jobs.warehouse.WarehouseMaintenance;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "maintain",
    sortOptions = false,
    description =
        "Clean-up to run on a schedule beside nightly: clears what interrupted runs left, expires the tables' old "
            + "snapshots (their runs leave the run log and time travel; pixelplayer.maintain.keepDays, keepSnapshots), "
            + "removes files no snapshot references, and deletes the stems of replaced videos and expired runs. Holds "
            + "the warehouse's lock, like a run.")
final class MaintainCommand implements Callable<Integer> {
  /** Snapshots younger than this many days stay (time travel reaches that far back). */
  static final String KEEP_DAYS = "pixelplayer.maintain.keepDays";

  /** Each table's latest this many snapshots stay, however old. */
  static final String KEEP_SNAPSHOTS = "pixelplayer.maintain.keepSnapshots";

  @Mixin WarehouseOptions warehouse;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    PixelPlayerConf conf = common.conf();
    double keepDays = conf.getDouble(KEEP_DAYS);
    int keepSnapshots = conf.getInt(KEEP_SNAPSHOTS);
    Duration lockTimeout = WarehouseLock.timeout(conf);
    if (!(keepDays >= 0) || keepSnapshots < 1) {
      throw new IllegalArgumentException(
          "settings " + KEEP_DAYS + " must be 0 or more and " + KEEP_SNAPSHOTS + " at least 1");
    }
    try (SparkSession spark = warehouse.sparkOptions.session("maintain", conf)) {
      Warehouse target = warehouse.in(spark, conf);
      target.requireRuns();
      try (WarehouseLock lock = target.lock("maintain", lockTimeout)) {
        Set<String> cleared = target.clearInterrupted();
        Instant now = Instant.now();
        WarehouseMaintenance.Done done =
            WarehouseMaintenance.run(
                spark,
                target,
                now.minusSeconds(Math.round(keepDays * 86400)),
                keepSnapshots,
                now.minus(lockTimeout));
        PrintWriter out = common.out();
        out.printf(
            Locale.ROOT,
            "maintain: %s%nsnapshots expired: %s%norphan files removed: %s%nstem folders removed: %d%n",
            cleared.isEmpty() ? "no interrupted run" : "cleared interrupted runs " + cleared,
            done.snapshotsExpired(),
            done.orphanFilesRemoved(),
            done.stemFoldersRemoved());
        out.flush();
      }
    }
    return 0;
  }
}
