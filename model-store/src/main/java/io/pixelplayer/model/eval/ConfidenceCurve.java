package io.pixelplayer.model.eval;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Both sides of {@code pixelplayer.index.minConfidence} at every setting of a grid: the share of
 * sounding non-music clips that would be given a source, and the share of sounding solos that would
 * be given their own instrument, so that one evaluation shows what each setting costs and a
 * threshold can be chosen (on validation corpora) for a target share of non-music footage.
 *
 * @param points one per setting, lowest first
 */
public record ConfidenceCurve(List<Point> points) {
  /** The settings shown: 0.05 to 0.95 in steps of 0.05. */
  static final int STEPS = 19;

  /** One setting: its two shares (NaN where there was no clip of that kind). */
  public record Point(double minConfidence, double nonMusicSourceShare, double soloSourceRecall) {}

  public ConfidenceCurve {
    points = List.copyOf(points);
  }

  /**
   * @param nonMusic for each sounding non-music clip, the highest setting at which it is given any
   *     source (its top probability)
   * @param solos for each sounding solo, the highest setting at which it is given its own
   *     instrument (-1 for none)
   */
  static ConfidenceCurve of(List<Double> nonMusic, List<Double> solos) {
    List<Point> points = new ArrayList<>();
    for (int i = 1; i <= STEPS; i++) {
      double setting = i / (STEPS + 1.0);
      points.add(new Point(setting, shareAtLeast(nonMusic, setting), shareAtLeast(solos, setting)));
    }
    return new ConfidenceCurve(points);
  }

  /** The share of {@code highest} settings at or above {@code setting}: found at that setting. */
  static double shareAtLeast(List<Double> highest, double setting) {
    if (highest.isEmpty()) return Double.NaN;
    return (double) highest.stream().filter(h -> h >= setting).count() / highest.size();
  }

  JsonArray toJson() {
    JsonArray array = new JsonArray();
    for (Point point : points) {
      JsonObject json = new JsonObject();
      json.addProperty("min_confidence", Math.round(point.minConfidence() * 100) / 100.0);
      EvaluationReport.put(json, "nonmusic_source_share", point.nonMusicSourceShare());
      EvaluationReport.put(json, "solo_source_recall", point.soloSourceRecall());
      array.add(json);
    }
    return array;
  }

  /** The settings 0.1 to 0.9 on one line, each kind's shares at them under it. */
  String toText() {
    List<Point> shown = new ArrayList<>();
    for (int i = 1; i < points.size(); i += 2) shown.add(points.get(i));
    return String.format(
        Locale.ROOT,
        "%-30s%s%n  %-30s%s%n  %-30s%s",
        "min confidence",
        shown.stream()
            .map(p -> String.format(Locale.ROOT, "%5.2f", p.minConfidence()))
            .collect(Collectors.joining(" ")),
        "  non-music given a source",
        percentages(shown, Point::nonMusicSourceShare),
        "  solos given their own",
        percentages(shown, Point::soloSourceRecall));
  }

  private static String percentages(List<Point> shown, ToDoubleFunction<Point> share) {
    return shown.stream()
        .map(p -> String.format(Locale.ROOT, "%4.0f%%", 100 * share.applyAsDouble(p)))
        .collect(Collectors.joining(" "));
  }
}
