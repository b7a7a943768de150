package io.pixelplayer.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CompressorTest {
  private static final int RATE = 11_025;

  @Test
  void aboveTheThresholdTheLevelRisesOnlyOneOverRatioAsFast() {
    float[] loud = new float[RATE];
    java.util.Arrays.fill(loud, 0.5f); // -6 dBFS, 14 dB over a -20 dB threshold

    float[] gain = new Compressor(-20, 2, 0.005, 0.1).gain(loud, RATE);

    // settled: 14 dB over becomes 7 dB over, a gain of -7 dB
    assertThat(20 * Math.log10(gain[RATE - 1])).isCloseTo(-7, within(0.05));
  }

  @Test
  void belowTheThresholdOrAtRatioOneNothingChanges() {
    float[] quiet = new float[RATE];
    java.util.Arrays.fill(quiet, 0.01f);

    assertThat(new Compressor(-20, 4, 0.005, 0.1).gain(quiet, RATE)).containsOnly(1f);
    assertThat(new Compressor(-60, 1, 0.005, 0.1).gain(quiet, RATE)).containsOnly(1f);
    assertThatThrownBy(() -> new Compressor(-20, 0.5, 0.01, 0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("compression ratio 0.5 below 1");
  }
}
