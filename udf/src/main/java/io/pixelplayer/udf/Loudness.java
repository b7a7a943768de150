package io.pixelplayer.udf;

/**
 * RMS loudness in dBFS: {@code 20 log10(sqrt(mean(x^2)))} with full scale at 1.0, so a full-scale
 * square wave is 0 dB and a full-scale sine about -3.01 dB. Used to flag silent clips, which the
 * paper's mixtures must avoid.
 *
 * <p>Silence (all zeros, an empty range, or anything quieter than the floor) gives {@link
 * #SILENCE_FLOOR_DB} rather than -infinity, so that tables and JSON stay finite.
 */
public final class Loudness {
  /** The loudness reported for silence: -120 dBFS, below any 24-bit signal's noise floor. */
  public static final double SILENCE_FLOOR_DB = -120.0;

  private Loudness() {}

  /** Loudness of the whole signal. */
  public static double rmsDb(float[] signal) {
    if (signal == null) throw new IllegalArgumentException("signal is null");
    return rmsDb(signal, 0, signal.length);
  }

  /** Loudness of {@code signal[from, to)}. */
  public static double rmsDb(float[] signal, int from, int to) {
    if (signal == null) throw new IllegalArgumentException("signal is null");
    if (from < 0 || to > signal.length || from > to) {
      throw new IllegalArgumentException(
          "range ["
              + from
              + ", "
              + to
              + ") is not inside a signal of "
              + signal.length
              + " samples");
    }
    if (from == to) return SILENCE_FLOOR_DB;
    double energy = 0;
    for (int i = from; i < to; i++) energy += (double) signal[i] * signal[i];
    if (!Double.isFinite(energy)) {
      throw new IllegalArgumentException(
          "signal has NaN or infinite samples in [" + from + ", " + to + ")");
    }
    // 10 log10 of the mean power is 20 log10 of the RMS.
    return Math.max(SILENCE_FLOOR_DB, 10 * Math.log10(energy / (to - from)));
  }

  /**
   * Whether the whole signal is quieter than {@code thresholdDb} (strictly below it). Silence reads
   * as the floor, so a threshold at or below -120 dB flags nothing.
   */
  public static boolean isSilent(float[] signal, double thresholdDb) {
    if (Double.isNaN(thresholdDb)) throw new IllegalArgumentException("threshold is NaN");
    return rmsDb(signal) < thresholdDb;
  }
}
