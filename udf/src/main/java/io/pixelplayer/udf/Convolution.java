package io.pixelplayer.udf;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Linear convolution of a signal with an impulse response (a room, a filter) by FFT: the output
 * keeps the signal's length, so whatever rings on past its end is cut off, as when a recording
 * stops.
 */
public final class Convolution {
  private Convolution() {}

  /**
   * {@code signal} convolved with {@code impulseResponse}, its first {@code signal.length} samples.
   */
  public static float[] convolve(float[] signal, float[] impulseResponse) {
    if (signal == null || impulseResponse == null || impulseResponse.length == 0) {
      throw new IllegalArgumentException(
          "convolution needs a signal and a non-empty impulse response");
    }
    int size =
        Integer.highestOneBit(Math.max(1, signal.length + impulseResponse.length - 1) - 1) << 1;
    if (size <= 0)
      throw new IllegalArgumentException(
          "signal of " + signal.length + " samples is too long to convolve");
    double[] a = new double[size];
    double[] b = new double[size];
    for (int i = 0; i < signal.length; i++) a[i] = signal[i];
    for (int i = 0; i < impulseResponse.length; i++) b[i] = impulseResponse[i];
    DoubleFFT_1D fft = new DoubleFFT_1D(size);
    fft.realForward(a);
    fft.realForward(b);
    // JTransforms' packed real layout: a[0] = Re(0), a[1] = Re(n/2), then (Re, Im) pairs.
    a[0] *= b[0];
    a[1] *= b[1];
    for (int k = 2; k < size; k += 2) {
      double re = a[k] * b[k] - a[k + 1] * b[k + 1];
      double im = a[k] * b[k + 1] + a[k + 1] * b[k];
      a[k] = re;
      a[k + 1] = im;
    }
    fft.realInverse(a, true);
    float[] out = new float[signal.length];
    for (int i = 0; i < out.length; i++) out[i] = (float) a[i];
    return out;
  }
}
