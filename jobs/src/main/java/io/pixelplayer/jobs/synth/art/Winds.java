package io.pixelplayer.jobs.synth.art;

import static io.pixelplayer.jobs.synth.art.Parts.bar;
import static io.pixelplayer.jobs.synth.art.Parts.circle;
import static io.pixelplayer.jobs.synth.art.Parts.ellipse;
import static io.pixelplayer.jobs.synth.art.Parts.lerp;
import static io.pixelplayer.jobs.synth.art.Parts.polygon;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Path2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

/**
 * Wind instruments drawn by code: tuba, trumpet, saxophone, flute (and fife), clarinet, bassoon,
 * bagpipe.
 */
final class Winds {
  private Winds() {}

  /**
   * Big brass with its bell pointing up: the bell branch and the main branch joined by the wide
   * bottom bow, four piston valves in front, tuning-slide loops, and the leadpipe with its
   * mouthpiece.
   */
  static void tuba(Graphics2D g, Look look) {
    // the main tuning slide: a wide loop behind the body that gives the tuba its round silhouette
    look.paint(g, Parts.ring(-24, 44, 92, 74, 14), Material.VALVE_BRASS);
    look.paint(g, Parts.ring(-110, 20, 20, 30, 7), Material.VALVE_BRASS);
    Path2D bottomBow = new Path2D.Double();
    bottomBow.moveTo(-48, -30);
    bottomBow.lineTo(-48, 100);
    bottomBow.curveTo(-48, 196, 50, 196, 50, 100);
    look.paint(g, Parts.thick(bottomBow, 40), Material.BRASS);
    // The bore widens all the way from the bottom bow into the flared bell.
    Path2D bell = new Path2D.Double();
    bell.moveTo(-30, -170);
    bell.curveTo(10, -158, 22, -120, 22, -70);
    bell.lineTo(30, 108);
    bell.lineTo(70, 108);
    bell.lineTo(78, -70);
    bell.curveTo(78, -120, 90, -158, 130, -170);
    bell.closePath();
    look.paint(g, bell, Material.BRASS, Shading.CYLINDER);
    look.paint(g, ellipse(50, -170, 82, 16), Material.BRASS);
    look.paint(g, ellipse(50, -170, 71, 11), Material.BRASS_THROAT, Shading.FLAT);

    Parts.tube(g, look, -86, 50, -136, -50, 9, Material.BRASS);
    Parts.tube(g, look, -136, -50, -144, -68, 7, Material.SILVER);
    look.paint(g, ellipse(-145, -70, 8, 4), Material.SILVER);
    for (int i = 0; i < 4; i++) {
      double x = -76 + 18 * i;
      look.line(g, x, -30, x, -14, Material.SILVER, 3);
      look.paint(g, bar(x, -14, 62, 14), Material.VALVE_BRASS, Shading.CYLINDER);
      look.paint(g, bar(x, -16, -9, 16), Material.SILVER);
      look.paint(g, bar(x, 57, 64, 16), Material.SILVER);
      look.paint(g, ellipse(x, -31, 7.5, 4.5), Material.IVORY);
    }
  }

  /**
   * Long silver tube held sideways: the capped head joint with its lip plate, the body with a row
   * of keys larger than the tube is wide, and the shorter foot joint.
   */
  static void flute(Graphics2D g, Look look) {
    g.rotate(Math.toRadians(60));
    double end = look.proportion(195, 0.06);
    look.paint(g, bar(0, -end, end, 22), Material.SILVER, Shading.CYLINDER);
    look.paint(g, bar(0, -end - 8, -end + 6, 27), Material.SILVER);
    for (double y : new double[] {-0.6 * end, 0.62 * end}) {
      look.paint(g, bar(0, y - 3, y + 3, 27), Material.SILVER);
    }
    double lip = -0.78 * end;
    look.paint(g, ellipse(0, lip, 15, 20), Material.SILVER);
    look.paint(g, ellipse(0, lip, 5, 8), Material.HOLE, Shading.FLAT);
    if (look.detailed()) {
      look.line(g, 13, -0.45 * end, 13, 0.85 * end, Material.SILVER, 2.5);
    }
    int keys = 10;
    for (int i = 0; i < keys; i++) {
      double y = lerp(-0.45 * end, 0.9 * end, i / (keys - 1.0));
      look.paint(g, circle(0, y, 12), Material.SILVER);
      look.paint(g, circle(0, y, 4.5), Material.HOLE, Shading.FLAT);
    }
  }

