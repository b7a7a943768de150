package io.pixelplayer.model.eval;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/**
 * One instrument's share of an {@link Evaluation}: over the mixtures its test solos were in, how
 * often its own video's energy peak fell in its box, the NSDR of its separated sound, and how often
 * its solo was named as it. Shows which instruments a new look or sound loses.
 *
 * @param sources its solos scored in mixtures
 */
public record InstrumentFigures(int sources, double nsdr, double pointing, double recognition) {
  JsonObject toJson() {
    JsonObject json = new JsonObject();
    json.addProperty("sources", sources);
    put(json, "nsdr", nsdr);
    put(json, "pointing_accuracy", pointing);
    put(json, "recognition_accuracy", recognition);
    return json;
  }

  private static void put(JsonObject json, String key, double value) {
    if (Double.isNaN(value)) json.add(key, JsonNull.INSTANCE);
    else json.addProperty(key, Math.round(value * 1e4) / 1e4);
  }
}
