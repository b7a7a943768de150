package io.pixelplayer.model.eval;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One model's figures over several corpora (fresh seeds of one kind of corpus): the mean of every
 * metric under CONTRACT.md's keys, its spread (sample standard deviation across corpora) under
 * {@code spread}, and each corpus's own report under {@code corpora}. Counts (clips, mixtures, ...)
 * are totals. A metric a corpus could not score (null) is left out of that metric's mean.
 */
public final class EvaluationSummary {
  /** Keys that count things: summed, not averaged. */
  private static final Set<String> COUNTS =
      Set.of("clips", "mixtures", "duets", "unscored", "nonmusic_clips");

  private EvaluationSummary() {}

  /**
   * @param names a name per corpus (e.g. its folder)
   * @param reports each corpus's report, in the same order
   */
  public static JsonObject of(List<String> names, List<EvaluationReport> reports) {
    if (reports.size() < 2 || names.size() != reports.size()) {
      throw new IllegalArgumentException(
          "a summary needs two or more reports, one per name; got "
              + reports.size()
              + " for "
              + names.size());
    }
    List<JsonObject> each = reports.stream().map(EvaluationReport::toJson).toList();
    JsonObject mean = new JsonObject();
    JsonObject spread = new JsonObject();
    for (String key : each.get(0).keySet()) {
      List<Double> values = new ArrayList<>();
      for (JsonObject report : each) {
        JsonElement value = report.get(key);
        if (value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber())
          values.add(value.getAsDouble());
      }
      JsonElement first = each.get(0).get(key);
      if (first.isJsonObject() || first.isJsonArray()) {
        continue; // per-instrument figures and confidence curves: each corpus's own, under corpora
      } else if (first.isJsonPrimitive() && first.getAsJsonPrimitive().isString()) {
        mean.add(key, first);
      } else if (COUNTS.contains(key)) {
        mean.addProperty(key, Math.round(values.stream().mapToDouble(Double::doubleValue).sum()));
      } else if (key.equals("classes") || key.equals("sources_per_mix")) {
        mean.add(key, first);
      } else if (values.isEmpty()) {
        mean.add(key, JsonNull.INSTANCE);
      } else {
        double average = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        mean.addProperty(key, round(average));
        spread.addProperty(key, round(standardDeviation(values, average)));
      }
    }
    mean.addProperty("n_corpora", reports.size());
    mean.add("spread", spread);
    JsonArray corpora = new JsonArray();
    for (int i = 0; i < each.size(); i++) {
      JsonObject named = new JsonObject();
      named.addProperty("corpus", names.get(i));
      each.get(i).entrySet().forEach(e -> named.add(e.getKey(), e.getValue()));
      corpora.add(named);
    }
    mean.add("corpora", corpora);
    return mean;
  }

  public static String toJsonString(JsonObject summary) {
    return new GsonBuilder().serializeNulls().create().toJson(summary);
  }

  /** Sample standard deviation (n − 1); 0 for a single value. */
  static double standardDeviation(List<Double> values, double mean) {
    if (values.size() < 2) return 0;
    double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
    return Math.sqrt(squares / (values.size() - 1));
  }

  private static double round(double value) {
    return Math.round(value * 1e4) / 1e4;
  }
}
