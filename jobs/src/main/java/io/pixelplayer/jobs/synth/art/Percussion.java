package io.pixelplayer.jobs.synth.art;

import static io.pixelplayer.jobs.synth.art.Parts.bar;
import static io.pixelplayer.jobs.synth.art.Parts.circle;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

/**
 * Percussion drawn by code: xylophone, drums (snare, rope-tuned) and hand drums (congas, djembe).
 */
final class Percussion {
  /**
   * Twemoji's flat look reads best as a toy xylophone in rainbow colours; Noto's shading shows
   * rosewood bars.
   */
  private static final Color[] RAINBOW = {
    new Color(0xDD2E44),
    new Color(0xF4900C),
    new Color(0xFFCC4D),
    new Color(0x77B255),
    new Color(0x55ACEE),
    new Color(0x3B88C3),
    new Color(0xAA8DD8),
    new Color(0xEA596E)
  };

  /**
   * The rails sit under the bars' nodes, 22.4 % in from each end (0.276 of the length from the
   * centre), where a bar does not vibrate.
   */
  private static final double NODE = 0.276;

  private Percussion() {}

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
      double overhang =
          pitch
              * (last - first)
              / (x[bars - 1] - x[0]); // the rail runs on a bar's width past the ends
      Parts.tube(
          g,
          look,
          x[0] - pitch,
          first - overhang,
          x[bars - 1] + pitch,
          last + overhang,
          12,
          Material.DARK_WOOD);
    }
    for (int i = 0; i < bars; i++) {
      RoundRectangle2D bar =
          new RoundRectangle2D.Double(
              x[i] - width / 2, centreY - length[i] / 2, width, length[i], 8, 8);
      Color colour =
          look == EmojiLook.TWEMOJI ? RAINBOW[i % RAINBOW.length] : Material.ROSEWOOD.in(look);
      look.paint(g, bar, colour, Shading.ROUND);
      for (int side : new int[] {-1, 1}) {
        look.paint(
            g, circle(x[i], centreY + side * NODE * length[i], 2.5), Material.SILVER, Shading.FLAT);
      }
    }
    mallet(g, look, 95, 190, 15, 45);
    mallet(g, look, 150, 180, 105, 60);
  }

  /**
   * A snare drum seen from a little above: the white head in its hoop, a lacquered shell with
   * tension rods down its front, and two sticks resting across the head.
   */
  static void drum(Graphics2D g, Look look) {
    double radius = look.proportion(120, 0.08);
    double depth = look.proportion(105, 0.2);
    double tilt = 0.26 * radius;
    Shape shell = new Area(new Rectangle2D.Double(-radius, 0, 2 * radius, depth));
    ((Area) shell).add(new Area(Parts.ellipse(0, depth, radius, tilt)));
    look.body(g, shell, Material.DRUM_SHELL);
    look.paint(g, Parts.thick(Parts.ellipse(0, depth, radius, tilt), 9), Material.SILVER);
    int rods = look.detailed() ? 8 : 6;
    for (int i = 0; i < rods; i++) {
      double x = -radius * Math.cos(Math.PI * (i + 0.5) / rods);
      double front = tilt * Math.sqrt(1 - (x / radius) * (x / radius));
      look.paint(g, bar(x, front + 6, depth + front - 4, 7), Material.SILVER, Shading.CYLINDER);
      look.paint(g, bar(x, front + 0.4 * depth, front + 0.6 * depth, 12), Material.SILVER);
    }
    look.paint(g, Parts.ellipse(0, 0, radius, tilt), Material.DRUM_HEAD);
    look.paint(g, Parts.thick(Parts.ellipse(0, 0, radius, tilt), 9), Material.SILVER);
    stick(g, look, -radius - 40, -150, 0.3 * radius, -4);
    stick(g, look, radius + 40, -150, -0.3 * radius, -4);
  }

  /**
   * A rope-tuned drum from the side: a tall shell between two wooden hoops, the rope zigzagging
   * from hoop to hoop round its front, and two sticks crossed over the head.
   */
  static void ropeDrum(Graphics2D g, Look look) {
    double radius = look.proportion(125, 0.08);
    double height = look.proportion(190, 0.15);
    double tilt = 0.22 * radius;
    double top = -height / 2;
    double bottom = height / 2;
    stick(g, look, -radius - 20, top - 200, 0.45 * radius, top - 10);
    stick(g, look, radius + 20, top - 200, -0.45 * radius, top - 10);
    Area shell = new Area(new Rectangle2D.Double(-radius, top, 2 * radius, height));
    shell.add(new Area(Parts.ellipse(0, bottom, radius, tilt)));
    look.body(g, shell, Material.DRUM_SHELL);
    int turns = look.detailed() ? 7 : 5;
    Path2D rope = new Path2D.Double();
    for (int i = 0; i <= 2 * turns; i++) {
      double x = -radius + 2 * radius * i / (2 * turns);
      double front = tilt * Math.sqrt(Math.max(0, 1 - (x / radius) * (x / radius)));
      double y = i % 2 == 0 ? top + front + 14 : bottom + front - 14;
      if (i == 0) rope.moveTo(x, y);
      else rope.lineTo(x, y);
    }
    look.stroke(g, rope, Material.IVORY, 5);
    for (double y : new double[] {top, bottom}) {
      look.paint(g, Parts.thick(Parts.ellipse(0, y, radius + 4, tilt), 16), Material.LIGHT_WOOD);
    }
    look.paint(g, Parts.ellipse(0, top, radius - 4, tilt - 4), Material.DRUM_HEAD);
  }

  /**
   * A djembe: a goblet-shaped wooden drum, its skin head laced down to a rope ring round the bowl,
   * a painted band at the waist.
   */
  static void djembe(Graphics2D g, Look look) {
    double radius = look.proportion(105, 0.1);
    double height = look.proportion(330, 0.08);
    double waist = look.proportion(0.42, 0.15) * radius;
    double foot = 0.8 * radius;
    double top = -height / 2;
    double neck = top + 0.55 * height;
    Shape goblet =
        Parts.symmetric(
            0,
            top,
            new double[] {radius / 3, top, 2 * radius / 3, top, radius, top},
            new double[] {
              1.02 * radius, top + 0.25 * height, waist, neck - 0.1 * height, waist, neck
            },
            new double[] {
              waist, neck + 0.15 * height, foot, top + 0.85 * height, foot, top + height
            },
            new double[] {foot / 2, top + height, foot / 4, top + height, 0, top + height});
    look.body(g, goblet, Material.CONGA_WOOD);
    look.paint(g, bar(0, neck - 14, neck + 14, 2 * waist + 6), Material.DRUM_SHELL, Shading.FLAT);
    double ring = top + 0.3 * height;
    int cords = look.detailed() ? 12 : 8;
    for (int i = 0; i <= cords; i++) {
      double t = 2.0 * i / cords - 1;
      look.line(g, t * radius, top + 6, t * 0.9 * radius, ring, Material.IVORY, 3);
    }
    look.paint(g, bar(0, ring - 5, ring + 5, 1.85 * radius), Material.IVORY, Shading.CYLINDER);
    look.paint(g, Parts.ellipse(0, top, radius, 0.28 * radius), Material.DRUM_HEAD);
    look.paint(g, Parts.thick(Parts.ellipse(0, top, radius, 0.28 * radius), 7), Material.IVORY);
  }

  private static void stick(
      Graphics2D g, Look look, double buttX, double buttY, double tipX, double tipY) {
    Parts.tube(g, look, buttX, buttY, tipX, tipY, 10, Material.LIGHT_WOOD);
    look.paint(g, Parts.ellipse(tipX, tipY, 7, 6), Material.LIGHT_WOOD);
  }

  /**
   * A pair of tall barrel-shaped wooden drums, the larger behind, each with its head in a metal rim
   * and lugs.
   */
  static void congas(Graphics2D g, Look look) {
    conga(g, look, -62, -150, look.proportion(66, 0.08), look.proportion(300, 0.08));
    conga(g, look, 62, -115, look.proportion(56, 0.08), look.proportion(275, 0.08));
  }

  private static void conga(
      Graphics2D g, Look look, double cx, double top, double radius, double height) {
    double bulge = 1.16 * radius;
    double foot = 0.78 * radius;
    Shape barrel =
        Parts.symmetric(
            cx,
            top,
            new double[] {radius / 3, top, 2 * radius / 3, top, radius, top},
            new double[] {
              bulge, top + 0.25 * height, bulge, top + 0.6 * height, foot, top + height
            },
            new double[] {
              foot / 2, top + height + 8, foot / 4, top + height + 8, 0, top + height + 8
            });
    look.body(g, barrel, Material.CONGA_WOOD);
    int staves = look.detailed() ? 7 : 4;
    for (int i = 1; i < staves; i++) {
      double t = 2.0 * i / staves - 1;
      Path2D seam = new Path2D.Double();
      seam.moveTo(cx + t * radius, top);
      seam.curveTo(
          cx + t * bulge,
          top + 0.25 * height,
          cx + t * bulge,
          top + 0.6 * height,
          cx + t * foot,
          top + height);
      look.stroke(g, seam, Material.DARK_WOOD, 1.5);
    }
    for (double y : new double[] {top + 0.3 * height, top + 0.75 * height}) {
      look.paint(
          g,
          bar(cx, y - 3, y + 3, 2 * (y < top + 0.5 * height ? bulge : 0.95 * bulge)),
          Material.SILVER,
          Shading.FLAT);
    }
    for (double t : new double[] {-0.8, -0.3, 0.3, 0.8}) {
      look.paint(g, bar(cx + t * radius, top + 4, top + 30, 6), Material.SILVER, Shading.CYLINDER);
    }
    look.paint(g, Parts.ellipse(cx, top, radius, 0.3 * radius), Material.DRUM_HEAD);
    look.paint(g, Parts.thick(Parts.ellipse(cx, top, radius, 0.3 * radius), 8), Material.SILVER);
  }

  private static void mallet(
      Graphics2D g, Look look, double handleX, double handleY, double headX, double headY) {
    Parts.tube(g, look, handleX, handleY, headX, headY, 6, Material.LIGHT_WOOD);
    look.paint(g, circle(headX, headY, 13), Material.MALLET_HEAD);
  }
}
