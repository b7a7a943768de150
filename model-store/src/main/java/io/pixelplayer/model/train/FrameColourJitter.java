package io.pixelplayer.model.train;

import io.pixelplayer.model.infer.FrameImages;
import java.util.Random;

/**
 * A random recolouring of one clip's frames in training: hue turned round the colour circle,
 * saturation, brightness and contrast moved, and now and then grey. The instruments of a style keep
 * their shapes but lose their palette, so the video net learns what an instrument looks like rather
 * than the colours of the corpus's few drawings of it.
 */
final class FrameColourJitter {
  /** Saturation, brightness and contrast are scaled by a factor in [1 - this, 1 + this]. */
  static final double SATURATION = 0.4;

  static final double BRIGHTNESS = 0.25;
  static final double CONTRAST = 0.25;

  /** Share of clips shown in grey. */
  static final double GREY_SHARE = 0.1;

  /** Rec. 601 luma weights. */
  private static final double[] LUMA = {0.299, 0.587, 0.114};

  private final double hueDegrees;

  /**
   * @param hueDegrees hue turned by up to ± this
   */
  FrameColourJitter(double hueDegrees) {
    this.hueDegrees = hueDegrees;
  }

  /**
   * Recolours {@code frames} normalised CHW frames of {@code side} pixels from {@code
   * values[offset..]} in place, all alike.
   */
  void apply(float[] values, int offset, int frames, int side, Random rng) {
    double[][] colour = matrix(rng);
    double brightness = 1 + BRIGHTNESS * (2 * rng.nextDouble() - 1);
    double contrast = 1 + CONTRAST * (2 * rng.nextDouble() - 1);
    int plane = side * side;
    double[] in = new double[3];
    double[][] rgb = new double[3][plane];
    for (int f = 0; f < frames; f++) {
      int base = offset + f * 3 * plane;
      double mean = 0;
      for (int p = 0; p < plane; p++) {
        for (int c = 0; c < 3; c++) {
          in[c] = values[base + c * plane + p] * FrameImages.STD[c] + FrameImages.MEAN[c];
        }
        for (int c = 0; c < 3; c++) {
          rgb[c][p] =
              brightness * (colour[c][0] * in[0] + colour[c][1] * in[1] + colour[c][2] * in[2]);
          mean += LUMA[c] * rgb[c][p];
        }
      }
      mean /= plane;
      for (int c = 0; c < 3; c++) {
        for (int p = 0; p < plane; p++) {
          double v = Math.max(0, Math.min(1, mean + contrast * (rgb[c][p] - mean)));
          values[base + c * plane + p] = (float) ((v - FrameImages.MEAN[c]) / FrameImages.STD[c]);
        }
      }
    }
  }

  /** Hue rotation about the grey axis, then saturation (0 for grey), as one RGB matrix. */
  private double[][] matrix(Random rng) {
    double angle = Math.toRadians(hueDegrees * (2 * rng.nextDouble() - 1));
    double saturation =
        rng.nextDouble() < GREY_SHARE ? 0 : 1 + SATURATION * (2 * rng.nextDouble() - 1);
    // Rotation by the angle about (1, 1, 1) / sqrt(3) (Rodrigues), which keeps greys grey.
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    double third = (1 - cos) / 3;
    double root = Math.sqrt(1.0 / 3) * sin;
    double[][] hue = {
      {cos + third, third - root, third + root},
      {third + root, cos + third, third - root},
      {third - root, third + root, cos + third}
    };
    double[][] m = new double[3][3];
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 3; c++) {
        // saturation: s * x + (1 - s) * luma(x), applied after the rotation
        double sum = 0;
        for (int k = 0; k < 3; k++) {
          double sat = (r == k ? saturation : 0) + (1 - saturation) * LUMA[k];
          sum += sat * hue[k][c];
        }
        m[r][c] = sum;
      }
    }
    return m;
  }
}
