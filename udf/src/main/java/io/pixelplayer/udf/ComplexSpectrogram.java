package io.pixelplayer.udf;

/**
 * A one-sided complex spectrogram: {@code bins} frequency bins (0 Hz up to Nyquist) by {@code
 * frames} time frames.
 *
 * <p>Layout of every flat array this class takes or returns (real, imaginary, magnitude, phase):
 * row-major by bin, {@code index = bin * frames + frame}, i.e. the (frequency, time) = (H, W)
 * layout of the paper's {@code 1 x 512 x 256} tensors with the lowest frequency in row 0.
 *
 * <p>Immutable: public factories copy their arrays and accessors return copies.
 */
public final class ComplexSpectrogram {
  private final int bins;
  private final int frames;
  // Package-private so that Stft and Masks can read them without copying; never written after
  // construction.
  final float[] re;
  final float[] im;

  /**
   * Takes ownership of the arrays (no copy): for callers in this package that have just built them.
   */
  ComplexSpectrogram(int bins, int frames, float[] re, float[] im) {
    requireLength("real part", re, bins, frames);
    requireLength("imaginary part", im, bins, frames);
    this.bins = bins;
    this.frames = frames;
    this.re = re;
    this.im = im;
  }

  /** A spectrogram from real and imaginary parts in the layout described above (copied). */
  public static ComplexSpectrogram of(int bins, int frames, float[] real, float[] imaginary) {
    requireLength("real part", real, bins, frames);
    requireLength("imaginary part", imaginary, bins, frames);
    return new ComplexSpectrogram(bins, frames, real.clone(), imaginary.clone());
  }

  /**
   * A spectrogram from magnitude and phase (radians), as SoP rebuilds {@code mag * exp(1j * phase)}
   * before its inverse STFT.
   */
  public static ComplexSpectrogram fromPolar(
      int bins, int frames, float[] magnitude, float[] phase) {
    requireLength("magnitude", magnitude, bins, frames);
    requireLength("phase", phase, bins, frames);
    float[] re = new float[magnitude.length];
    float[] im = new float[magnitude.length];
    for (int i = 0; i < re.length; i++) {
      re[i] = (float) (magnitude[i] * Math.cos(phase[i]));
      im[i] = (float) (magnitude[i] * Math.sin(phase[i]));
    }
    return new ComplexSpectrogram(bins, frames, re, im);
  }

  public int bins() {
    return bins;
  }

  public int frames() {
    return frames;
  }

  public float real(int bin, int frame) {
    return re[index(bin, frame)];
  }

  public float imaginary(int bin, int frame) {
    return im[index(bin, frame)];
  }

  /** Copy of the real parts. */
  public float[] real() {
    return re.clone();
  }

  /** Copy of the imaginary parts. */
  public float[] imaginary() {
    return im.clone();
  }

  /** |X|, a new array. */
  public float[] magnitude() {
    float[] magnitude = new float[re.length];
    for (int i = 0; i < magnitude.length; i++) {
      magnitude[i] = (float) Math.sqrt((double) re[i] * re[i] + (double) im[i] * im[i]);
    }
    return magnitude;
  }

  /** arg X in (-pi, pi] radians ({@code numpy.angle}), a new array. */
  public float[] phase() {
    float[] phase = new float[re.length];
    for (int i = 0; i < phase.length; i++) {
      phase[i] = (float) Math.atan2(im[i], re[i]);
    }
    return phase;
  }

  private int index(int bin, int frame) {
    if (bin < 0 || bin >= bins || frame < 0 || frame >= frames) {
      throw new IndexOutOfBoundsException(
          "(bin "
              + bin
              + ", frame "
              + frame
              + ") outside "
              + bins
              + " bins x "
              + frames
              + " frames");
    }
    return bin * frames + frame;
  }

  private static void requireLength(String what, float[] values, int bins, int frames) {
    if (bins < 1 || frames < 1) {
      throw new IllegalArgumentException(
          "spectrogram size " + bins + " bins x " + frames + " frames must be positive");
    }
    if (values == null) throw new IllegalArgumentException(what + " is null");
    if ((long) bins * frames != values.length) {
      throw new IllegalArgumentException(
          what
              + " has "
              + values.length
              + " values, expected "
              + bins
              + " bins x "
              + frames
              + " frames");
    }
  }

  @Override
  public String toString() {
    return "ComplexSpectrogram[" + bins + " bins x " + frames + " frames]";
  }
}
