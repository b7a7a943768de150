package io.pixelplayer.jobs.synth.art;

import static io.pixelplayer.jobs.synth.art.Parts.bar;
import static io.pixelplayer.jobs.synth.art.Parts.circle;
import static io.pixelplayer.jobs.synth.art.Parts.polygon;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

/**
 * Keyboard instruments drawn by code: the upright piano, the grand piano, the portable keyboard and
 * the piano accordion (folded and open), sharing their keyboard.
 */
final class Keyboards {
  /** Which white keys, from a C, have a black key after them: C, D, F, G and A. */
  private static final boolean[] BLACK_AFTER = {true, true, false, true, true, true, false};

  private Keyboards() {}

  /**
   * An upright piano seen from the front and a little above: the tall case with its lid and music
   * desk, the keyboard between the cheek blocks, the lower panel, legs and pedals.
   */
  static void piano(Graphics2D g, Look look) {
    double half = look.proportion(165, 0.08);
    double height = look.proportion(190, 0.1);
    look.body(
        g, new Rectangle2D.Double(-half, -height, 2 * half, height + 10), Material.PIANO_CASE);
    look.paint(
        g,
        new RoundRectangle2D.Double(-half - 8, -height - 12, 2 * half + 16, 16, 6, 6),
        Material.PIANO_CASE);
    look.paint(
        g,
        new Rectangle2D.Double(-0.55 * half, -0.75 * height, 1.1 * half, 0.35 * height),
        Material.DARK_WOOD,
        Shading.FLAT);
    look.paint(g, new Rectangle2D.Double(-half - 14, 0, 2 * half + 28, 64), Material.PIANO_CASE);
    keyboard(g, look, -half + 6, 8, 2 * half - 12, 48, look.detailed() ? 29 : 22);
    look.body(g, new Rectangle2D.Double(-half, 64, 2 * half, 120), Material.PIANO_CASE);
    look.paint(
        g,
        new Rectangle2D.Double(-0.8 * half, 84, 1.6 * half, 80),
        Material.PIANO_CASE,
        Shading.FLAT);
    for (int side : new int[] {-1, 1}) {
      look.paint(
          g,
          new Rectangle2D.Double(side * half - (side > 0 ? 18 : 0), 64, 18, 136),
          Material.PIANO_CASE);
    }
    for (int i = -1; i <= 1; i++) {
      look.paint(g, new RoundRectangle2D.Double(i * 24 - 6, 178, 12, 16, 4, 4), Material.BRASS);
    }
  }

  /**
   * A grand piano from its curved side, lid raised on its prop: the long case on three legs, the
   * keys at its front end, the music desk, and the pedal lyre.
   */
  static void grandPiano(Graphics2D g, Look look) {
    double tail = look.proportion(200, 0.1);
    double lidRise = look.proportion(190, 0.15);
    // the leg at the far side, behind the case
    look.paint(g, bar(0.3 * tail, 30, 190, 20), Material.PIANO_CASE);
    look.paint(
        g,
        polygon(-150, -22, tail - 5, -22, 0.6 * tail, -22 - lidRise, -100, -22 - 0.5 * lidRise),
        Look.mix(look.colour(Material.PIANO_CASE), Color.BLACK, 0.3),
        Shading.FLAT);
    Parts.tube(g, look, 0.3 * tail, -22, 0.3 * tail, -12 - 0.72 * lidRise, 7, Material.DARK_WOOD);
    look.paint(g, polygon(-175, -22, -150, -22, -132, -72, -157, -72), Material.PIANO_CASE);
    look.body(
        g, new RoundRectangle2D.Double(-180, -22, tail + 180, 58, 40, 40), Material.PIANO_CASE);
    look.paint(g, new Rectangle2D.Double(-235, -4, 60, 34), Material.PIANO_CASE);
    look.paint(g, new Rectangle2D.Double(-232, -14, 54, 11), Material.IVORY, Shading.FLAT);
    for (int i = 0; i < (look.detailed() ? 5 : 3); i++) {
      look.paint(g, new Rectangle2D.Double(-228 + 11 * i, -19, 6, 6), Material.EBONY, Shading.FLAT);
    }
    for (double x : new double[] {-165, tail - 30}) {
      look.paint(g, bar(x, 30, 200, 24), Material.PIANO_CASE, Shading.CYLINDER);
      look.paint(g, circle(x, 204, 8), Material.BRASS);
    }
    look.paint(g, bar(-60, 34, 160, 14), Material.PIANO_CASE, Shading.CYLINDER);
    look.paint(g, new RoundRectangle2D.Double(-88, 156, 56, 14, 6, 6), Material.PIANO_CASE);
    for (int i = -1; i <= 1; i++) {
      look.paint(g, new RoundRectangle2D.Double(-66 + 16 * i, 168, 10, 12, 3, 3), Material.BRASS);
    }
  }

  /**
   * A portable keyboard from the front and a little above, on an X stand: the case with its panel
   * of screen, knobs and speaker grilles over the keys.
   */
  static void digitalKeyboard(Graphics2D g, Look look) {
    double half = look.proportion(230, 0.1);
    for (int side : new int[] {-1, 1}) {
      Parts.tube(g, look, -side * 0.6 * half, 60, side * 0.6 * half, 250, 12, Material.SILVER);
    }
    look.body(g, new RoundRectangle2D.Double(-half, -70, 2 * half, 140, 24, 24), Material.EBONY);
    look.paint(
        g,
        new RoundRectangle2D.Double(-0.25 * half, -58, 0.5 * half, 26, 6, 6),
        Material.HOLE,
        Shading.FLAT);
    for (int i = 0; i < 4; i++) {
      look.paint(g, circle(0.35 * half + 18 * i, -45, 6), Material.SILVER);
    }
    for (int side : new int[] {-1, 1}) {
      double cx = side * 0.72 * half;
      look.paint(g, Parts.ellipse(cx, -45, 0.16 * half, 14), Material.HOLE, Shading.FLAT);
      for (int i = -2; i <= 2; i++) {
        look.paint(g, circle(cx + i * 0.05 * half, -45, 2.2), Material.SILVER, Shading.FLAT);
      }
    }
    keyboard(g, look, -half + 14, -24, 2 * half - 28, 84, look.detailed() ? 29 : 22);
  }

