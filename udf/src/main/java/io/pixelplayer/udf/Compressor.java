package io.pixelplayer.udf;

/**
 * A feed-forward dynamic range compressor's gain: above {@code thresholdDb} a level rises only
 * {@code 1 / ratio} as fast. It returns the gain rather than the compressed signal, so that several
 * parts of a mix can be given the same gain and still add up to the compressed mix.
 *
 * @param thresholdDb level (dBFS, of the detector's smoothed peak) above which the gain falls
 * @param ratio 1 (no compression) or more
 * @param attackSeconds how fast the gain falls when the level rises
 * @param releaseSeconds how fast it recovers when the level falls
 */
public record Compressor(
    double thresholdDb, double ratio, double attackSeconds, double releaseSeconds) {
  public Compressor {
    if (!(ratio >= 1))
      throw new IllegalArgumentException("compression ratio " + ratio + " below 1");
    if (!(attackSeconds > 0) || !(releaseSeconds > 0)) {
      throw new IllegalArgumentException(
          "attack " + attackSeconds + " s and release " + releaseSeconds + " s must be positive");
    }
  }

  /**
   * The gain (≤ 1) for each sample of {@code detector}, the signal whose level drives the
   * compressor.
   */
  public float[] gain(float[] detector, double sampleRate) {
    double attack = Math.exp(-1 / (attackSeconds * sampleRate));
    double release = Math.exp(-1 / (releaseSeconds * sampleRate));
    float[] gain = new float[detector.length];
    double envelope = 0;
    for (int i = 0; i < detector.length; i++) {
      double level = Math.abs(detector[i]);
      double coefficient = level > envelope ? attack : release;
      envelope = coefficient * envelope + (1 - coefficient) * level;
      double overDb = 20 * Math.log10(envelope + 1e-12) - thresholdDb;
      gain[i] = overDb <= 0 ? 1f : (float) Math.pow(10, -overDb * (1 - 1 / ratio) / 20);
    }
    return gain;
  }
}