  /**
   * A wooden fife held at an angle: a thick turned tube with rings at its joints and ends, the blow
   * hole near the top and six finger holes down the lower half.
   */
  static void fife(Graphics2D g, Look look) {
    g.rotate(Math.toRadians(look.proportion(45, 0.3)));
    double end = look.proportion(190, 0.08);
    double width = look.proportion(34, 0.15);
    look.paint(g, bar(0, -end, end, width), Material.BROWN_WOOD, Shading.CYLINDER);
    for (double y : new double[] {-end + 4, -0.25 * end, end - 12}) {
      look.paint(g, bar(0, y, y + 12, width + 6), Material.DARK_WOOD, Shading.CYLINDER);
    }
    look.paint(g, ellipse(0, -0.7 * end, 0.22 * width, 0.32 * width), Material.HOLE, Shading.FLAT);
    for (int i = 0; i < 6; i++) {
      double y = lerp(-0.05 * end, 0.78 * end, i / 5.0) + (i >= 3 ? 10 : 0);
      look.paint(g, circle(0, y, 0.2 * width), Material.HOLE, Shading.FLAT);
    }
  }

  /**
   * The conical brass body bent into a J: the neck with its black mouthpiece at the top,
   * pearl-topped keys down the body, the U-shaped bow at the foot, and the wide bell pointing up.
   */
  static void saxophone(Graphics2D g, Look look) {
    g.rotate(Math.toRadians(-10));
    double bellHalf = look.proportion(52, 0.12);
    Parts.tube(g, look, -78, -196, -56, -172, 11, Material.EBONY);
    look.paint(
        g,
        Parts.thick(new QuadCurve2D.Double(-58, -174, -20, -206, -12, -150), 13),
        Material.BRASS);
    look.paint(g, polygon(-24, -150, 0, -150, 20, 96, -26, 96), Material.BRASS, Shading.CYLINDER);
    Path2D bow = new Path2D.Double();
    bow.moveTo(-3, 80);
    bow.curveTo(-3, 170, 84, 170, 84, 100);
    look.paint(g, Parts.thick(bow, 46), Material.BRASS);
    Path2D bell = new Path2D.Double();
    bell.moveTo(62, 100);
    bell.curveTo(62, 40, 80 - bellHalf, -10, 84 - bellHalf, -40);
    bell.lineTo(84 + bellHalf, -40);
    bell.curveTo(88 + bellHalf, -10, 106, 40, 106, 100);
    bell.closePath();
    look.paint(g, bell, Material.BRASS, Shading.CYLINDER);
    look.paint(g, ellipse(84, -40, bellHalf + 8, 13), Material.BRASS);
    look.paint(g, ellipse(84, -40, bellHalf - 2, 8), Material.BRASS_THROAT, Shading.FLAT);
    for (int i = 0; i < 6; i++) {
      double y = -120 + 32 * i;
      look.paint(g, circle(-6 + 0.08 * (y + 120), y, 8), Material.SILVER);
      look.paint(g, circle(-6 + 0.08 * (y + 120), y, 5), Material.PEARL);
    }
    for (double y : new double[] {20, 60}) {
      look.paint(g, circle(86, y, 11), Material.VALVE_BRASS);
    }
    if (look.detailed()) {
      look.line(g, 14, -130, 22, 80, Material.SILVER, 2.2);
      look.paint(g, bar(-12, -152, -140, 30), Material.SILVER);
    }
  }

  /**
   * Lying on its side: the mouthpiece and leadpipe at the left, three piston valves with pearl
   * buttons on top, the tuning loop below, and the bell flaring wide at the right.
   */
  static void trumpet(Graphics2D g, Look look) {
    g.rotate(Math.toRadians(-15));
    double bellHalf = look.proportion(48, 0.15);
    double bellEnd = look.proportion(195, 0.06);
    look.paint(
        g,
        Parts.thick(new RoundRectangle2D.Double(-130, -10, 190, 56, 50, 50), 10),
        Material.BRASS);
    Parts.tube(g, look, -188, -10, -60, -10, 10, Material.BRASS);
    Parts.tube(g, look, -206, -10, -186, -10, 7, Material.SILVER);
    look.paint(g, ellipse(-208, -10, 4, 9), Material.SILVER);
    Path2D bell = new Path2D.Double();
    bell.moveTo(-60, -17);
    bell.lineTo(bellEnd - 80, -17);
    bell.curveTo(bellEnd - 40, -20, bellEnd - 15, -10 - 0.8 * bellHalf, bellEnd, -10 - bellHalf);
    bell.lineTo(bellEnd, -10 + bellHalf);
    bell.curveTo(bellEnd - 15, -10 + 0.8 * bellHalf, bellEnd - 40, 0, bellEnd - 80, -3);
    bell.lineTo(-60, -3);
    bell.closePath();
    look.paint(g, bell, Material.BRASS, Shading.CYLINDER);
    look.paint(g, ellipse(bellEnd, -10, 7, bellHalf + 2), Material.BRASS);
    look.paint(g, ellipse(bellEnd + 1, -10, 4, bellHalf - 5), Material.BRASS_THROAT, Shading.FLAT);
    for (int i = 0; i < 3; i++) {
      double x = -44 + 24 * i;
      look.line(g, x, -78, x, -56, Material.SILVER, 3.5);
      look.paint(g, ellipse(x, -80, 10, 5), Material.PEARL);
      look.paint(g, bar(x, -58, 58, 17), Material.VALVE_BRASS, Shading.CYLINDER);
      look.paint(g, bar(x, -60, -52, 19), Material.SILVER);
      look.paint(g, bar(x, 52, 60, 19), Material.SILVER);
    }
  }

