package io.pixelplayer.jobs.synth.art;

import static io.pixelplayer.jobs.synth.art.Parts.bar;
import static io.pixelplayer.jobs.synth.art.Parts.circle;
import static io.pixelplayer.jobs.synth.art.Parts.lerp;
import static io.pixelplayer.jobs.synth.art.Parts.polygon;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

/** Plucked string instruments drawn by code: guitar family, banjo, electric bass, pipa, guzheng. */
final class Plucked {
  private Plucked() {}

  /**
   * Proportions of a flat-top fretted instrument with a waisted body and a round sound hole; the
   * body's top is at y = 0 and the nut at y = -neckLength.
   */
  private record Fretted(
      double bodyHeight,
      double upper,
      double waist,
      double lower,
      double neckLength,
      double neckHalf,
      int strings,
      double soundHole,
      Material top,
      boolean pickguard) {}

  private static final Fretted GUITAR =
      new Fretted(150, 50, 38, 63, 128, 10, 6, 22, Material.LIGHT_WOOD, true);
  // Smaller body, less waist, shorter neck and four strings.
  private static final Fretted UKULELE =
      new Fretted(112, 37, 30, 46, 100, 9.5, 4, 15, Material.KOA, false);

  static void acousticGuitar(Graphics2D g, Look look) {
    fretted(g, look, GUITAR);
  }

  static void ukulele(Graphics2D g, Look look) {
    fretted(g, look, UKULELE);
  }

  private static void fretted(Graphics2D g, Look look, Fretted f) {
    g.rotate(Math.toRadians(30));
    double nut = -f.neckLength();
    double headHalf = f.neckHalf() + 7;
    double headLength = 0.32 * f.neckLength();
    look.paint(
        g,
        new RoundRectangle2D.Double(
            -headHalf, nut - headLength, 2 * headHalf, headLength + 4, 12, 12),
        Material.DARK_WOOD);
    int perSide = f.strings() / 2;
    for (int i = 0; i < perSide; i++) {
      double y = nut - headLength * (i + 0.5) / perSide;
      Parts.peg(g, look, -headHalf, y, -1, 12, Material.IVORY);
      Parts.peg(g, look, headHalf, y, 1, 12, Material.IVORY);
    }
    look.paint(
        g,
        polygon(-f.neckHalf(), nut, f.neckHalf(), nut, f.neckHalf() + 2, 8, -f.neckHalf() - 2, 8),
        Material.BROWN_WOOD,
        Shading.CYLINDER);
    look.body(g, Parts.figureEight(0, 0, f.bodyHeight(), f.upper(), f.waist(), f.lower()), f.top());

    double holeY = 0.36 * f.bodyHeight();
    double boardEnd = holeY - f.soundHole() - 4;
    look.paint(
        g,
        polygon(
            -f.neckHalf() + 1,
            nut,
            f.neckHalf() - 1,
            nut,
            f.neckHalf() + 2,
            boardEnd,
            -f.neckHalf() - 2,
            boardEnd),
        Material.ROSEWOOD,
        Shading.FLAT);
    double bridgeY = 0.74 * f.bodyHeight();
    frets(g, look, nut, bridgeY, boardEnd, f.neckHalf() - 1, f.neckHalf() + 1, 24, 1.6);
    if (f.pickguard()) {
      // the teardrop guard below the sound hole that marks a steel-string acoustic
      Shape guard =
          AffineTransform.getRotateInstance(Math.toRadians(-35), 0, holeY)
              .createTransformedShape(
                  Parts.ellipse(
                      0, holeY + 1.25 * f.soundHole(), 0.6 * f.soundHole(), 1.05 * f.soundHole()));
      look.paint(g, guard, Material.DARK_WOOD, Shading.FLAT);
    }
    look.stroke(g, circle(0, holeY, f.soundHole() + 5), Material.DARK_WOOD, 3);
    if (look.detailed()) {
      look.stroke(g, circle(0, holeY, f.soundHole() + 9), Material.DARK_WOOD, 1.5);
    }
    look.paint(g, circle(0, holeY, f.soundHole()), Material.HOLE, Shading.FLAT);
    double bridgeHalf = 0.42 * f.lower();
    look.paint(
        g,
        new RoundRectangle2D.Double(-bridgeHalf, bridgeY - 5, 2 * bridgeHalf, 10, 6, 6),
        Material.DARK_WOOD);
    look.paint(g, bar(0, nut - 3, nut + 1, 2 * f.neckHalf()), Material.IVORY);
    double span = 0.72 * f.neckHalf();
    Parts.strings(
        g,
        look,
        f.strings(),
        new Line2D.Double(-span, nut, span, nut),
        new Line2D.Double(-1.4 * span, bridgeY, 1.4 * span, bridgeY),
        1.6);
  }

