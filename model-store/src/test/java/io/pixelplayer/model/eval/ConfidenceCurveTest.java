package io.pixelplayer.model.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfidenceCurveTest {
  /**
   * Three non-music clips whose top classes reach 0.12, 0.5 and 0.97; two solos, one never found.
   */
  private static final ConfidenceCurve CURVE =
      ConfidenceCurve.of(List.of(0.12, 0.5, 0.97), List.of(0.3, -1.0));

  @Test
  void eachSettingCountsTheClipsFoundAtIt() {
    assertThat(CURVE.points()).hasSize(19);
    assertThat(CURVE.points())
        .extracting(ConfidenceCurve.Point::minConfidence)
        .startsWith(0.05, 0.1)
        .endsWith(0.95);
    ConfidenceCurve.Point lowest = CURVE.points().get(0);
    assertThat(lowest.nonMusicSourceShare()).isEqualTo(1.0);
    assertThat(lowest.soloSourceRecall()).isEqualTo(0.5);
    ConfidenceCurve.Point half = CURVE.points().get(9);
    assertThat(half.minConfidence()).isEqualTo(0.5);
    assertThat(half.nonMusicSourceShare()).as("0.5 and 0.97").isCloseTo(2 / 3.0, within(1e-12));
    assertThat(half.soloSourceRecall()).isZero();
    assertThat(CURVE.points().get(18).nonMusicSourceShare()).isCloseTo(1 / 3.0, within(1e-12));
    assertThat(ConfidenceCurve.of(List.of(), List.of(0.5)).points().get(0).nonMusicSourceShare())
        .as("no non-music clip")
        .isNaN();
  }

  @Test
  void printsOneEntryPerSettingAndAFewLines() {
    JsonArray json = CURVE.toJson();
    assertThat(json).hasSize(19);
    assertThat(json.get(2).getAsJsonObject().get("min_confidence").getAsDouble()).isEqualTo(0.15);
    assertThat(json.get(2).getAsJsonObject().get("nonmusic_source_share").getAsDouble())
        .isEqualTo(0.6667);
    assertThat(json.get(2).getAsJsonObject().get("solo_source_recall").getAsDouble())
        .isEqualTo(0.5);
    assertThat(CURVE.toText().lines())
        .hasSize(3)
        .satisfies(lines -> assertThat(lines.get(0)).startsWith("min confidence").contains("0.90"));
  }
}