  /**
   * Black tube with silver keys and rings, mouthpiece with reed at the top, flared bell at the
   * foot.
   */
  static void clarinet(Graphics2D g, Look look) {
    g.rotate(Math.toRadians(40));
    look.paint(
        g, polygon(-4, -152, 4, -152, 7.5, -118, -7.5, -118), Material.EBONY, Shading.CYLINDER);
    look.paint(g, polygon(4, -148, 7, -148, 10, -120, 7, -120), Material.REED, Shading.FLAT);
    look.paint(g, bar(0, -134, -126, 18), Material.SILVER);
    look.paint(g, bar(0, -118, -96, 19), Material.EBONY, Shading.CYLINDER);
    look.paint(g, bar(0, -96, 8, 15.5), Material.EBONY, Shading.CYLINDER);
    look.paint(g, bar(0, 4, 98, 16.5), Material.EBONY, Shading.CYLINDER);
    Shape bell =
        Parts.symmetric(
            0,
            94,
            new double[] {3, 94, 6, 94, 9, 94},
            new double[] {9, 118, 15, 140, 25, 150},
            new double[] {18, 152, 8, 153, 0, 153});
    look.paint(g, bell, Material.EBONY, Shading.CYLINDER);
    for (double y : new double[] {-118, -96, 4, 96}) {
      look.paint(g, bar(0, y - 2.5, y + 2.5, 21), Material.SILVER);
    }
    if (look.detailed()) {
      look.line(g, 6.5, -88, 6.5, -20, Material.SILVER, 2);
      look.line(g, -6, 14, -6, 84, Material.SILVER, 2);
      look.paint(g, bar(5, -28, -12, 5), Material.SILVER);
      look.paint(g, bar(-5, 80, 92, 6), Material.SILVER);
    }
    for (double y : new double[] {-75, -58, -41, 24, 42, 60}) {
      look.paint(g, circle(0, y, 5), Material.SILVER);
      look.paint(g, circle(0, y, 2.6), Material.HOLE, Shading.FLAT);
    }
  }

  /**
   * Tall reddish-brown wooden tube: long joint with the bell beside the shorter wing joint, both
   * joined at the boot; the silver bocal curves out of the wing joint to the reed.
   */
  static void bassoon(Graphics2D g, Look look) {
    g.rotate(Math.toRadians(12));
    look.paint(g, new RoundRectangle2D.Double(-36, 70, 52, 68, 30, 30), Material.BASSOON_MAPLE);
    look.paint(g, bar(6, -150, 86, 20), Material.BASSOON_MAPLE, Shading.CYLINDER);
    look.paint(g, bar(6, -150, -100, 24), Material.BASSOON_MAPLE, Shading.CYLINDER);
    look.paint(g, bar(6, -154, -146, 25), Material.IVORY);
    look.paint(g, bar(-20, -40, 86, 18), Material.BASSOON_MAPLE, Shading.CYLINDER);
    look.paint(g, bar(6, -103, -97, 24), Material.SILVER);
    look.paint(g, bar(-20, -43, -37, 20), Material.SILVER);
    look.paint(g, new Rectangle2D.Double(-37, 80, 54, 7), Material.SILVER);

    CubicCurve2D bocal = new CubicCurve2D.Double(-20, -42, -20, -80, -58, -90, -84, -66);
    look.paint(g, Parts.thick(bocal, 5), Material.SILVER, Shading.FLAT);
    Parts.tube(g, look, -84, -66, -97, -55, 6, Material.REED);
    for (double y : new double[] {-12, 8, 28}) {
      look.paint(g, circle(-20, y, 3.5), Material.HOLE, Shading.FLAT);
    }
    if (look.detailed()) {
      look.line(g, 12, -90, 12, 60, Material.SILVER, 2);
      look.line(g, -28, -30, -28, 70, Material.SILVER, 2);
      look.paint(g, bar(12, 40, 58, 6), Material.SILVER);
      look.paint(g, bar(-28, 60, 76, 6), Material.SILVER);
    }
  }

