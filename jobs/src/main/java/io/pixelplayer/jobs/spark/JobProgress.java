package io.pixelplayer.jobs.spark;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntToLongFunction;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.LongAccumulator;

/**
 * Progress of a long job on stderr: items done / total, a rate of the job's own unit (e.g. clips)
 * and an ETA from the share of work (bytes) done. Fed by the tasks of the job's stage as they
 * finish.
 */
public final class JobProgress extends SparkListener implements AutoCloseable {
  /** Seconds between progress lines of long work (documented in conf/pixelplayer.properties). */
  public static final String INTERVAL_SECONDS = "pixelplayer.progress.intervalSeconds";

  private final String label;
  private final int totalTasks;
  private final int totalItems;
  private final String itemName;
  private final long totalWork;
  private final IntToLongFunction workOfTask;
  private final IntToLongFunction itemsOfTask;
  private final LongAccumulator unit;
  private final String unitName;
  private final PrintStream out;
  private final long intervalNanos;
  private final long startNanos = System.nanoTime();
  private final AtomicInteger tasksDone = new AtomicInteger();
  private final AtomicLong itemsDone = new AtomicLong();
  private final AtomicLong workDone = new AtomicLong();
  private final SparkContext context;
  private volatile long lastPrint = System.nanoTime();

  /**
   * @param workOfTask work (e.g. bytes) of task index i, for the ETA
   * @param itemsOfTask items (e.g. videos) of task index i
   * @param unit accumulator counting the unit of the rate (e.g. clips)
   */
  public JobProgress(
      SparkContext context,
      String label,
      int totalTasks,
      int totalItems,
      String itemName,
      IntToLongFunction workOfTask,
      IntToLongFunction itemsOfTask,
      LongAccumulator unit,
      String unitName,
      double intervalSeconds,
      PrintStream out) {
    this.context = context;
    this.label = label;
    this.totalTasks = totalTasks;
    this.totalItems = totalItems;
    this.itemName = itemName;
    this.workOfTask = workOfTask;
    this.itemsOfTask = itemsOfTask;
    this.unit = unit;
    this.unitName = unitName;
    this.intervalNanos = (long) (intervalSeconds * 1e9);
    this.out = out;
    long work = 0;
    for (int i = 0; i < totalTasks; i++) {
      work += workOfTask.applyAsLong(i);
    }
    this.totalWork = Math.max(1, work);
    context.addSparkListener(this);
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    // Our stage is the one with our task count whose tasks report our unit accumulator.
    if (!end.taskInfo().successful()
        || end.taskInfo().accumulables().forall(a -> a.id() != unit.id())) {
      return;
    }
    int index = end.taskInfo().index();
    if (index >= totalTasks) {
      return;
    }
    tasksDone.incrementAndGet();
    itemsDone.addAndGet(itemsOfTask.applyAsLong(index));
    workDone.addAndGet(workOfTask.applyAsLong(index));
    long now = System.nanoTime();
    if (now - lastPrint >= intervalNanos || tasksDone.get() == totalTasks) {
      lastPrint = now;
      out.println(line(now));
    }
  }

  String line(long now) {
    double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
    double share = workDone.get() / (double) totalWork;
    long units = unit.value();
    String eta =
        share >= 1
            ? "done"
            : share <= 0
                ? "ETA ?"
                : "ETA " + format(Duration.ofSeconds(Math.round(seconds * (1 - share) / share)));
    return String.format(
        "%s: %d/%d %s, %d %s, %.1f %s/s, %s",
        label,
        itemsDone.get(),
        totalItems,
        itemName,
        units,
        unitName,
        units / seconds,
        unitName,
        eta);
  }

  private static String format(Duration d) {
    return d.toHours() > 0
        ? String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
        : String.format("%d:%02d", d.toMinutesPart(), d.toSecondsPart());
  }

  @Override
  public void close() {
    context.removeSparkListener(this);
  }
}
