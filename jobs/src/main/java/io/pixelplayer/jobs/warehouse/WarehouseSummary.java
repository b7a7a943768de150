package io.pixelplayer.jobs.warehouse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A short readable summary of a warehouse's views: per video, the instruments found, when
 * (consecutive clips merged into spans) and where (the mean energy centroid, and whether that is
 * left, centre or right of the frame).
 */
public final class WarehouseSummary {
  /** Clips closer than this (seconds) count as one span. */
  private static final double GAP = 0.05;

  private WarehouseSummary() {}

  /** One instrument in one video. */
  record Heard(
      String instrument, List<double[]> spans, double confidence, double x, double y, int clips) {}

  /**
   * The summary lines, from the views {@code videos}, {@code sources} and {@code failures} of
   * {@code spark}.
   */
  public static List<String> lines(SparkSession spark) {
    Map<String, double[]> videos = new LinkedHashMap<>();
    for (Row row :
        spark.sql("SELECT video_id, duration_s FROM videos ORDER BY video_id").collectAsList()) {
      videos.put(row.getString(0), new double[] {row.getDouble(1)});
    }
    Map<String, Map<String, List<Row>>> heard = new LinkedHashMap<>();
    for (Row row :
        spark
            .sql(
                "SELECT video_id, instrument, start_s, end_s, confidence, x, y FROM sources ORDER BY video_id, instrument, start_s")
            .collectAsList()) {
      heard
          .computeIfAbsent(row.getString(0), v -> new LinkedHashMap<>())
          .computeIfAbsent(row.getString(1), i -> new ArrayList<>())
          .add(row);
    }
    int width = videos.keySet().stream().mapToInt(String::length).max().orElse(8);
    List<String> lines = new ArrayList<>();
    videos.forEach(
        (video, info) -> {
          List<Heard> found =
              heard.getOrDefault(video, Map.of()).entrySet().stream()
                  .map(e -> heard(e.getKey(), e.getValue()))
                  .sorted(
                      (a, b) ->
                          Double.compare(b.clips() * b.confidence(), a.clips() * a.confidence()))
                  .toList();
          String what =
              found.isEmpty()
                  ? "no instrument found"
                  : String.join("; ", found.stream().map(WarehouseSummary::describe).toList());
          lines.add(
              String.format(Locale.ROOT, "%-" + width + "s  %5.1f s  %s", video, info[0], what));
        });
    for (Row row :
        spark.sql("SELECT uri, stage, reason FROM failures ORDER BY uri, stage").collectAsList()) {
      lines.add(
          String.format(
              "failed: %s [%s] %s", row.getString(0), row.getString(1), row.getString(2)));
    }
    return lines;
  }

  private static Heard heard(String instrument, List<Row> clips) {
    List<double[]> spans = new ArrayList<>();
    double confidence = 0;
    double x = 0;
    double y = 0;
    for (Row clip : clips) {
      double start = clip.getDouble(2);
      double end = clip.getDouble(3);
      if (!spans.isEmpty() && start <= spans.get(spans.size() - 1)[1] + GAP) {
        double[] last = spans.get(spans.size() - 1);
        last[1] = Math.max(last[1], end);
      } else {
        spans.add(new double[] {start, end});
      }
      confidence += clip.getDouble(4);
      x += clip.getDouble(5);
      y += clip.getDouble(6);
    }
    int n = clips.size();
    return new Heard(instrument, spans, confidence / n, x / n, y / n, n);
  }

  static String describe(Heard heard) {
    List<String> spans =
        heard.spans().stream()
            .map(s -> String.format(Locale.ROOT, "%.1f-%.1f s", s[0], s[1]))
            .toList();
    return String.format(
        Locale.ROOT,
        "%s %s, %s (x %.2f, y %.2f), confidence %.2f",
        heard.instrument(),
        String.join(" ", spans),
        side(heard.x()),
        heard.x(),
        heard.y(),
        heard.confidence());
  }

  private static String side(double x) {
    return x < 0.4 ? "left" : x > 0.6 ? "right" : "centre";
  }
}
