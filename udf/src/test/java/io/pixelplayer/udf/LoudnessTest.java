package io.pixelplayer.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LoudnessTest {
  @Test
  void fullScaleSquareIsZeroAndSineIsMinusThree() {
    float[] square = new float[1000];
    float[] sine = new float[11025];
    for (int i = 0; i < square.length; i++) square[i] = i % 2 == 0 ? 1f : -1f;
    for (int i = 0; i < sine.length; i++)
      sine[i] = (float) Math.sin(2 * Math.PI * 441 * i / 11025.0);

    assertThat(Loudness.rmsDb(square)).isCloseTo(0.0, within(1e-9));
    assertThat(Loudness.rmsDb(sine)).isCloseTo(-10 * Math.log10(2), within(1e-5));
  }

  @Test
  void halvingTheAmplitudeTakesSixDecibels() {
    float[] constant = new float[100];
    Arrays.fill(constant, 0.5f);

    assertThat(Loudness.rmsDb(constant)).isCloseTo(20 * Math.log10(0.5), within(1e-9));
  }

  @Test
  void silenceGivesTheFiniteFloor() {
    float[] quiet = new float[1000];
    quiet[0] = 1e-9f;

    assertThat(Loudness.rmsDb(new float[1000])).isEqualTo(Loudness.SILENCE_FLOOR_DB);
    assertThat(Loudness.rmsDb(quiet)).isEqualTo(-120.0);
    assertThat(Loudness.rmsDb(new float[0])).isEqualTo(-120.0);
  }

  @Test
  void rangeMeasuresOnlyItsSamples() {
    float[] signal = new float[200];
    Arrays.fill(signal, 100, 200, 0.1f);

    assertThat(Loudness.rmsDb(signal, 100, 200)).isCloseTo(-20.0, within(1e-5));
    assertThat(Loudness.rmsDb(signal, 0, 100)).isEqualTo(-120.0);
    assertThat(Loudness.rmsDb(signal, 50, 50)).isEqualTo(-120.0);
    assertThat(Loudness.rmsDb(signal)).isCloseTo(-20.0 - 10 * Math.log10(2), within(1e-5));
  }

  @Test
  void silenceIsBelowTheThreshold() {
    float[] signal = new float[100];
    Arrays.fill(signal, 0.01f); // -40 dBFS

    assertThat(Loudness.isSilent(signal, -60)).isFalse();
    assertThat(Loudness.isSilent(signal, -30)).isTrue();
    assertThat(Loudness.isSilent(new float[100], -119)).isTrue();
    assertThat(Loudness.isSilent(new float[100], -120)).isFalse();
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> Loudness.rmsDb(new float[10], 5, 11))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("range [5, 11) is not inside a signal of 10 samples");
    assertThatThrownBy(() -> Loudness.rmsDb(new float[] {Float.NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> Loudness.rmsDb(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Loudness.isSilent(new float[1], Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
