package io.pixelplayer.model.train;

import io.pixelplayer.udf.ComplexSpectrogram;
import java.util.Random;

/**
 * A random colouring of one source's spectrum in a training mixture: brighter or darker, and a few
 * broad peaks and dips, the same in every frame (a linear filter on the source). Drawn per source
 * and mixture, it shows the model each instrument with many spectral envelopes, as other makers,
 * players, microphones and SoundFonts give it, rather than with the few of its training corpus;
 * pitch, harmonics and onsets stay what they were.
 */
final class SpectralColouring {
  /** Peaks or dips per colouring. */
  static final int RESONANCES = 3;

  /** Where the tilt pivots, and the octaves over which it reaches its full difference. */
  private static final double PIVOT_HZ = 1000;

  private static final double TILT_OCTAVES = 6;

  /** Resonances are centred at 200 Hz to 5 kHz, log-uniformly, and 0.15 to 0.8 octaves wide. */
  private static final double LOWEST_CENTRE_HZ = 200;

  private static final double HIGHEST_CENTRE_HZ = 5000;

  /** Below this the tilt stays flat: the octaves under it hold almost no energy. */
  private static final double FLOOR_HZ = 50;

  private final double rangeDb;
  private final int sampleRate;

  /**
   * @param rangeDb the tilt (top of the band over the bottom) and each resonance's gain are drawn
   *     in ± this
   */
  SpectralColouring(double rangeDb, int sampleRate) {
    this.rangeDb = rangeDb;
    this.sampleRate = sampleRate;
  }

  /** The colouring's gain (dB) at each of {@code bins} one-sided STFT bins, 0 Hz to Nyquist. */
  double[] gainsDb(int bins, Random rng) {
    double tilt = symmetric(rng);
    double[] centre = new double[RESONANCES];
    double[] width = new double[RESONANCES];
    double[] gain = new double[RESONANCES];
    for (int r = 0; r < RESONANCES; r++) {
      centre[r] =
          octaves(
              LOWEST_CENTRE_HZ * Math.pow(HIGHEST_CENTRE_HZ / LOWEST_CENTRE_HZ, rng.nextDouble()));
      width[r] = 0.15 + 0.65 * rng.nextDouble();
      gain[r] = symmetric(rng);
    }
    double[] db = new double[bins];
    double binHz = sampleRate / (2.0 * (bins - 1));
    for (int k = 0; k < bins; k++) {
      double x = octaves(Math.max(FLOOR_HZ, k * binHz));
      double value = tilt * x / TILT_OCTAVES;
      for (int r = 0; r < RESONANCES; r++) {
        double d = (x - centre[r]) / width[r];
        value += gain[r] * Math.exp(-0.5 * d * d);
      }
      db[k] = value;
    }
    return db;
  }

  /** The source's spectrogram through a colouring drawn from {@code rng}. */
  ComplexSpectrogram apply(ComplexSpectrogram source, Random rng) {
    double[] db = gainsDb(source.bins(), rng);
    float[] re = source.real();
    float[] im = source.imaginary();
    int frames = source.frames();
    for (int k = 0; k < db.length; k++) {
      float g = (float) Math.pow(10, db[k] / 20);
      for (int t = k * frames; t < (k + 1) * frames; t++) {
        re[t] *= g;
        im[t] *= g;
      }
    }
    return ComplexSpectrogram.of(source.bins(), frames, re, im);
  }

  private static double octaves(double hz) {
    return Math.log(hz / PIVOT_HZ) / Math.log(2);
  }

  private double symmetric(Random rng) {
    return rangeDb * (2 * rng.nextDouble() - 1);
  }
}
