package io.pixelplayer.jobs.synth.art;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.RoundRectangle2D;

/**
 * Drawing helpers shared by the drawn instruments; coordinates are design units, y pointing down.
 */
final class Parts {
  /** Control-point distance that makes a cubic Bézier a quarter ellipse. */
  private static final double QUARTER = 0.5523;

  private Parts() {}

  /**
   * An outline symmetric about the vertical line {@code x = cx}, from its top point {@code (cx,
   * top)}: the right half is given as cubic segments {c1x, c1y, c2x, c2y, x, y} with x relative to
   * cx; the left half is its mirror, walked back to the top.
   */
  static Path2D symmetric(double cx, double top, double[]... rightHalf) {
    Path2D path = new Path2D.Double();
    path.moveTo(cx, top);
    for (double[] s : rightHalf) {
      path.curveTo(cx + s[0], s[1], cx + s[2], s[3], cx + s[4], s[5]);
    }
    for (int i = rightHalf.length - 1; i >= 0; i--) {
      double[] s = rightHalf[i];
      double[] start = i == 0 ? new double[] {0, 0, 0, 0, 0, top} : rightHalf[i - 1];
      path.curveTo(cx - s[2], s[3], cx - s[0], s[1], cx - start[4], start[5]);
    }
    path.closePath();
    return path;
  }

  /**
   * The body of the guitar and violin families, {@code height} tall from {@code top}: half-widths
   * of the upper bout, the waist and the lower bout.
   */
  static Path2D figureEight(
      double cx, double top, double height, double upper, double waist, double lower) {
    double yUpper = top + 0.25 * height;
    double yWaist = top + 0.5 * height;
    double yLower = top + 0.72 * height;
    double bottom = top + height;
    double inward = 0.5 * (yWaist - yUpper);
    double outward = 0.5 * (yLower - yWaist);
    return symmetric(
        cx,
        top,
        new double[] {
          QUARTER * upper, top, upper, yUpper - QUARTER * (yUpper - top), upper, yUpper
        },
        new double[] {upper, yUpper + inward, waist, yWaist - inward, waist, yWaist},
        new double[] {waist, yWaist + outward, lower, yLower - outward, lower, yLower},
        new double[] {
          lower, yLower + QUARTER * (bottom - yLower), QUARTER * lower, bottom, 0, bottom
        });
  }

  static Ellipse2D circle(double cx, double cy, double r) {
    return new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
  }

  static Ellipse2D ellipse(double cx, double cy, double rx, double ry) {
    return new Ellipse2D.Double(cx - rx, cy - ry, 2 * rx, 2 * ry);
  }

  /** A rounded bar of the given width centred on x = cx, from y0 down to y1. */
  static Shape bar(double cx, double y0, double y1, double width) {
    double round = Math.min(width, y1 - y0) * 0.4;
    return new RoundRectangle2D.Double(cx - width / 2, y0, width, y1 - y0, round, round);
  }

  /**
   * A graphics whose y axis runs from (x1, y1) towards (x2, y2), origin at (x1, y1); dispose it
   * after use.
   */
  static Graphics2D along(Graphics2D g, double x1, double y1, double x2, double y2) {
    Graphics2D local = (Graphics2D) g.create();
    local.translate(x1, y1);
    local.rotate(Math.atan2(-(x2 - x1), y2 - y1));
    return local;
  }

  /** A shaded tube from one point to another (drones, pipes, sticks, necks seen at an angle). */
  static void tube(
      Graphics2D g,
      Look look,
      double x1,
      double y1,
      double x2,
      double y2,
      double width,
      Material material) {
    Graphics2D local = along(g, x1, y1, x2, y2);
    look.paint(local, bar(0, 0, Math.hypot(x2 - x1, y2 - y1), width), material, Shading.CYLINDER);
    local.dispose();
  }

  /**
   * {@code count} strings fanned from one span (the nut) to another (the bridge or tailpiece), the
   * first string joining the first ends of both spans; bolder in the flat look, which keeps to few,
   * strong lines.
   */
  static void strings(Graphics2D g, Look look, int count, Line2D from, Line2D to, double width) {
    double drawn = look.detailed() ? width : 1.5 * width;
    for (int i = 0; i < count; i++) {
      double t = count == 1 ? 0.5 : i / (count - 1.0);
      look.line(
          g,
          lerp(from.getX1(), from.getX2(), t),
          lerp(from.getY1(), from.getY2(), t),
          lerp(to.getX1(), to.getX2(), t),
          lerp(to.getY1(), to.getY2(), t),
          Material.STRING,
          drawn);
    }
  }

  /**
   * A tuning peg at (x, y): a shaft and a button, pointing right for {@code direction} 1, left for
   * -1.
   */
  static void peg(
      Graphics2D g,
      Look look,
      double x,
      double y,
      int direction,
      double length,
      Material material) {
    double end = x + direction * length;
    look.line(g, x, y, end, y, material, 4);
    look.paint(g, ellipse(end, y, 0.3 * length + 1, 0.2 * length + 2), material);
  }

  /** A ring-shaped tube seen from the side (coiled brass): an ellipse {@code width} wide. */
  static Shape ring(double cx, double cy, double rx, double ry, double width) {
    Area ring = new Area(ellipse(cx, cy, rx, ry));
    ring.subtract(new Area(ellipse(cx, cy, rx - width, ry - width)));
    return ring;
  }

  /**
   * The outline of a path drawn with a thick pen, to paint bent parts (bocal, bent heads) as solid
   * shapes.
   */
  static Shape thick(Shape path, double width) {
    return new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
        .createStrokedShape(path);
  }

  /** A closed polygon through the given x, y pairs. */
  static Path2D polygon(double... xy) {
    Path2D path = new Path2D.Double();
    path.moveTo(xy[0], xy[1]);
    for (int i = 2; i < xy.length; i += 2) {
      path.lineTo(xy[i], xy[i + 1]);
    }
    path.closePath();
    return path;
  }

  /**
   * A bow from its frog to its tip: the stick bows slightly towards the hair, which is held off the
   * stick by the frog.
   */
  static void bow(Graphics2D g, Look look, double frogX, double frogY, double tipX, double tipY) {
    Graphics2D local = along(g, frogX, frogY, tipX, tipY);
    double length = Math.hypot(tipX - frogX, tipY - frogY);
    look.line(local, 7, 0, 7, length, Material.IVORY, 3.5);
    look.stroke(
        local, new QuadCurve2D.Double(0, 0, 4, length / 2, 0, length), Material.DARK_WOOD, 3.5);
    look.paint(local, new RoundRectangle2D.Double(-3, 4, 13, 22, 4, 4), Material.EBONY);
    look.paint(local, new RoundRectangle2D.Double(-3, length - 8, 12, 9, 3, 3), Material.IVORY);
    local.dispose();
  }

  /**
   * Equal-tempered positions of the first {@code count} frets along a scale starting at the nut.
   */
  static double[] fretPositions(double nut, double scale, int count) {
    double[] y = new double[count];
    for (int i = 0; i < count; i++) {
      y[i] = nut + scale * (1 - Math.pow(2, -(i + 1) / 12.0));
    }
    return y;
  }

  static double lerp(double a, double b, double t) {
    return a + t * (b - a);
  }
}
