package io.pixelplayer.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MasksTest {
  @Test
  void binaryMaskKeepsBinsWhereTheSourceIsMoreThanHalfTheMixture() {
    float[] source = {0.6f, 0.5f, 0.4f, 0f, 2f, 0f};
    float[] mixture = {1f, 1f, 1f, 0f, 1f, 1e-12f};

    // Exactly half is not more than half; silence belongs to nobody.
    assertThat(Masks.idealBinary(source, mixture)).containsExactly(1f, 0f, 0f, 0f, 1f, 0f);
  }

  @Test
  void binaryMaskThresholdIsHalfWhateverTheNumberOfSources() {
    // Three equal sources in phase: each is a third of the mixture, so no source claims the bin.
    float[] each = {1 / 3f};
    float[] mixture = {1f};

    assertThat(Masks.idealBinary(each, mixture)).containsExactly(0f);
  }

  @Test
  void ratioMaskIsTheQuotientClampedToFive() {
    float[] source = {0.25f, 1f, 3f, 10f, 0f, 1f};
    float[] mixture = {1f, 1f, 1f, 1f, 0f, 0f};

    assertThat(Masks.idealRatio(source, mixture)).containsExactly(0.25f, 1f, 3f, 5f, 0f, 5f);
  }

  @Test
  void ratioMaskOfAScaledCopyOfTheMixtureIsTheScale() {
    Stft stft = new Stft(64, 16);
    float[] mixture = StftTest.music(1000);
    float[] source = new float[mixture.length];
    for (int i = 0; i < source.length; i++) source[i] = 0.3f * mixture[i];
    float[] mixtureMagnitude = stft.forward(mixture).magnitude();

    float[] ratio = Masks.idealRatio(stft.forward(source).magnitude(), mixtureMagnitude);

    for (int i = 0; i < ratio.length; i++) {
      if (mixtureMagnitude[i] > 0.1f) assertThat(ratio[i]).isCloseTo(0.3f, within(1e-5f));
    }
  }

  @Test
  void thresholdingIsStrictlyAbove() {
    assertThat(Masks.binarize(new float[] {0.2f, 0.5f, 0.50001f, 0.9f}, Masks.PAPER_THRESHOLD))
        .containsExactly(0f, 0f, 1f, 1f);
  }

  @Test
  void applyingAMaskScalesMagnitudeAndKeepsPhase() {
    Stft stft = new Stft(64, 16);
    ComplexSpectrogram mixture = stft.forward(StftTest.music(500));
    float[] mask = new float[mixture.bins() * mixture.frames()];
    for (int i = 0; i < mask.length; i++) mask[i] = (i % 7) / 3f;

    ComplexSpectrogram masked = Masks.apply(mask, mixture);

    float[] magnitude = mixture.magnitude();
    float[] phase = mixture.phase();
    float[] maskedMagnitude = masked.magnitude();
    float[] maskedPhase = masked.phase();
    for (int i = 0; i < mask.length; i++) {
      assertThat(maskedMagnitude[i])
          .isCloseTo(mask[i] * magnitude[i], within(1e-5f * (1 + magnitude[i])));
      if (mask[i] > 0 && magnitude[i] > 1e-3f)
        assertThat(maskedPhase[i]).isCloseTo(phase[i], within(1e-6f));
    }
  }

  @Test
  void binaryMasksSeparateSourcesInDisjointBands() {
    Stft stft = new Stft(256, 64);
    float[] low = tone(1000, 8.0 / 256);
    float[] high = tone(1000, 80.0 / 256);
    float[] mix = new float[1000];
    for (int i = 0; i < mix.length; i++) mix[i] = low[i] + high[i];
    ComplexSpectrogram mixture = stft.forward(mix);

    float[] mask = Masks.idealBinary(stft.forward(low).magnitude(), mixture.magnitude());
    float[] separated = stft.inverse(Masks.apply(mask, mixture), mix.length);

    // Away from the ends, where the tones' abrupt starts and stops spread over all bins.
    assertThat(
            StftTest.maxAbsDifference(
                Arrays.copyOfRange(low, 256, 744), Arrays.copyOfRange(separated, 256, 744)))
        .isLessThan(1e-3);
  }

  @Test
  void rejectsMismatchedOrInvalidInput() {
    ComplexSpectrogram mixture = new Stft(16, 4).forward(new float[40]);

    assertThatThrownBy(() -> Masks.idealBinary(new float[3], new float[4]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("source has 3 magnitudes, the mixture 4");
    assertThatThrownBy(() -> Masks.idealRatio(null, new float[4]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Masks.apply(new float[3], mixture))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("9 bins x 11 frames");
    float[] negative = new float[9 * 11];
    negative[5] = -1f;
    assertThatThrownBy(() -> Masks.apply(negative, mixture))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mask value -1.0 at index 5");
    float[] nan = new float[9 * 11];
    nan[0] = Float.NaN;
    assertThatThrownBy(() -> Masks.apply(nan, mixture))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Masks.binarize(new float[1], Float.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static float[] tone(int length, double cyclesPerSample) {
    float[] tone = new float[length];
    for (int n = 0; n < length; n++)
      tone[n] = (float) (0.5 * Math.sin(2 * Math.PI * cyclesPerSample * n));
    return tone;
  }
}