  /**
   * A piano accordion from the front: the pleated bellows between the bass end, with its grid of
   * buttons, and the treble end, with a keyboard running down its side.
   */
  static void accordion(Graphics2D g, Look look) {
    double reach = look.proportion(95, 0.15);
    double height = look.proportion(120, 0.08);
    int pleats = look.detailed() ? 14 : 9;
    double pleat = 2 * reach / pleats;
    for (int i = 0; i < pleats; i++) {
      // alternate folds catch the light
      look.paint(
          g,
          new Rectangle2D.Double(-reach + i * pleat, -height + 6, pleat, 2 * height - 12),
          i % 2 == 0
              ? look.colour(Material.BELLOWS)
              : Look.mix(look.colour(Material.BELLOWS), Color.WHITE, 0.25),
          Shading.CYLINDER);
    }
    for (int side : new int[] {-1, 1}) {
      double x = side < 0 ? -reach - 62 : reach;
      look.body(
          g,
          new RoundRectangle2D.Double(x, -height - 8, 62, 2 * height + 16, 18, 18),
          Material.ACCORDION_CASE);
    }
    for (int row = 0; row < 3; row++) {
      for (int i = 0; i < 8; i++) {
        look.paint(
            g, circle(-reach - 44 + 13 * row, -height + 26 + 27 * i + 6 * row, 5), Material.PEARL);
      }
    }
    Graphics2D side = (Graphics2D) g.create();
    side.translate(reach + 58, -height + 6);
    side.rotate(Math.PI / 2);
    keyboard(side, look, 0, 0, 2 * height - 12, 40, look.detailed() ? 17 : 12);
    side.dispose();
    look.paint(
        g,
        new RoundRectangle2D.Double(-reach - 20, -height - 24, 2 * reach + 40, 14, 6, 6),
        Material.EBONY);
  }

  /**
   * A piano accordion with its bellows drawn open: pleats fanning from the bass end, folded almost
   * shut, to the treble end, whose keys face the camera beside a grille.
   */
  static void fannedAccordion(Graphics2D g, Look look) {
    double reach = look.proportion(90, 0.15);
    double height = look.proportion(125, 0.08);
    double narrow = look.proportion(0.55, 0.15) * height;
    int pleats = look.detailed() ? 12 : 8;
    double pleat = 2 * reach / pleats;
    for (int i = 0; i < pleats; i++) {
      double x0 = -reach + i * pleat;
      double h0 = Parts.lerp(narrow, height - 6, (double) i / pleats);
      double h1 = Parts.lerp(narrow, height - 6, (i + 1.0) / pleats);
      look.paint(
          g,
          polygon(x0, -h0, x0 + pleat, -h1, x0 + pleat, h1, x0, h0),
          i % 2 == 0
              ? look.colour(Material.BELLOWS)
              : Look.mix(look.colour(Material.BELLOWS), Color.WHITE, 0.3),
          Shading.FLAT);
    }
    look.body(
        g,
        new RoundRectangle2D.Double(-reach - 46, -narrow - 10, 46, 2 * narrow + 20, 14, 14),
        Material.ACCORDION_CASE);
    for (int row = 0; row < 2; row++) {
      for (int i = 0; i < 5; i++) {
        look.paint(
            g,
            circle(-reach - 32 + 17 * row, -narrow + 12 + (2 * narrow - 24) * i / 4.0, 5),
            Material.PEARL);
      }
    }
    look.body(
        g,
        new RoundRectangle2D.Double(reach, -height - 12, 96, 2 * height + 24, 16, 16),
        Material.ACCORDION_CASE);
    look.paint(
        g,
        new RoundRectangle2D.Double(reach + 8, -height - 4, 30, 2 * height + 8, 8, 8),
        Material.SILVER,
        Shading.FLAT);
    Graphics2D side = (Graphics2D) g.create();
    side.translate(reach + 88, -height);
    side.rotate(Math.PI / 2);
    keyboard(side, look, 0, 0, 2 * height, 46, look.detailed() ? 15 : 10);
    side.dispose();
  }

  /**
   * White keys side by side from {@code (x, y)} along x, each {@code depth} long along y, with the
   * black keys of each octave between them.
   */
  private static void keyboard(
      Graphics2D g, Look look, double x, double y, double width, double depth, int whites) {
    double key = width / whites;
    for (int i = 0; i < whites; i++) {
      look.paint(
          g,
          new RoundRectangle2D.Double(x + i * key, y, key, depth, 3, 3),
          Material.IVORY,
          Shading.FLAT);
    }
    for (int i = 0; i < whites - 1; i++) {
      if (BLACK_AFTER[i % BLACK_AFTER.length]) {
        look.paint(
            g,
            new RoundRectangle2D.Double(x + (i + 0.7) * key, y, 0.6 * key, 0.62 * depth, 2, 2),
            Material.EBONY,
            Shading.FLAT);
      }
    }
  }
}
