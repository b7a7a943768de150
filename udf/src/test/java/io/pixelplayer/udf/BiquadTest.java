package io.pixelplayer.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BiquadTest {
  private static final int RATE = 44_100;

  @Test
  void aPeakingFilterHasItsGainAtItsFrequencyAndNoneFarAway() {
    Biquad bell = Biquad.peaking(RATE, 1000, 2, 6);

    assertThat(bell.gainDbAt(RATE, 1000)).isCloseTo(6, within(1e-6));
    assertThat(bell.gainDbAt(RATE, 30)).isCloseTo(0, within(0.05));
    assertThat(bell.gainDbAt(RATE, 15000)).isCloseTo(0, within(0.1));
  }

  @Test
  void shelvesRaiseOrLowerTheirSideOnly() {
    Biquad low = Biquad.lowShelf(RATE, 500, -6);
    Biquad high = Biquad.highShelf(RATE, 500, 6);

    assertThat(low.gainDbAt(RATE, 20)).isCloseTo(-6, within(0.05));
    assertThat(low.gainDbAt(RATE, 10000)).isCloseTo(0, within(0.05));
    assertThat(high.gainDbAt(RATE, 20)).isCloseTo(0, within(0.05));
    assertThat(high.gainDbAt(RATE, 10000)).isCloseTo(6, within(0.05));
  }

  @Test
  void filteringASineScalesItByTheResponse() {
    Biquad bell = Biquad.peaking(RATE, 2000, 1, -9);
    float[] sine = new float[RATE];
    for (int i = 0; i < sine.length; i++) sine[i] = (float) Math.sin(2 * Math.PI * 2000 * i / RATE);

    float[] out = bell.filter(sine);

    // after the filter has settled
    assertThat(Loudness.rmsDb(out, RATE / 2, RATE) - Loudness.rmsDb(sine, RATE / 2, RATE))
        .isCloseTo(-9, within(0.05));
  }

  @Test
  void frequenciesOutsideTheBandAreRefused() {
    assertThatThrownBy(() -> Biquad.peaking(RATE, 30000, 1, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("30000.0 Hz");
    assertThatThrownBy(() -> Biquad.peaking(RATE, 1000, 0, 3))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
