package io.pixelplayer.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pixelplayer.udf.ComplexSpectrogram;
import io.pixelplayer.udf.Stft;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpectralColouringTest {
  private static final int BINS = 512;
  private final SpectralColouring colouring = new SpectralColouring(9, Stft.PAPER_SAMPLE_RATE);

  @Test
  void colouringsAreSmoothBoundedAndDifferFromDrawToDraw() {
    Random rng = new Random(4);
    int brighter = 0;
    for (int draw = 0; draw < 200; draw++) {
      double[] db = colouring.gainsDb(BINS, rng);
      for (int k = 1; k < BINS; k++) {
        // broad curves, no comb: at most 3 dB from one 10.8 Hz bin to the next (the narrowest
        // resonance, 0.15 octaves at 200 Hz, spans few bins)
        assertThat(Math.abs(db[k] - db[k - 1])).isLessThan(3.0);
      }
      // tilt up to half the range at each end of the band, each resonance up to the range
      for (double v : db) assertThat(Math.abs(v)).isLessThanOrEqualTo(9 * 0.6 + 9 * 3);
      if (db[BINS - 1] > db[5]) brighter++;
    }
    assertThat(brighter).isBetween(60, 140);
  }

  @Test
  void aColouringScalesEachBinOfEveryFrameByItsGain() {
    int frames = 3;
    float[] re = new float[BINS * frames];
    float[] im = new float[BINS * frames];
    for (int i = 0; i < re.length; i++) {
      re[i] = 1;
      im[i] = -2;
    }
    ComplexSpectrogram flat = ComplexSpectrogram.of(BINS, frames, re, im);

    ComplexSpectrogram coloured = colouring.apply(flat, new Random(7));

    double[] db = colouring.gainsDb(BINS, new Random(7));
    for (int k = 0; k < BINS; k += 37) {
      double gain = Math.pow(10, db[k] / 20);
      for (int t = 0; t < frames; t++) {
        assertThat((double) coloured.real(k, t)).isCloseTo(gain, within(1e-4 * gain));
        assertThat((double) coloured.imaginary(k, t)).isCloseTo(-2 * gain, within(2e-4 * gain));
      }
    }
  }
}
