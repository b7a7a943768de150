package io.pixelplayer.udf;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns masks into audio the way the paper evaluates (Zhao et al. 2018, section 4): a predicted
 * mask on the log-frequency grid is unwarped to the STFT's linear grid, binarised, applied to the
 * mixture's spectrogram (the mixture's phase kept) and inverted. Also the ideal binary mask of the
 * same mixture, the ceiling any binary-mask model can reach. Thread-safe (its Stft and
 * LogFrequencyWarp are).
 */
public final class MaskSeparation {
  private final Stft stft;
  private final LogFrequencyWarp warp;

  /**
   * @param warp its linear bins must be the STFT's bins; its frames the STFT frames of the clips
   *     separated
   */
  public MaskSeparation(Stft stft, LogFrequencyWarp warp) {
    if (warp.linearBins() != stft.bins()) {
      throw new IllegalArgumentException(
          "warp has " + warp.linearBins() + " linear bins, the STFT " + stft.bins());
    }
    this.stft = stft;
    this.warp = warp;
  }

  /**
   * One source's estimate from its predicted mask.
   *
   * @param mixture the mixture's samples; its STFT must have the warp's frame count
   * @param warpedMask mask probabilities on the log-frequency grid, {@code logBins x frames},
   *     bin-major
   * @param threshold binarisation threshold (the paper's is {@link Masks#PAPER_THRESHOLD})
   */
  public float[] separate(float[] mixture, float[] warpedMask, float threshold) {
    ComplexSpectrogram spectrum = spectrum(mixture);
    float[] mask = Masks.binarize(warp.unwarp(warpedMask), threshold);
    return stft.inverse(Masks.apply(mask, spectrum), mixture.length);
  }

  /**
   * The ideal binary mask estimates of {@code sources} in their mixture (their sum): each keeps the
   * bins where its own magnitude exceeds half the mixture's, on the linear grid.
   */
  public List<float[]> idealBinary(List<float[]> sources) {
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("no sources to separate");
    }
    int length = sources.get(0).length;
    float[] mixture = new float[length];
    for (float[] source : sources) {
      if (source.length != length) {
        throw new IllegalArgumentException(
            "sources of " + length + " and " + source.length + " samples");
      }
      for (int i = 0; i < length; i++) {
        mixture[i] += source[i];
      }
    }
    ComplexSpectrogram spectrum = spectrum(mixture);
    float[] mixtureMagnitude = spectrum.magnitude();
    List<float[]> estimates = new ArrayList<>();
    for (float[] source : sources) {
      float[] mask = Masks.idealBinary(stft.forward(source).magnitude(), mixtureMagnitude);
      estimates.add(stft.inverse(Masks.apply(mask, spectrum), length));
    }
    return estimates;
  }

  private ComplexSpectrogram spectrum(float[] signal) {
    ComplexSpectrogram spectrum = stft.forward(signal);
    if (spectrum.frames() != warp.frames()) {
      throw new IllegalArgumentException(
          signal.length
              + " samples give "
              + spectrum.frames()
              + " STFT frames, the warp expects "
              + warp.frames());
    }
    return spectrum;
  }
}
