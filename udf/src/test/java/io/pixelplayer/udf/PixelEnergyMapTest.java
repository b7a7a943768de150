package io.pixelplayer.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PixelEnergyMapTest {
  /** 2 rows x 4 columns: a loud cell at row 0, column 2, a quieter one at row 1, column 3. */
  private static final PixelEnergyMap MAP =
      PixelEnergyMap.of(2, 4, new float[] {0, 0, 6, 0, 0, 0, 0, 2});

  @Test
  void peakAndCentroidAreInFrameCoordinates() {
    assertThat(MAP.peak()).isEqualTo(new PixelEnergyMap.Point(2.5 / 4, 0.5 / 2));
    // (6 * (0.625, 0.25) + 2 * (0.875, 0.75)) / 8
    assertThat(MAP.centroid().x()).isCloseTo(0.6875, within(1e-12));
    assertThat(MAP.centroid().y()).isCloseTo(0.375, within(1e-12));
    assertThat(MAP.total()).isEqualTo(8);
  }

  @Test
  void theBoxHoldsTheCellsAboveAFractionOfThePeak() {
    assertThat(MAP.box(1)).isEqualTo(new Box(0.5, 0, 0.75, 0.5));
    assertThat(MAP.box(0.3)).isEqualTo(new Box(0.5, 0, 1, 1));
    assertThat(MAP.box(0.3).contains(MAP.peak().x(), MAP.peak().y())).isTrue();
  }

  @Test
  void aSilentMapHasNoPlaceOfItsOwn() {
    PixelEnergyMap silent = PixelEnergyMap.of(2, 2, new float[4]);
    assertThat(silent.centroid()).isEqualTo(new PixelEnergyMap.Point(0.5, 0.5));
    assertThat(silent.box(0.5)).isEqualTo(new Box(0, 0, 1, 1));
    assertThat(MAP.shareOf(silent)).isZero();
    assertThat(PixelEnergyMap.of(2, 4, new float[] {0, 0, 3, 0, 0, 0, 0, 1}).shareOf(MAP))
        .isEqualTo(0.5);
  }

  @Test
  void badMapsAreRefusedWithTheReason() {
    assertThatThrownBy(() -> PixelEnergyMap.of(2, 2, new float[3]))
        .hasMessage("energy map of 2 x 2 needs 4 values, got 3");
    assertThatThrownBy(() -> PixelEnergyMap.of(1, 2, new float[] {1, Float.NaN}))
        .hasMessage("energy NaN at cell 1 is not finite and non-negative");
    assertThatThrownBy(() -> PixelEnergyMap.of(1, 1, new float[] {-1}))
        .hasMessage("energy -1.0 at cell 0 is not finite and non-negative");
    assertThatThrownBy(() -> MAP.box(0)).hasMessage("box fraction 0.0 not in (0, 1]");
  }
}
