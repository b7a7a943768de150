package io.pixelplayer.jobs.synth.art;

import static io.pixelplayer.jobs.synth.art.Parts.bar;
import static io.pixelplayer.jobs.synth.art.Parts.circle;
import static io.pixelplayer.jobs.synth.art.Parts.ellipse;
import static io.pixelplayer.jobs.synth.art.Parts.polygon;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;

/** Bowed string instruments drawn by code: violin, cello and erhu, each with its bow. */
final class Bowed {
  private Bowed() {}

  /** Standing on its endpin, bow across the strings between bridge and fingerboard. */
  static void cello(Graphics2D g, Look look) {
    look.line(g, 0, 100, 0, 188, Material.SILVER, 5);
    fiddle(g, look);
    Parts.bow(g, look, -125, 92, 150, 2);
  }

  /**
   * Held as under the chin, scroll to the upper right; the same family shape as the cello but
   * without the endpin, with a chin rest, and with a longer bow.
   */
  static void violin(Graphics2D g, Look look) {
    g.rotate(Math.toRadians(40));
    fiddle(g, look);
    look.paint(g, ellipse(-30, 100, 22, 12), Material.EBONY);
    Parts.bow(g, look, -150, 112, 165, 5);
  }

  /** Scroll, pegbox, neck, body with f-holes, fingerboard, tailpiece, bridge and four strings. */
  private static void fiddle(Graphics2D g, Look look) {
    look.paint(g, circle(0, -148, 12), Material.VARNISHED_MAPLE);
    if (look.detailed()) {
      look.stroke(g, circle(1, -148, 5), Material.DARK_WOOD, 2);
    }
    look.paint(g, bar(0, -144, -104, 16), Material.VARNISHED_MAPLE, Shading.CYLINDER);
    Parts.peg(g, look, -7, -134, -1, 12, Material.EBONY);
    Parts.peg(g, look, -7, -118, -1, 12, Material.EBONY);
    Parts.peg(g, look, 7, -128, 1, 12, Material.EBONY);
    Parts.peg(g, look, 7, -112, 1, 12, Material.EBONY);
    look.paint(g, bar(0, -108, -30, 18), Material.VARNISHED_MAPLE, Shading.CYLINDER);

    Shape body = fiddleBody(look);
    look.body(g, body, Material.VARNISHED_MAPLE);
    if (look.detailed()) {
      // purfling: a thin inlaid line just inside the edge
      AffineTransform inset = AffineTransform.getTranslateInstance(0, 32);
      inset.scale(0.92, 0.93);
      inset.translate(0, -32);
      look.stroke(g, inset.createTransformedShape(body), Material.DARK_WOOD, 1.2);
    }
    for (int side : new int[] {-1, 1}) {
      fHole(g, look, side);
    }
    look.paint(
        g, polygon(-6.5, -106, 6.5, -106, 13, 42, -13, 42), Material.EBONY, Shading.CYLINDER);
    look.paint(g, polygon(-12, 72, 12, 72, 6, 104, -6, 104), Material.EBONY);
    look.paint(g, polygon(-16, 58, 16, 58, 19, 68, -19, 68), Material.LIGHT_WOOD);
    Parts.strings(
        g, look, 4, new Line2D.Double(-5, -104, 5, -104), new Line2D.Double(-9, 74, 9, 74), 1.8);
  }

  /** Waisted body with the pointed corners that the violin family has at its C-bouts. */
  private static Shape fiddleBody(Look look) {
    double top = -40;
    double height = 150;
    double waist = look.proportion(30, 0.1);
    Area body =
        new Area(
            Parts.figureEight(
                0, top, height, look.proportion(45, 0.08), waist, look.proportion(56, 0.08)));
    double waistY = top + 0.5 * height;
    for (int side : new int[] {-1, 1}) {
      body.subtract(new Area(ellipse(side * (waist + 9), waistY, 15, 22)));
    }
    return body;
  }

