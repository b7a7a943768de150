package io.pixelplayer.udf;

/**
 * Downsampling by an integer factor behind an anti-aliasing low-pass: how 44.1 kHz renders become
 * the 11025 Hz mono audio the model hears (factor 4); and upsampling through the same low-pass,
 * against the images (how espeak-ng's 22050 Hz speech joins a 44.1 kHz soundtrack).
 *
 * <p>The low-pass is a windowed-sinc FIR with a Kaiser window, designed for each factor M (rates
 * relative to the new Nyquist frequency {@code fs / 2M}):
 *
 * <ul>
 *   <li>passband up to {@link #PASSBAND_EDGE} = 0.9 of the new Nyquist (4961 Hz at 11025 Hz),
 *       ripple about 0.003 dB;
 *   <li>cut-off (-6 dB) at 0.95 of the new Nyquist;
 *   <li>stopband from the new Nyquist up, designed for {@link #STOPBAND_ATTENUATION_DB} = 70 dB of
 *       attenuation (Kaiser's formulas land within half a decibel: 69.6 dB worst measured), so
 *       nothing folds back louder than about -70 dB;
 *   <li>length from Kaiser's formula for that transition band: 347 taps for M = 4.
 * </ul>
 *
 * The filter is centred on each output sample (zero phase, no delay) and the signal is taken as
 * zero outside its ends. Output sample k is input sample {@code k * M} filtered; there are {@code
 * floor(n / M)} of them (when M divides the rate, as 4 divides 44100, a clip keeps its exact length
 * in seconds).
 */
public final class Resampler {

  /** Where the passband ends, as a share of the new Nyquist frequency. */
  public static final double PASSBAND_EDGE = 0.9;

  /**
   * The stopband attenuation (dB) the filter is designed for, from the new Nyquist frequency up.
   */
  public static final double STOPBAND_ATTENUATION_DB = 70;

  private Resampler() {}

  /**
   * {@code signal} at {@code 1 / factor} of its sample rate: {@code floor(signal.length / factor)}
   * samples. A factor of 1 returns a copy.
   */
  public static float[] downsample(float[] signal, int factor) {
    if (signal == null) throw new IllegalArgumentException("signal is null");
    if (factor < 1)
      throw new IllegalArgumentException("downsampling factor " + factor + " must be at least 1");
    if (factor == 1) return signal.clone();
    double[] taps = lowPass(factor);
    int half = taps.length / 2;
    float[] out = new float[signal.length / factor];
    for (int k = 0; k < out.length; k++) {
      int centre = k * factor;
      // Only the taps that land inside the signal: zero beyond both ends.
      int first = Math.max(0, half - centre);
      int last = Math.min(taps.length, signal.length - centre + half);
      double sum = 0;
      for (int j = first, i = centre - half + first; j < last; j++, i++) sum += taps[j] * signal[i];
      out[k] = (float) sum;
    }
    return out;
  }

  /**
   * {@code signal} at {@code factor} times its sample rate: {@code signal.length * factor} samples,
   * the input's samples with {@code factor - 1} zeros after each, low-passed at the old Nyquist
   * frequency (gain {@code factor}, so levels stay). A factor of 1 returns a copy.
   */
  public static float[] upsample(float[] signal, int factor) {
    if (signal == null) throw new IllegalArgumentException("signal is null");
    if (factor < 1)
      throw new IllegalArgumentException("upsampling factor " + factor + " must be at least 1");
    if (factor == 1) return signal.clone();
    double[] taps = lowPass(factor);
    int half = taps.length / 2;
    float[] out = new float[signal.length * factor];
    for (int k = 0; k < out.length; k++) {
      // Only the taps that fall on an input sample (every factor-th position) contribute.
      int first = Math.floorMod(half - k, factor);
      double sum = 0;
      for (int j = first; j < taps.length; j += factor) {
        int at = k - half + j;
        if (at >= 0 && at < out.length) sum += taps[j] * signal[at / factor];
      }
      out[k] = (float) (sum * factor);
    }
    return out;
  }

  /**
   * The anti-aliasing filter for {@code factor}: an odd number of symmetric taps summing to 1 (unit
   * DC gain).
   */
  static double[] lowPass(int factor) {
    double nyquist = 0.5 / factor; // the new Nyquist frequency, in cycles per input sample
    double transition = (1 - PASSBAND_EDGE) * nyquist;
    double cutoff = nyquist - transition / 2;
    // Kaiser's design formulas for the window's shape (beta) and the filter's length.
    double attenuation = STOPBAND_ATTENUATION_DB;
    double beta = 0.1102 * (attenuation - 8.7);
    int length = (int) Math.ceil((attenuation - 8) / (2.285 * 2 * Math.PI * transition)) + 1;
    if (length % 2 == 0) length++;
    double[] taps = new double[length];
    int half = length / 2;
    double sum = 0;
    for (int n = 0; n < length; n++) {
      double x = n - half;
      double sinc = x == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
      double r = x / half;
      taps[n] = sinc * besselI0(beta * Math.sqrt(1 - r * r)) / besselI0(beta);
      sum += taps[n];
    }
    for (int n = 0; n < length; n++) taps[n] /= sum;
    return taps;
  }

  /** The modified Bessel function of the first kind, order 0, by its power series. */
  private static double besselI0(double x) {
    double sum = 1;
    double term = 1;
    for (int k = 1; term > 1e-12 * sum; k++) {
      term *= (x / (2 * k)) * (x / (2 * k));
      sum += term;
    }
    return sum;
  }
}
