package io.pixelplayer.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResamplerTest {
  private static final int RATE = 44_100;
  private static final int FACTOR = 4;
  private static final int NEW_RATE = RATE / FACTOR;

  /**
   * Output samples near the ends, where the filter overhangs the signal, are left out of
   * measurements.
   */
  private static final int EDGE = 100;

  @ParameterizedTest
  @ValueSource(doubles = {100, 1000, 3000, 4900})
  void aToneBelowTheNewNyquistKeepsItsAmplitudeAndFrequency(double hertz) {
    float[] out = Resampler.downsample(tone(hertz, 0.5, RATE), FACTOR);

    // Least squares fit of a sine and a cosine at the expected frequency over the middle of the
    // output.
    double ss = 0, cc = 0, sc = 0, ys = 0, yc = 0;
    for (int n = EDGE; n < out.length - EDGE; n++) {
      double s = Math.sin(2 * Math.PI * hertz * n / NEW_RATE);
      double c = Math.cos(2 * Math.PI * hertz * n / NEW_RATE);
      ss += s * s;
      cc += c * c;
      sc += s * c;
      ys += out[n] * s;
      yc += out[n] * c;
    }
    double det = ss * cc - sc * sc;
    double a = (ys * cc - yc * sc) / det;
    double b = (yc * ss - ys * sc) / det;
    double residual = 0;
    for (int n = EDGE; n < out.length - EDGE; n++) {
      double fit =
          a * Math.sin(2 * Math.PI * hertz * n / NEW_RATE)
              + b * Math.cos(2 * Math.PI * hertz * n / NEW_RATE);
      residual += (out[n] - fit) * (out[n] - fit);
    }
    double amplitude = Math.hypot(a, b);

    assertThat(20 * Math.log10(amplitude / 0.5)).isCloseTo(0.0, within(0.1));
    // Any other frequency would leave most of the signal unexplained.
    assertThat(Math.sqrt(residual / (out.length - 2 * EDGE)) / amplitude).isLessThan(1e-3);
  }

  @ParameterizedTest
  @ValueSource(doubles = {5512.5, 5600, 6000, 8000, 11025, 15000, 20000})
  void aToneAboveTheNewNyquistIsAttenuatedBySixtyDecibels(double hertz) {
    float[] out = Resampler.downsample(tone(hertz, 1.0, RATE), FACTOR);

    double power = 0;
    for (int n = EDGE; n < out.length - EDGE; n++) power += out[n] * out[n];
    double amplitude = Math.sqrt(2 * power / (out.length - 2 * EDGE));

    assertThat(20 * Math.log10(amplitude)).isLessThan(-60);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4, 6})
  void theFilterMeetsItsSpecificationOnAFineFrequencyGrid(int factor) {
    double[] taps = Resampler.lowPass(factor);
    double nyquist = 0.5 / factor;
    double worstPassband = 0;
    double worstStopband = -1000;
    for (int i = 0; i <= 4000; i++) {
      double f = 0.5 * i / 4000;
      double db = 20 * Math.log10(gain(taps, f));
      if (f <= Resampler.PASSBAND_EDGE * nyquist)
        worstPassband = Math.max(worstPassband, Math.abs(db));
      if (f >= nyquist) worstStopband = Math.max(worstStopband, db);
    }

    assertThat(taps.length % 2).isOne();
    assertThat(Arrays.stream(taps).sum()).isCloseTo(1.0, within(1e-12));
    assertThat(worstPassband).isLessThan(0.1);
    assertThat(worstStopband).isLessThan(-60);
  }

  @Test
  void theOutputHasFloorOfLengthOverFactorSamplesAndKeepsAConstant() {
    float[] constant = new float[4001];
    Arrays.fill(constant, 0.25f);

    float[] out = Resampler.downsample(constant, FACTOR);

    assertThat(out).hasSize(1000);
    assertThat(out[500]).isCloseTo(0.25f, within(1e-6f));
    assertThat(Resampler.downsample(new float[3], FACTOR)).isEmpty();
    assertThat(Resampler.lowPass(FACTOR)).hasSize(347);
  }

  @Test
  void factorOneCopiesAndBadArgumentsAreRefused() {
    float[] signal = {1, 2, 3};

    float[] copy = Resampler.downsample(signal, 1);

    assertThat(copy).containsExactly(1, 2, 3).isNotSameAs(signal);
    assertThatThrownBy(() -> Resampler.downsample(signal, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("factor 0");
    assertThatThrownBy(() -> Resampler.downsample(null, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("null");
  }

  @Test
  void upsamplingKeepsAToneAndLeavesNoImage() {
    int rate = 22_050;
    float[] out = Resampler.upsample(tone(1000, 0.5, rate), 2);

    assertThat(out).hasSize(2 * rate);
    float[] expected = tone(1000, 0.5, 2 * rate);
    double error = 0;
    for (int n = EDGE; n < out.length - EDGE; n++)
      error = Math.max(error, Math.abs(out[n] - expected[n]));
    // the image at 22050 - 1000 Hz would show as an error of its own amplitude
    assertThat(error).isLessThan(0.5 * 1e-3);
    assertThat(Resampler.upsample(new float[] {1, 2}, 1)).containsExactly(1, 2);
    assertThatThrownBy(() -> Resampler.upsample(new float[3], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("factor 0");
  }

  private static float[] tone(double hertz, double amplitude, int rate) {
    float[] signal = new float[rate];
    for (int i = 0; i < signal.length; i++)
      signal[i] = (float) (amplitude * Math.sin(2 * Math.PI * hertz * i / rate + 0.3));
    return signal;
  }

  /** |H(f)| of a symmetric FIR, f in cycles per sample. */
  private static double gain(double[] taps, double f) {
    double re = 0, im = 0;
    for (int n = 0; n < taps.length; n++) {
      re += taps[n] * Math.cos(2 * Math.PI * f * n);
      im -= taps[n] * Math.sin(2 * Math.PI * f * n);
    }
    return Math.hypot(re, im);
  }
}
