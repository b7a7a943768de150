package io.pixelplayer.udf;

/**
 * A second-order IIR filter (a "biquad") with the equaliser shapes of R. Bristow-Johnson's Audio EQ
 * Cookbook: peaking, low shelf and high shelf. Immutable; {@link #filter} runs it over a whole
 * signal from rest (zero state), in double precision.
 */
public final class Biquad {
  private final double b0;
  private final double b1;
  private final double b2;
  private final double a1;
  private final double a2;

  private Biquad(double b0, double b1, double b2, double a0, double a1, double a2) {
    this.b0 = b0 / a0;
    this.b1 = b1 / a0;
    this.b2 = b2 / a0;
    this.a1 = a1 / a0;
    this.a2 = a2 / a0;
  }

  /** A bell of {@code gainDb} at {@code frequency} Hz, {@code q} wide (higher is narrower). */
  public static Biquad peaking(double sampleRate, double frequency, double q, double gainDb) {
    check(sampleRate, frequency);
    if (!(q > 0)) throw new IllegalArgumentException("Q " + q + " must be positive");
    double a = Math.pow(10, gainDb / 40);
    double w = 2 * Math.PI * frequency / sampleRate;
    double alpha = Math.sin(w) / (2 * q);
    double cos = Math.cos(w);
    return new Biquad(
        1 + alpha * a, -2 * cos, 1 - alpha * a, 1 + alpha / a, -2 * cos, 1 - alpha / a);
  }

  /**
   * Everything below {@code frequency} Hz raised by {@code gainDb} (lowered when negative); slope
   * 1.
   */
  public static Biquad lowShelf(double sampleRate, double frequency, double gainDb) {
    return shelf(sampleRate, frequency, gainDb, -1);
  }

  /**
   * Everything above {@code frequency} Hz raised by {@code gainDb} (lowered when negative); slope
   * 1.
   */
  public static Biquad highShelf(double sampleRate, double frequency, double gainDb) {
    return shelf(sampleRate, frequency, gainDb, 1);
  }

  private static Biquad shelf(double sampleRate, double frequency, double gainDb, int high) {
    check(sampleRate, frequency);
    double a = Math.pow(10, gainDb / 40);
    double w = 2 * Math.PI * frequency / sampleRate;
    double cos = Math.cos(w);
    double alpha = Math.sin(w) / Math.sqrt(2); // shelf slope S = 1
    double root = 2 * Math.sqrt(a) * alpha;
    return new Biquad(
        a * ((a + 1) + high * (a - 1) * cos + root),
        -2 * high * a * ((a - 1) + high * (a + 1) * cos),
        a * ((a + 1) + high * (a - 1) * cos - root),
        (a + 1) - high * (a - 1) * cos + root,
        2 * high * ((a - 1) - high * (a + 1) * cos),
        (a + 1) - high * (a - 1) * cos - root);
  }

  private static void check(double sampleRate, double frequency) {
    if (!(sampleRate > 0) || !(frequency > 0) || frequency >= sampleRate / 2) {
      throw new IllegalArgumentException(
          "filter frequency " + frequency + " Hz not inside 0.." + sampleRate / 2 + " Hz");
    }
  }

  /** The signal filtered, from rest: same length. */
  public float[] filter(float[] signal) {
    float[] out = new float[signal.length];
    double x1 = 0;
    double x2 = 0;
    double y1 = 0;
    double y2 = 0;
    for (int i = 0; i < signal.length; i++) {
      double x = signal[i];
      double y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
      x2 = x1;
      x1 = x;
      y2 = y1;
      y1 = y;
      out[i] = (float) y;
    }
    return out;
  }

  /** The filter's gain (dB) at {@code frequency} Hz. */
  public double gainDbAt(double sampleRate, double frequency) {
    double w = 2 * Math.PI * frequency / sampleRate;
    double[] num = response(b0, b1, b2, w);
    double[] den = response(1, a1, a2, w);
    return 10
        * Math.log10((num[0] * num[0] + num[1] * num[1]) / (den[0] * den[0] + den[1] * den[1]));
  }

  private static double[] response(double c0, double c1, double c2, double w) {
    return new double[] {
      c0 + c1 * Math.cos(w) + c2 * Math.cos(2 * w), -c1 * Math.sin(w) - c2 * Math.sin(2 * w)
    };
  }
}