  static void electricBass(Graphics2D g, Look look) {
    g.rotate(Math.toRadians(35));
    g.translate(0, 65); // the long neck would otherwise leave the canvas
    double nut = -205;
    double bridgeY = 112;
    double joint = 18;
    // Fender-style head: four tuners in line on the bass side.
    look.paint(g, new RoundRectangle2D.Double(-26, -282, 38, 82, 20, 20), Material.LIGHT_WOOD);
    for (int i = 0; i < 4; i++) {
      Parts.peg(g, look, -26, -268 + 17 * i, -1, 13, Material.SILVER);
    }
    look.body(g, offsetBody(), Material.BASS_FINISH);
    Area guard =
        new Area(AffineTransform.getScaleInstance(0.8, 0.8).createTransformedShape(offsetBody()));
    guard.transform(AffineTransform.getTranslateInstance(0, 5));
    guard.intersect(new Area(new Rectangle2D.Double(-100, -100, 200, 190)));
    look.paint(g, guard, Material.PICKGUARD, Shading.FLAT);
    look.paint(
        g, polygon(-11, nut, 11, nut, 13, joint, -13, joint), Material.ROSEWOOD, Shading.CYLINDER);
    double[] frets = frets(g, look, nut, bridgeY, joint, 11, 13, 20, 1.8);
    if (look.detailed()) {
      for (int marker : new int[] {3, 5, 7, 9, 12}) {
        look.paint(
            g,
            circle(0, (frets[marker - 2] + frets[marker - 1]) / 2, 3),
            Material.IVORY,
            Shading.FLAT);
      }
    }
    look.paint(g, new RoundRectangle2D.Double(-15, 30, 14, 11, 5, 5), Material.EBONY);
    look.paint(g, new RoundRectangle2D.Double(1, 40, 14, 11, 5, 5), Material.EBONY);
    look.paint(g, new RoundRectangle2D.Double(-16, bridgeY - 4, 32, 13, 4, 4), Material.SILVER);
    look.paint(g, circle(38, 96, 7), Material.SILVER);
    look.paint(g, circle(28, 120, 7), Material.SILVER);
    look.paint(g, bar(0, nut - 3, nut + 1, 22), Material.IVORY);
    Parts.strings(
        g,
        look,
        4,
        new Line2D.Double(-7, nut, 7, nut),
        new Line2D.Double(-10, bridgeY, 10, bridgeY),
        2);
  }

  /**
   * Metal frets across a fingerboard tapering from {@code nutHalf} to {@code endHalf}, at
   * equal-tempered places between nut and bridge, as far as the board reaches; returns all {@code
   * count} places.
   */
  private static double[] frets(
      Graphics2D g,
      Look look,
      double nut,
      double bridge,
      double boardEnd,
      double nutHalf,
      double endHalf,
      int count,
      double width) {
    double[] places = Parts.fretPositions(nut, bridge - nut, count);
    for (double fret : places) {
      if (fret < boardEnd) {
        double half = lerp(nutHalf, endHalf, (fret - nut) / (boardEnd - nut));
        look.line(g, -half, fret, half, fret, Material.SILVER, width);
      }
    }
    return places;
  }

