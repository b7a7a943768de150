package io.pixelplayer.model.eval;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.Collections;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The figures of an {@link Evaluation}, named as CONTRACT.md's metrics (dB; shares in 0..1; NaN
 * where nothing was scored), plus how many solos each mixture mixed, how many mixtures and duets
 * were scored and how many could not be (silent), of the sounding non-music clips (speech, noise,
 * tones: kind none) how many there were and the share the model found any source in, the share of
 * sounding test solos whose own instrument the same rule finds (the other side of its threshold),
 * both again at every threshold of a grid ({@link ConfidenceCurve}), and each instrument's own
 * figures.
 */
public record EvaluationReport(
    double sdr,
    double sir,
    double sar,
    double nsdr,
    double mixtureSdr,
    double ibmSdr,
    double duetSdr,
    double duetSir,
    double pointingAccuracy,
    double recognitionAccuracy,
    int classes,
    int clips,
    String modelVersion,
    int sourcesPerMix,
    int mixtures,
    int duets,
    int unscored,
    double duetPointingAccuracy,
    int nonMusicClips,
    double nonMusicSourceShare,
    double soloSourceRecall,
    ConfidenceCurve confidenceCurve,
    SortedMap<String, InstrumentFigures> instruments) {

  public EvaluationReport {
    instruments = Collections.unmodifiableSortedMap(new TreeMap<>(instruments));
  }

  /** One JSON object with CONTRACT.md's keys first, figures rounded to 4 decimals, NaN as null. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    put(json, "sdr", sdr);
    put(json, "sir", sir);
    put(json, "sar", sar);
    put(json, "nsdr", nsdr);
    put(json, "mixture_sdr", mixtureSdr);
    put(json, "ibm_sdr", ibmSdr);
    put(json, "duet_sdr", duetSdr);
    put(json, "duet_sir", duetSir);
    put(json, "pointing_accuracy", pointingAccuracy);
    put(json, "recognition_accuracy", recognitionAccuracy);
    json.addProperty("classes", classes);
    json.addProperty("clips", clips);
    json.addProperty("model_version", modelVersion);
    json.addProperty("sources_per_mix", sourcesPerMix);
    json.addProperty("mixtures", mixtures);
    json.addProperty("duets", duets);
    json.addProperty("unscored", unscored);
    put(json, "duet_pointing_accuracy", duetPointingAccuracy);
    json.addProperty("nonmusic_clips", nonMusicClips);
    put(json, "nonmusic_source_share", nonMusicSourceShare);
    put(json, "solo_source_recall", soloSourceRecall);
    json.add("confidence_curve", confidenceCurve.toJson());
    JsonObject each = new JsonObject();
    instruments.forEach((name, figures) -> each.add(name, figures.toJson()));
    json.add("instruments", each);
    return json;
  }

  public String toJsonString() {
    return new GsonBuilder().serializeNulls().create().toJson(toJson());
  }

  /** A few readable lines. */
  public String toText() {
    return String.format(
        Locale.ROOT,
        """
        model %s: %d clips (%d mixtures of %d solos, %d duets; %d not scored: silent), %d classes
          separation  SDR %.2f dB, SIR %.2f dB, SAR %.2f dB; NSDR %.2f dB (mixture SDR %.2f dB; ideal binary mask SDR %.2f dB)
          duets       SDR %.2f dB, SIR %.2f dB
          pointing    %.1f %% (duets %.1f %%)
          recognition %.1f %%
          non-music   %d clips, %.1f %% given a source
          solos       %.1f %% given their own instrument as a source
          %s""",
        modelVersion,
        clips,
        mixtures,
        sourcesPerMix,
        duets,
        unscored,
        classes,
        sdr,
        sir,
        sar,
        nsdr,
        mixtureSdr,
        ibmSdr,
        duetSdr,
        duetSir,
        100 * pointingAccuracy,
        100 * duetPointingAccuracy,
        100 * recognitionAccuracy,
        nonMusicClips,
        100 * nonMusicSourceShare,
        100 * soloSourceRecall,
        confidenceCurve.toText());
  }

  static void put(JsonObject json, String key, double value) {
    if (Double.isNaN(value)) {
      json.add(key, JsonNull.INSTANCE);
    } else {
      json.addProperty(key, Math.round(value * 1e4) / 1e4);
    }
  }
}