  /**
   * Tartan bag with three drones over the shoulder, the blowpipe, and the chanter hanging below.
   */
  static void bagpipe(Graphics2D g, Look look) {
    double dx = 0.5;
    double dy = -0.866;
    drone(g, look, -20, -8, -20 + 210 * dx, -8 + 210 * dy);
    drone(g, look, 5, -5, 5 + 165 * dx, -5 + 165 * dy);
    drone(g, look, 30, 0, 30 + 150 * dx, 150 * dy);
    pipe(g, look, -60, 0, -120, -95, 8);
    Parts.tube(g, look, -113, -84, -124, -101, 6, Material.IVORY);
    chanter(g, look, -55, 75, -95, 200);

    Shape bag =
        AffineTransform.getRotateInstance(Math.toRadians(-18), 0, 40)
            .createTransformedShape(ellipse(0, 40, 82, 58));
    tartan(g, look, bag);
  }

  private static void drone(Graphics2D g, Look look, double x1, double y1, double x2, double y2) {
    Graphics2D local = Parts.along(g, x1, y1, x2, y2);
    double length = Math.hypot(x2 - x1, y2 - y1);
    look.paint(local, bar(0, 0, length, 10), Material.EBONY, Shading.CYLINDER);
    for (double t : new double[] {0.45, 0.78}) {
      look.paint(local, bar(0, t * length - 3, t * length + 3, 14), Material.IVORY);
    }
    look.paint(local, bar(0, length - 22, length, 17), Material.EBONY, Shading.CYLINDER);
    look.paint(local, bar(0, length - 4, length + 2, 19), Material.IVORY);
    local.dispose();
  }

  private static void pipe(
      Graphics2D g, Look look, double x1, double y1, double x2, double y2, double width) {
    Parts.tube(g, look, x1, y1, x2, y2, width, Material.EBONY);
    Graphics2D local = Parts.along(g, x1, y1, x2, y2);
    double length = Math.hypot(x2 - x1, y2 - y1);
    look.paint(local, bar(0, 0.5 * length - 3, 0.5 * length + 3, width + 4), Material.IVORY);
    local.dispose();
  }

  private static void chanter(Graphics2D g, Look look, double x1, double y1, double x2, double y2) {
    pipe(g, look, x1, y1, x2, y2, 11);
    Graphics2D local = Parts.along(g, x1, y1, x2, y2);
    double length = Math.hypot(x2 - x1, y2 - y1);
    for (int i = 0; i < 7; i++) {
      look.paint(local, circle(0, (0.58 + 0.055 * i) * length, 2.4), Material.HOLE, Shading.FLAT);
    }
    look.paint(
        local,
        polygon(-5.5, length - 14, 5.5, length - 14, 10, length, -10, length),
        Material.EBONY);
    look.paint(local, bar(0, length - 2, length + 3, 21), Material.IVORY);
    local.dispose();
  }

  /**
   * The bag's plaid: crossing bands and thin lines over the base colour, then the look's shading.
   */
  private static void tartan(Graphics2D g, Look look, Shape bag) {
    Look.fill(g, bag, Material.TARTAN.in(look));
    Graphics2D cloth = (Graphics2D) g.create();
    cloth.clip(bag);
    Rectangle2D b = bag.getBounds2D();
    Color band = Material.TARTAN_BAND.in(look);
    // Noto shows the bands translucent, so that they darken where they cross, as woven cloth does.
    Color bandColour =
        look.detailed() ? new Color(band.getRed(), band.getGreen(), band.getBlue(), 150) : band;
    for (double x = b.getX() + 8; x < b.getMaxX(); x += 34) {
      Look.fill(cloth, new Rectangle2D.Double(x, b.getY(), 12, b.getHeight()), bandColour);
      look.line(cloth, x + 23, b.getY(), x + 23, b.getMaxY(), Material.TARTAN_LINE, 1.8);
    }
    for (double y = b.getY() + 8; y < b.getMaxY(); y += 34) {
      Look.fill(cloth, new Rectangle2D.Double(b.getX(), y, b.getWidth(), 12), bandColour);
      look.line(cloth, b.getX(), y + 23, b.getMaxX(), y + 23, Material.TARTAN_LINE, 1.8);
    }
    cloth.dispose();
    look.finish(g, bag, Material.TARTAN.in(look), Shading.ROUND);
  }
}