  /**
   * A round pot with a drum-skin head in a metal rim ringed by brackets, a long fretted neck, and
   * five strings, the short fifth one tuned from a peg halfway up the neck.
   */
  static void banjo(Graphics2D g, Look look) {
    g.rotate(Math.toRadians(30));
    double radius = look.proportion(72, 0.1);
    double potY = 70;
    double nut = potY - look.proportion(250, 0.08);
    double boardEnd = potY - radius + 6;
    double bridgeY = potY + 0.35 * radius;
    look.paint(g, new RoundRectangle2D.Double(-17, nut - 62, 34, 66, 14, 14), Material.DARK_WOOD);
    for (double y : new double[] {nut - 18, nut - 44}) {
      Parts.peg(g, look, -17, y, -1, 12, Material.IVORY);
      Parts.peg(g, look, 17, y, 1, 12, Material.IVORY);
    }
    look.paint(
        g,
        polygon(-10, nut, 10, nut, 12, boardEnd, -12, boardEnd),
        Material.ROSEWOOD,
        Shading.CYLINDER);
    frets(g, look, nut, bridgeY, boardEnd, 9, 11, 22, 1.6);
    double fifthPeg = nut + 0.3 * (bridgeY - nut);
    Parts.peg(g, look, 11, fifthPeg, 1, 12, Material.IVORY);

    look.body(g, circle(0, potY, radius), Material.SILVER);
    look.paint(g, circle(0, potY, radius - 7), Material.DRUM_HEAD, Shading.FLAT);
    int brackets = look.detailed() ? 24 : 14;
    for (int i = 0; i < brackets; i++) {
      double angle = 2 * Math.PI * i / brackets;
      look.paint(
          g,
          circle(Math.cos(angle) * (radius - 3.5), potY + Math.sin(angle) * (radius - 3.5), 2.6),
          Material.EBONY,
          Shading.FLAT);
    }
    look.paint(
        g,
        polygon(-7, bridgeY + 8, 7, bridgeY + 8, 12, potY + radius - 2, -12, potY + radius - 2),
        Material.SILVER);
    look.paint(g, new RoundRectangle2D.Double(-16, bridgeY - 3, 32, 6, 2, 2), Material.LIGHT_WOOD);
    look.paint(g, bar(0, nut - 3, nut + 1, 20), Material.IVORY);
    Parts.strings(
        g,
        look,
        4,
        new Line2D.Double(-6, nut, 6, nut),
        new Line2D.Double(-10, bridgeY + 8, 10, bridgeY + 8),
        1.4);
    look.line(g, 10, fifthPeg, 12, bridgeY + 8, Material.STRING, look.detailed() ? 1.4 : 2.1);
  }

  /**
   * Solid body with two offset horns, the longer on the bass side, as on a Precision-style bass.
   */
  private static Path2D offsetBody() {
    Path2D p = new Path2D.Double();
    p.moveTo(-14, 12);
    p.curveTo(-20, -5, -35, -28, -45, -22);
    p.curveTo(-60, -14, -55, 20, -52, 40);
    p.curveTo(-50, 55, -70, 70, -68, 100);
    p.curveTo(-66, 135, -30, 150, 0, 148);
    p.curveTo(35, 146, 66, 130, 66, 100);
    p.curveTo(66, 75, 48, 60, 50, 40);
    p.curveTo(52, 22, 45, -5, 34, -8);
    p.curveTo(24, -10, 18, 5, 14, 12);
    p.closePath();
    return p;
  }

