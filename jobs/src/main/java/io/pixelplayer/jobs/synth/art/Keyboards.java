package io.pixelplayer.jobs.synth.art;

import static io.pixelplayer.jobs.synth.art.Parts.circle;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

/**
 * Keyboard instruments drawn by code: the upright piano and the piano accordion, sharing their
 * keyboard.
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
