package io.pixelplayer.udf;

/** An axis-aligned box in frame coordinates, 0..1 from the left and from the top. */
public record Box(double x0, double y0, double x1, double y1) {
  public Box {
    if (!(x0 <= x1 && y0 <= y1))
      throw new IllegalArgumentException(
          "box (" + x0 + ", " + y0 + ")-(" + x1 + ", " + y1 + ") is inverted");
  }

  public boolean contains(double x, double y) {
    return x >= x0 && x <= x1 && y >= y0 && y <= y1;
  }

  /** The smallest box holding both. */
  public Box union(Box other) {
    return new Box(
        Math.min(x0, other.x0),
        Math.min(y0, other.y0),
        Math.max(x1, other.x1),
        Math.max(y1, other.y1));
  }
}
