package io.pixelplayer.model.train;

import java.util.Random;

/**
 * A random turn and zoom of one clip's frames in training, all frames alike: instruments are held
 * at many angles and filmed from many distances, where a corpus's drawings show each at a few. The
 * frame is resampled bilinearly about its centre; what the turn or a zoom out brings in from beyond
 * the edges is the frame mirrored there, so no blank corners tell the net that a frame was turned.
 */
final class FrameWarp {
  /** The frame is scaled by a factor in [1 - this, 1 + this]. */
  static final double ZOOM = 0.2;

  private final double turnDegrees;

  /**
   * @param turnDegrees frames turned by up to ± this
   */
  FrameWarp(double turnDegrees) {
    this.turnDegrees = turnDegrees;
  }

  /**
   * Turns and zooms {@code frames} CHW frames of {@code side} pixels from {@code values[offset..]}
   * in place, all by one draw.
   */
  void apply(float[] values, int offset, int frames, int side, Random rng) {
    double angle = Math.toRadians(turnDegrees * (2 * rng.nextDouble() - 1));
    double scale = 1 + ZOOM * (2 * rng.nextDouble() - 1);
    warp(values, offset, frames, side, angle, scale);
  }

  /**
   * Turns the frames by {@code angle} radians (clockwise as shown, y down) and scales them by
   * {@code scale} about their centres.
   */
  static void warp(float[] values, int offset, int frames, int side, double angle, double scale) {
    int plane = side * side;
    // Where each output pixel comes from: the inverse turn and zoom about the centre.
    int[] x0 = new int[plane];
    int[] y0 = new int[plane];
    float[] fx = new float[plane];
    float[] fy = new float[plane];
    double cos = Math.cos(angle) / scale;
    double sin = Math.sin(angle) / scale;
    double centre = (side - 1) / 2.0;
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        double dx = x - centre;
        double dy = y - centre;
        double sx = centre + cos * dx + sin * dy;
        double sy = centre - sin * dx + cos * dy;
        int p = y * side + x;
        x0[p] = (int) Math.floor(sx);
        y0[p] = (int) Math.floor(sy);
        fx[p] = (float) (sx - x0[p]);
        fy[p] = (float) (sy - y0[p]);
      }
    }
    float[] source = new float[plane];
    for (int c = 0; c < 3 * frames; c++) {
      int base = offset + c * plane;
      System.arraycopy(values, base, source, 0, plane);
      for (int p = 0; p < plane; p++) {
        int left = mirror(x0[p], side);
        int right = mirror(x0[p] + 1, side);
        int top = mirror(y0[p], side) * side;
        int bottom = mirror(y0[p] + 1, side) * side;
        float upper = source[top + left] + fx[p] * (source[top + right] - source[top + left]);
        float lower =
            source[bottom + left] + fx[p] * (source[bottom + right] - source[bottom + left]);
        values[base + p] = upper + fy[p] * (lower - upper);
      }
    }
  }

  /** The index of a pixel beyond the edge as the frame mirrored about its edges shows it. */
  private static int mirror(int i, int side) {
    if (side == 1) return 0;
    int period = 2 * (side - 1);
    int m = Math.floorMod(i, period);
    return m < side ? m : period - m;
  }
}
