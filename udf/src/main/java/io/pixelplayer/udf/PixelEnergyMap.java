package io.pixelplayer.udf;

/**
 * How much sound each pixel of a frame makes: a grid of non-negative energies over the whole frame,
 * row-major ({@code height x width} cells, cell (r, c) covering x in [c/width, (c+1)/width] and y
 * in [r/height, (r+1)/height] of the frame, 0..1 from the left and from the top). Where a sound is
 * (its peak, centroid and box) and what share of another map's energy it has. Immutable.
 */
public final class PixelEnergyMap {
  /** A point of the frame, 0..1 from the left and from the top. */
  public record Point(double x, double y) {}

  private final int height;
  private final int width;
  private final float[] energy;
  private final double total;

  private PixelEnergyMap(int height, int width, float[] energy) {
    this.height = height;
    this.width = width;
    this.energy = energy;
    double sum = 0;
    for (float e : energy) sum += e;
    this.total = sum;
  }

  /**
   * @param energy {@code height x width} finite, non-negative values, row-major (copied)
   */
  public static PixelEnergyMap of(int height, int width, float[] energy) {
    if (height < 1 || width < 1)
      throw new IllegalArgumentException("energy map of " + height + " x " + width + " cells");
    if (energy == null || energy.length != height * width) {
      throw new IllegalArgumentException(
          "energy map of "
              + height
              + " x "
              + width
              + " needs "
              + height * width
              + " values, got "
              + (energy == null ? "none" : energy.length));
    }
    for (int i = 0; i < energy.length; i++) {
      if (!(energy[i] >= 0) || Float.isInfinite(energy[i])) {
        throw new IllegalArgumentException(
            "energy " + energy[i] + " at cell " + i + " is not finite and non-negative");
      }
    }
    return new PixelEnergyMap(height, width, energy.clone());
  }

  public int height() {
    return height;
  }

  public int width() {
    return width;
  }

  /** The energies, row-major (a copy). */
  public float[] energy() {
    return energy.clone();
  }

  public double total() {
    return total;
  }

  /** This map's share of {@code whole}'s energy (0 when the whole is silent). */
  public double shareOf(PixelEnergyMap whole) {
    return whole.total > 0 ? total / whole.total : 0;
  }

  /** The centre of the loudest cell (the first in row-major order on a tie). */
  public Point peak() {
    int best = 0;
    for (int i = 1; i < energy.length; i++) {
      if (energy[i] > energy[best]) best = i;
    }
    return centre(best);
  }

  /** The energy-weighted mean of the cell centres; the frame's centre when the map is silent. */
  public Point centroid() {
    if (total <= 0) return new Point(0.5, 0.5);
    double x = 0;
    double y = 0;
    for (int i = 0; i < energy.length; i++) {
      Point c = centre(i);
      x += energy[i] * c.x();
      y += energy[i] * c.y();
    }
    return new Point(x / total, y / total);
  }

  /**
   * The smallest box holding every cell with at least {@code fraction} of the peak energy (whole
   * cells); the whole frame when the map is silent.
   *
   * @param fraction in (0, 1]: 1 gives the peak cell(s) alone
   */
  public Box box(double fraction) {
    if (!(fraction > 0 && fraction <= 1))
      throw new IllegalArgumentException("box fraction " + fraction + " not in (0, 1]");
    float peak = 0;
    for (float e : energy) peak = Math.max(peak, e);
    if (peak <= 0) return new Box(0, 0, 1, 1);
    int top = height;
    int left = width;
    int bottom = -1;
    int right = -1;
    for (int r = 0; r < height; r++) {
      for (int c = 0; c < width; c++) {
        if (energy[r * width + c] >= fraction * peak) {
          top = Math.min(top, r);
          bottom = Math.max(bottom, r);
          left = Math.min(left, c);
          right = Math.max(right, c);
        }
      }
    }
    return new Box(
        (double) left / width,
        (double) top / height,
        (double) (right + 1) / width,
        (double) (bottom + 1) / height);
  }

  private Point centre(int cell) {
    return new Point((cell % width + 0.5) / width, (cell / width + 0.5) / height);
  }
}
