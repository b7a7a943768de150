package io.pixelplayer.jobs.warehouse;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A committed run of the index job, as the summary of the {@code videos} snapshot that published it
 * records it (keys {@code pixelplayer.*}). Run ids sort in the order the runs started.
 *
 * @param runId {@code run-} and the start time in UTC to the millisecond
 * @param full a full run (index) replaces the whole warehouse; an incremental one (nightly)
 *     replaces the rows of the videos it processed
 * @param details what the run did (input, model version, counts, times), for people reading the log
 */
public record WarehouseRun(String runId, boolean full, Map<String, String> details) {
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
  private static final String PREFIX = "pixelplayer.";
  private static final String KIND = PREFIX + "kind";

  public WarehouseRun {
    details = Map.copyOf(new TreeMap<>(details));
  }

  /** A fresh run id for a run starting at {@code start}. */
  public static String newId(Instant start) {
    return "run-" + ID_TIME.format(start);
  }

  /** The snapshot summary entries that record this run. */
  Map<String, String> toSummary() {
    Map<String, String> summary = new LinkedHashMap<>();
    summary.put(Warehouse.RUN_ID, runId);
    summary.put(KIND, full ? "full" : "incremental");
    details.forEach((k, v) -> summary.put(PREFIX + k, v));
    return summary;
  }

  /**
   * The run a snapshot summary records, or null when it records none (a table's first snapshot).
   */
  static WarehouseRun fromSummary(Map<String, String> summary) {
    String runId = summary.get(Warehouse.RUN_ID);
    String kind = summary.get(KIND);
    if (runId == null || kind == null || !runId.startsWith("run-")) return null;
    Map<String, String> details = new TreeMap<>();
    summary.forEach(
        (k, v) -> {
          if (k.startsWith(PREFIX) && !k.equals(Warehouse.RUN_ID) && !k.equals(KIND)) {
            details.put(k.substring(PREFIX.length()), v);
          }
        });
    return new WarehouseRun(runId, kind.equals("full"), details);
  }
}