  /** An f-shaped sound hole beside the bridge, mirrored for the left side. */
  private static void fHole(Graphics2D g, Look look, int side) {
    Path2D stem = new Path2D.Double();
    stem.moveTo(side * 20, 38);
    stem.curveTo(side * 12, 50, side * 30, 66, side * 22, 80);
    look.stroke(g, stem, Material.HOLE, 3.5);
    look.paint(g, circle(side * 20, 38, 3.2), Material.HOLE, Shading.FLAT);
    look.paint(g, circle(side * 22, 80, 3.2), Material.HOLE, Shading.FLAT);
    look.line(g, side * 17, 59, side * 25, 59, Material.HOLE, 1.5);
  }

  /**
   * Long neck with two pegs and two strings, a small hexagonal drum at the foot, the bow between
   * the strings.
   */
  static void erhu(Graphics2D g, Look look) {
    look.paint(g, bar(0, -170, 192, 8), Material.DARK_WOOD, Shading.CYLINDER);
    look.paint(
        g, Parts.thick(new QuadCurve2D.Double(0, -168, 0, -192, 16, -192), 8), Material.DARK_WOOD);
    Parts.peg(g, look, -4, -150, -1, 24, Material.DARK_WOOD);
    Parts.peg(g, look, -4, -126, -1, 24, Material.DARK_WOOD);

    double radius = 42;
    double cy = 140;
    Area drum = new Area();
    for (int step = 0; step <= 8; step++) {
      // the front hexagon swept back and up to show the drum's depth
      drum.add(new Area(hexagon(step * 1.2, cy - step, radius)));
    }
    look.paint(g, drum, Material.DARK_WOOD);
    look.paint(g, hexagon(0, cy, radius), Material.ROSEWOOD);
    snakeskin(g, look, hexagon(0, cy, radius - 8));

    double bridgeY = cy - 0.866 * (radius - 8) + 6;
    look.paint(g, bar(0, bridgeY - 4, bridgeY + 3, 14), Material.LIGHT_WOOD);
    Parts.strings(
        g,
        look,
        2,
        new Line2D.Double(-2.5, -150, 2.5, -126),
        new Line2D.Double(-4, bridgeY - 3, 4, bridgeY - 3),
        1.6);
    look.paint(
        g,
        bar(0, -93, -86, 14),
        Material.REED); // the qianjin, the cord that pulls the strings to the neck
    Parts.bow(g, look, -140, 96, 150, 84);
  }

  private static Shape hexagon(double cx, double cy, double r) {
    double[] xy = new double[12];
    for (int k = 0; k < 6; k++) {
      xy[2 * k] = cx + r * Math.cos(Math.toRadians(60 * k));
      xy[2 * k + 1] = cy + r * Math.sin(Math.toRadians(60 * k));
    }
    return polygon(xy);
  }

  /**
   * The python-skin face of the erhu's drum: a scale lattice when detailed, a few patches when
   * flat.
   */
  private static void snakeskin(Graphics2D g, Look look, Shape face) {
    Look.fill(g, face, Material.SNAKESKIN.in(look));
    Graphics2D skin = (Graphics2D) g.create();
    skin.clip(face);
    Rectangle2D b = face.getBounds2D();
    if (look.detailed()) {
      double h = b.getHeight();
      for (double x = b.getX() - h; x < b.getMaxX() + h; x += 7) {
        look.line(skin, x, b.getY(), x - h, b.getMaxY(), Material.SNAKESKIN_SCALE, 1);
        look.line(skin, x, b.getY(), x + h, b.getMaxY(), Material.SNAKESKIN_SCALE, 1);
      }
    } else {
      double[][] patches = {
        {-12, -8, 7, 4}, {10, -12, 6, 4}, {4, 6, 8, 5}, {-14, 12, 5, 3}, {16, 10, 4, 3}
      };
      for (double[] p : patches) {
        Look.fill(
            skin,
            ellipse(b.getCenterX() + p[0], b.getCenterY() + p[1], p[2], p[3]),
            Material.SNAKESKIN_SCALE.in(look));
      }
    }
    skin.dispose();
    look.finish(g, face, Material.SNAKESKIN.in(look), Shading.ROUND);
  }
}
