package io.pixelplayer.udf;

import java.util.Arrays;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Short-time Fourier transform as SoP computes it with {@code librosa.stft(audio, n_fft=1022,
 * hop_length=256)}: periodic Hann window of length n_fft, frames centred on {@code t * hop} (the
 * signal is zero-padded by n_fft/2 on both sides), one-sided, unscaled: {@code X[k, t] = sum_n
 * x[t*hop + n - n_fft/2] w[n] exp(-2 pi i k n / n_fft)}. A signal of L samples gives {@code n_fft/2
 * + 1} bins and {@code 1 + L / hop} frames: the paper's 65535 samples at 11025 Hz give 512 x 256.
 *
 * <p>Zero padding is librosa's default since 0.10 (and scipy's {@code boundary='zeros'}). The 2019
 * SoP code ran an older librosa whose default was reflection padding; that changes only the frames
 * whose window reaches past either end of the signal (for the paper's clips, the first two and the
 * last one).
 *
 * <p>The inverse is librosa's {@code istft}: windowed overlap-add divided by the summed squared
 * window, the padding trimmed, the result cut or zero-extended to the requested length. It does not
 * clip; SoP's {@code istft_reconstruction} clips to [-1, 1] afterwards, which writing 16-bit WAV
 * does anyway.
 *
 * <p>Thread-safe: the FFT plan and window are built once per instance and only read afterwards;
 * each call allocates its own n_fft-sample work buffer (the FFT's size keeps JTransforms on the
 * calling thread).
 */
public final class Stft {
  /** Sample rate the paper resamples all audio to (Hz). */
  public static final int PAPER_SAMPLE_RATE = 11025;

  /** The paper's FFT size: 1022 gives 512 bins. */
  public static final int PAPER_FFT_SIZE = 1022;

  /** The paper's hop: 256 gives 256 frames for 65535 samples. */
  public static final int PAPER_HOP_LENGTH = 256;

  private final int fftSize;
  private final int hopLength;
  private final double[] window;
  // In double: 1022 = 2 * 7 * 73 sends JTransforms to Bluestein's algorithm, whose float error is
  // several
  // times float rounding, and the double transform is no slower at this size (about 30 us a frame).
  private final DoubleFFT_1D fft;

  /**
   * @param fftSize window and FFT length in samples; even, at least 2
   * @param hopLength samples between frame centres, 1 to fftSize / 2: with less overlap the centred
   *     frames would miss the end of some signals and the inverse could not recover it
   */
  public Stft(int fftSize, int hopLength) {
    if (fftSize < 2 || fftSize % 2 != 0) {
      throw new IllegalArgumentException("FFT size " + fftSize + " must be even and at least 2");
    }
    if (hopLength < 1 || hopLength > fftSize / 2) {
      throw new IllegalArgumentException(
          "hop length "
              + hopLength
              + " not in 1.."
              + fftSize / 2
              + " (frames must overlap by half to cover every sample)");
    }
    this.fftSize = fftSize;
    this.hopLength = hopLength;
    this.window = periodicHann(fftSize);
    this.fft = new DoubleFFT_1D(fftSize);
  }

  /** The paper's STFT: n_fft 1022, hop 256 (for 11025 Hz audio). */
  public static Stft paper() {
    return new Stft(PAPER_FFT_SIZE, PAPER_HOP_LENGTH);
  }

  public int fftSize() {
    return fftSize;
  }

  public int hopLength() {
    return hopLength;
  }

  /** Frequency bins of every spectrogram: n_fft/2 + 1. */
  public int bins() {
    return fftSize / 2 + 1;
  }

  /** Frames for a signal of this many samples: 1 + length / hop. */
  public int frames(int signalLength) {
    if (signalLength < 1)
      throw new IllegalArgumentException("signal length " + signalLength + " must be positive");
    return 1 + signalLength / hopLength;
  }

  /** The spectrogram of a whole signal. */
  public ComplexSpectrogram forward(float[] signal) {
    if (signal == null) throw new IllegalArgumentException("signal is null");
    int frames = frames(signal.length);
    int bins = bins();
    int half = fftSize / 2;
    float[] re = new float[bins * frames];
    float[] im = new float[bins * frames];
    double[] buffer = new double[fftSize];
    for (int t = 0; t < frames; t++) {
      // Window sample n reads signal[start + n]; outside the signal is the zero padding.
      int start = t * hopLength - half;
      int first = Math.max(0, -start);
      int end = Math.min(fftSize, signal.length - start);
      Arrays.fill(buffer, 0.0);
      for (int n = first; n < end; n++) {
        buffer[n] = signal[start + n] * window[n];
      }
      fft.realForward(buffer);
      // JTransforms packs [Re0, Re(n/2), Re1, Im1, Re2, Im2, ...]; DC and Nyquist are real.
      re[t] = (float) buffer[0];
      re[(bins - 1) * frames + t] = (float) buffer[1];
      for (int k = 1; k < bins - 1; k++) {
        re[k * frames + t] = (float) buffer[2 * k];
        im[k * frames + t] = (float) buffer[2 * k + 1];
      }
    }
    return new ComplexSpectrogram(bins, frames, re, im);
  }

  /**
   * The signal of {@code length} samples whose STFT is closest to {@code spectrogram} (librosa's
   * {@code istft} with {@code length}). Samples beyond the frames' reach are zero. Imaginary parts
   * of the DC and Nyquist bins are ignored, as by any real inverse FFT.
   */
  public float[] inverse(ComplexSpectrogram spectrogram, int length) {
    if (spectrogram == null) throw new IllegalArgumentException("spectrogram is null");
    if (spectrogram.bins() != bins()) {
      throw new IllegalArgumentException(
          "spectrogram has "
              + spectrogram.bins()
              + " bins, this STFT (n_fft "
              + fftSize
              + ") makes "
              + bins());
    }
    if (length < 1)
      throw new IllegalArgumentException("signal length " + length + " must be positive");
    int frames = spectrogram.frames();
    int bins = bins();
    int half = fftSize / 2;
    double[] sum = new double[length];
    double[] windowPower = new double[length];
    double[] buffer = new double[fftSize];
    for (int t = 0; t < frames; t++) {
      buffer[0] = spectrogram.re[t];
      buffer[1] = spectrogram.re[(bins - 1) * frames + t];
      for (int k = 1; k < bins - 1; k++) {
        buffer[2 * k] = spectrogram.re[k * frames + t];
        buffer[2 * k + 1] = spectrogram.im[k * frames + t];
      }
      fft.realInverse(buffer, true);
      int start = t * hopLength - half;
      int first = Math.max(0, -start);
      int end = Math.min(fftSize, length - start);
      for (int n = first; n < end; n++) {
        sum[start + n] += buffer[n] * window[n];
        windowPower[start + n] += window[n] * window[n];
      }
    }
    float[] signal = new float[length];
    for (int i = 0; i < length; i++) {
      // librosa leaves samples whose window power is (nearly) zero undivided rather than blowing
      // them up.
      signal[i] = (float) (windowPower[i] > Float.MIN_NORMAL ? sum[i] / windowPower[i] : sum[i]);
    }
    return signal;
  }

  /** scipy's {@code get_window('hann', n)}: the n-point period of a raised cosine, w[0] = 0. */
  private static double[] periodicHann(int length) {
    double[] window = new double[length];
    for (int n = 0; n < length; n++) {
      window[n] = 0.5 - 0.5 * Math.cos(2 * Math.PI * n / length);
    }
    return window;
  }

  @Override
  public String toString() {
    return "Stft[n_fft " + fftSize + ", hop " + hopLength + "]";
  }
}