  static void pipa(Graphics2D g, Look look) {
    g.rotate(Math.toRadians(12));
    double nut = -118;
    // The head bends back and to the side; two pegs each side.
    look.paint(
        g,
        Parts.thick(new QuadCurve2D.Double(0, -112, 3, -160, -22, -180), 20),
        Material.DARK_WOOD);
    Parts.peg(g, look, -9, -134, -1, 22, Material.DARK_WOOD);
    Parts.peg(g, look, -12, -156, -1, 22, Material.DARK_WOOD);
    Parts.peg(g, look, 9, -140, 1, 22, Material.DARK_WOOD);
    Parts.peg(g, look, 5, -162, 1, 22, Material.DARK_WOOD);
    look.paint(
        g, polygon(-10, nut, 10, nut, 15, -36, -15, -36), Material.ROSEWOOD, Shading.CYLINDER);
    Shape pear =
        Parts.symmetric(
            0,
            -42,
            new double[] {5, -42, 11, -42, 16, -42},
            new double[] {30, -30, 54, 10, 54, 58},
            new double[] {54, 100, 32, 124, 0, 124});
    look.body(g, pear, Material.PAULOWNIA);
    // Four large wedge frets on the neck, then thin bamboo frets on the soundboard.
    for (double y : new double[] {-108, -92, -76, -58}) {
      double half = lerp(10, 15, (y - nut) / (-36 - nut)) + 3;
      look.paint(g, new RoundRectangle2D.Double(-half, y - 3, 2 * half, 7, 3, 3), Material.REED);
    }
    int boardFrets = look.detailed() ? 6 : 4;
    for (int i = 0; i < boardFrets; i++) {
      look.paint(g, bar(0, -30 + 12 * i, -26.5 + 12 * i, 30), Material.REED, Shading.FLAT);
    }
    look.paint(g, new RoundRectangle2D.Double(-27, 86, 54, 10, 6, 6), Material.DARK_WOOD);
    Parts.strings(
        g, look, 4, new Line2D.Double(-5, nut, 5, nut), new Line2D.Double(-16, 89, 16, 89), 1.4);
  }

  static void guzheng(Graphics2D g, Look look) {
    g.rotate(Math.toRadians(-22));
    Path2D board = new Path2D.Double();
    board.moveTo(-150, -31);
    board.lineTo(150, -38);
    board.quadTo(162, 0, 150, 38);
    board.lineTo(-150, 31);
    board.quadTo(-160, 0, -150, -31);
    board.closePath();
    look.paint(
        g,
        AffineTransform.getTranslateInstance(0, 12).createTransformedShape(board),
        Material.DARK_WOOD);
    look.paint(g, board, Material.BROWN_WOOD);
    Graphics2D ends = (Graphics2D) g.create();
    ends.clip(board);
    look.paint(ends, new Rectangle2D.Double(118, -40, 50, 80), Material.DARK_WOOD, Shading.FLAT);
    look.paint(ends, new Rectangle2D.Double(-170, -40, 42, 80), Material.DARK_WOOD, Shading.FLAT);
    if (look.detailed()) {
      // gilded borders on the end panels, as on a decorated concert guzheng
      look.stroke(ends, new RoundRectangle2D.Double(124, -26, 22, 52, 8, 8), Material.BRASS, 2);
      look.stroke(ends, new RoundRectangle2D.Double(-152, -22, 18, 44, 8, 8), Material.BRASS, 2);
    }
    ends.dispose();
    double left = -124;
    double right = 114;
    look.paint(g, bar(right, -36, 36, 6), Material.IVORY);
    look.paint(g, bar(left, -30, 30, 6), Material.IVORY);
    int strings = look.detailed() ? 21 : 13;
    Line2D from = new Line2D.Double(left, -27, left, 27);
    Line2D to = new Line2D.Double(right, -33, right, 33);
    Parts.strings(g, look, strings, from, to, look.detailed() ? 1.1 : 1.6);
    // One movable bridge per string; together they make the instrument's characteristic curved
    // diagonal.
    for (int i = 0; i < strings; i++) {
      double t = i / (strings - 1.0);
      double x = lerp(-70, 70, t) + 20 * Math.sin(Math.PI * t);
      double y = lerp(lerp(-27, 27, t), lerp(-33, 33, t), (x - left) / (right - left));
      look.paint(g, new RoundRectangle2D.Double(x - 5, y - 2.5, 10, 5, 2, 2), Material.IVORY);
    }
  }
}
