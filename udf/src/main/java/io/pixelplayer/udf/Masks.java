package io.pixelplayer.udf;

/**
 * Spectrogram masks as SoP trains on and applies them ({@code main.py}: {@code NetWrapper.forward},
 * {@code calc_metrics}).
 *
 * <p>Targets: SoP mixes N sources as {@code mix = sum(audio_i / N)} and compares each scaled
 * source's STFT magnitude with the mixture's, both after the log-frequency warp, with {@code 1e-10}
 * added to the mixture first. The binary target is {@code mag_i > 0.5 * mix} for every N (a fixed
 * half, not 1/N: with three or more sources a bin may belong to none of them, and since magnitudes
 * of a sum need not add, occasionally to more than one). The ratio target is {@code mag_i / mix}
 * clamped to [0, 5] ("to avoid large numbers"): it exceeds 1 where sources cancel in the mixture.
 *
 * <p>Use: a predicted mask scales the mixture's magnitude and keeps its phase ({@code mag_mix *
 * mask} with {@code phase_mix}, then the inverse STFT); predicted binary masks are first
 * thresholded at 0.5.
 *
 * <p>All arrays are flat and element-wise; masks given to {@link #apply} use the layout of {@link
 * ComplexSpectrogram}.
 */
public final class Masks {
  /** SoP's {@code mask_thres}: a predicted binary mask value above this keeps the bin. */
  public static final float PAPER_THRESHOLD = 0.5f;

  /** Upper clamp of SoP's ratio masks. */
  public static final float RATIO_MASK_LIMIT = 5f;

  /**
   * Added to the mixture magnitude before any division or comparison, as SoP does: silent bins give
   * 0.
   */
  public static final float MIXTURE_EPSILON = 1e-10f;

  private Masks() {}

  /** 1 where {@code source > 0.5 * (mixture + 1e-10)}, else 0: SoP's binary training target. */
  public static float[] idealBinary(float[] sourceMagnitude, float[] mixtureMagnitude) {
    requireSameLength(sourceMagnitude, mixtureMagnitude);
    float[] mask = new float[sourceMagnitude.length];
    for (int i = 0; i < mask.length; i++) {
      mask[i] = sourceMagnitude[i] > 0.5f * (mixtureMagnitude[i] + MIXTURE_EPSILON) ? 1f : 0f;
    }
    return mask;
  }

  /** {@code source / (mixture + 1e-10)} clamped to [0, 5]: SoP's ratio training target. */
  public static float[] idealRatio(float[] sourceMagnitude, float[] mixtureMagnitude) {
    requireSameLength(sourceMagnitude, mixtureMagnitude);
    float[] mask = new float[sourceMagnitude.length];
    for (int i = 0; i < mask.length; i++) {
      float ratio = sourceMagnitude[i] / (mixtureMagnitude[i] + MIXTURE_EPSILON);
      mask[i] = Math.max(0f, Math.min(RATIO_MASK_LIMIT, ratio));
    }
    return mask;
  }

  /**
   * 1 where {@code predicted > threshold}, else 0 (SoP binarises its sigmoid output at {@link
   * #PAPER_THRESHOLD}).
   */
  public static float[] binarize(float[] predicted, float threshold) {
    if (predicted == null) throw new IllegalArgumentException("predicted mask is null");
    if (!Float.isFinite(threshold))
      throw new IllegalArgumentException("threshold " + threshold + " is not finite");
    float[] mask = new float[predicted.length];
    for (int i = 0; i < mask.length; i++) mask[i] = predicted[i] > threshold ? 1f : 0f;
    return mask;
  }

  /**
   * The mixture with each bin's magnitude multiplied by the mask and its phase kept: the
   * spectrogram SoP inverts to hear one source. Mask values must be finite and non-negative (a
   * negative gain would flip the phase).
   */
  public static ComplexSpectrogram apply(float[] mask, ComplexSpectrogram mixture) {
    if (mixture == null) throw new IllegalArgumentException("mixture spectrogram is null");
    if (mask == null) throw new IllegalArgumentException("mask is null");
    if (mask.length != mixture.re.length) {
      throw new IllegalArgumentException(
          "mask has "
              + mask.length
              + " values, the mixture "
              + mixture.bins()
              + " bins x "
              + mixture.frames()
              + " frames");
    }
    float[] re = new float[mask.length];
    float[] im = new float[mask.length];
    for (int i = 0; i < mask.length; i++) {
      float gain = mask[i];
      if (!(gain >= 0 && gain < Float.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(
            "mask value " + gain + " at index " + i + " is not finite and >= 0");
      }
      re[i] = mixture.re[i] * gain;
      im[i] = mixture.im[i] * gain;
    }
    return new ComplexSpectrogram(mixture.bins(), mixture.frames(), re, im);
  }

  private static void requireSameLength(float[] source, float[] mixture) {
    if (source == null || mixture == null)
      throw new IllegalArgumentException("magnitude array is null");
    if (source.length != mixture.length) {
      throw new IllegalArgumentException(
          "source has " + source.length + " magnitudes, the mixture " + mixture.length);
    }
  }
}
