package io.pixelplayer.jobs.synth.art;

import static io.pixelplayer.jobs.synth.art.Parts.circle;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.RoundRectangle2D;

/** Percussion drawn by code: the xylophone (drum and congas come from the emoji sets). */
final class Percussion {
  /** Twemoji's flat look reads best as a toy xylophone in rainbow colours; Noto's shading shows rosewood bars. */
  private static final Color[] RAINBOW = {new Color(0xDD2E44), new Color(0xF4900C), new Color(0xFFCC4D),
      new Color(0x77B255), new Color(0x55ACEE), new Color(0x3B88C3), new Color(0xAA8DD8), new Color(0xEA596E)};
  /**
   * The rails sit under the bars' nodes, 22.4 % in from each end (0.276 of the length from the centre), where a
   * bar does not vibrate.
   */
  private static final double NODE = 0.276;

  private Percussion() {
  }

  /** Graded bars, longest at the left, resting on two converging rails, with two mallets. */
  static void xylophone(Graphics2D g, Look look) {
    int bars = look.detailed() ? 10 : 8;
    double pitch = 280.0 / bars;
    double width = pitch - 6;
    double centreY = -10;
    double[] x = new double[bars];
    double[] length = new double[bars];
    for (int i = 0; i < bars; i++) {
      x[i] = -140 + pitch * (i + 0.5);
      length[i] = 170 - i * 90.0 / (bars - 1);
    }
    for (int side : new int[] {-1, 1}) {
      double first = centreY + side * NODE * length[0];
      double last = centreY + side * NODE * length[bars - 1];
      double overhang = pitch * (last - first) / (x[bars - 1] - x[0]); // the rail runs on a bar's width past the ends
      Parts.tube(g, look, x[0] - pitch, first - overhang, x[bars - 1] + pitch, last + overhang, 12,
          Material.DARK_WOOD);
    }
    for (int i = 0; i < bars; i++) {
      RoundRectangle2D bar =
          new RoundRectangle2D.Double(x[i] - width / 2, centreY - length[i] / 2, width, length[i], 8, 8);
      Color colour = look == Look.TWEMOJI ? RAINBOW[i % RAINBOW.length] : Material.ROSEWOOD.in(look);
      look.paint(g, bar, colour, Shading.ROUND);
      for (int side : new int[] {-1, 1}) {
        look.paint(g, circle(x[i], centreY + side * NODE * length[i], 2.5), Material.SILVER, Shading.FLAT);
      }
    }
    mallet(g, look, 95, 190, 15, 45);
    mallet(g, look, 150, 180, 105, 60);
  }

  private static void mallet(Graphics2D g, Look look, double handleX, double handleY, double headX, double headY) {
    Parts.tube(g, look, handleX, handleY, headX, headY, 6, Material.LIGHT_WOOD);
    look.paint(g, circle(headX, headY, 13), Material.MALLET_HEAD);
  }
}
