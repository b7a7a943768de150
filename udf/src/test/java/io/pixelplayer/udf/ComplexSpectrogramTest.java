package io.pixelplayer.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ComplexSpectrogramTest {
  @Test
  void layoutIsRowMajorByBin() {
    ComplexSpectrogram spectrogram =
        ComplexSpectrogram.of(
            2, 3, new float[] {0, 1, 2, 3, 4, 5}, new float[] {0, -1, -2, -3, -4, -5});

    assertThat(spectrogram.real(1, 0)).isEqualTo(3f);
    assertThat(spectrogram.imaginary(0, 2)).isEqualTo(-2f);
  }

  @Test
  void magnitudeAndPhaseRebuildTheSpectrogram() {
    ComplexSpectrogram spectrogram = new Stft(32, 8).forward(StftTest.music(200));

    ComplexSpectrogram rebuilt =
        ComplexSpectrogram.fromPolar(
            spectrogram.bins(), spectrogram.frames(), spectrogram.magnitude(), spectrogram.phase());

    float[] re = spectrogram.real();
    float[] im = spectrogram.imaginary();
    for (int i = 0; i < re.length; i++) {
      assertThat(rebuilt.real()[i]).isCloseTo(re[i], within(1e-6f * (1 + Math.abs(re[i]))));
      assertThat(rebuilt.imaginary()[i]).isCloseTo(im[i], within(1e-6f * (1 + Math.abs(im[i]))));
    }
  }

  @Test
  void magnitudeAndPhaseOfKnownValues() {
    ComplexSpectrogram spectrogram =
        ComplexSpectrogram.of(1, 3, new float[] {3, 0, -1}, new float[] {4, -2, 0});

    assertThat(spectrogram.magnitude()).containsExactly(5f, 2f, 1f);
    assertThat(spectrogram.phase())
        .containsExactly((float) Math.atan2(4, 3), (float) (-Math.PI / 2), (float) Math.PI);
  }

  @Test
  void isImmutable() {
    float[] re = {1, 2};
    ComplexSpectrogram spectrogram = ComplexSpectrogram.of(1, 2, re, new float[2]);

    re[0] = 99;
    spectrogram.real()[1] = 99;

    assertThat(spectrogram.real()).containsExactly(1f, 2f);
  }

  @Test
  void rejectsWrongShapes() {
    assertThatThrownBy(() -> ComplexSpectrogram.of(2, 3, new float[5], new float[6]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("real part has 5 values, expected 2 bins x 3 frames");
    assertThatThrownBy(() -> ComplexSpectrogram.of(0, 3, new float[0], new float[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be positive");
    assertThatThrownBy(() -> ComplexSpectrogram.fromPolar(1, 1, new float[1], null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("phase is null");
    ComplexSpectrogram spectrogram = ComplexSpectrogram.of(2, 3, new float[6], new float[6]);
    assertThatThrownBy(() -> spectrogram.real(2, 0)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
