package io.pixelplayer.model.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EvaluationSummaryTest {
  private static EvaluationReport report(double nsdr, double pointing, double duetSdr, int clips) {
    return new EvaluationReport(
        nsdr + 1,
        12,
        13,
        nsdr,
        0.3,
        20,
        duetSdr,
        5,
        pointing,
        1.0,
        21,
        clips,
        "pixelplayer-abc",
        2,
        clips - 8,
        8,
        0,
        0.9,
        10,
        0.1,
        0.95,
        ConfidenceCurve.of(List.of(0.1, 0.5), List.of(0.9, -1.0)),
        new TreeMap<>(Map.of("cello", new InstrumentFigures(4, nsdr, pointing, 1.0))));
  }

  @Test
  void meanAndSampleSpreadOfEveryMetricTotalsOfCountsAndEachCorpus() {
    JsonObject summary =
        EvaluationSummary.of(
            List.of("seed-1", "seed-2", "seed-3"),
            List.of(
                report(7, 0.90, 2, 50), report(8, 0.95, Double.NaN, 50), report(9, 1.00, 4, 50)));

    assertThat(summary.get("nsdr").getAsDouble()).isEqualTo(8.0);
    assertThat(summary.getAsJsonObject("spread").get("nsdr").getAsDouble()).isEqualTo(1.0);
    assertThat(summary.get("pointing_accuracy").getAsDouble()).isCloseTo(0.95, within(1e-9));
    assertThat(summary.getAsJsonObject("spread").get("pointing_accuracy").getAsDouble())
        .isCloseTo(0.05, within(1e-4));
    assertThat(summary.get("duet_sdr").getAsDouble())
        .as("an unscored corpus is left out of the mean")
        .isEqualTo(3.0);
    assertThat(summary.get("clips").getAsInt()).isEqualTo(150);
    assertThat(summary.get("classes").getAsInt()).isEqualTo(21);
    assertThat(summary.get("sources_per_mix").getAsInt()).isEqualTo(2);
    assertThat(summary.getAsJsonObject("spread").has("sources_per_mix")).isFalse();
    assertThat(summary.get("model_version").getAsString()).isEqualTo("pixelplayer-abc");
    assertThat(summary.get("n_corpora").getAsInt()).isEqualTo(3);
    assertThat(summary.getAsJsonArray("corpora")).hasSize(3);
    assertThat(summary.has("instruments")).as("each corpus's own, not averaged").isFalse();
    assertThat(summary.has("confidence_curve")).as("each corpus's own").isFalse();
    assertThat(summary.getAsJsonArray("corpora").get(0).getAsJsonObject().has("confidence_curve"))
        .isTrue();
    assertThat(
            summary
                .getAsJsonArray("corpora")
                .get(2)
                .getAsJsonObject()
                .getAsJsonObject("instruments")
                .getAsJsonObject("cello")
                .get("nsdr")
                .getAsDouble())
        .isEqualTo(9.0);
    assertThat(
            summary.getAsJsonArray("corpora").get(1).getAsJsonObject().get("corpus").getAsString())
        .isEqualTo("seed-2");
    assertThat(
            summary.getAsJsonArray("corpora").get(1).getAsJsonObject().get("duet_sdr").isJsonNull())
        .isTrue();
  }

  @Test
  void oneReportIsNoSummary() {
    assertThatThrownBy(() -> EvaluationSummary.of(List.of("a"), List.of(report(7, 0.9, 2, 50))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
