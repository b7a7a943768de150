package io.pixelplayer.jobs.synth.art;

import java.awt.Color;
import java.awt.LinearGradientPaint;
import java.awt.Paint;
import java.awt.RadialGradientPaint;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;

/**
 * How light falls on a part in a shaded style, as a translucent overlay over the part's own colour
 * (so one overlay serves every colour and every pattern, tartan and snakeskin included).
 */
enum Shading {
  /** Rounded bodies and bells: a highlight at the upper left fading into shadow at the far edge. */
  ROUND {
    @Override
    Paint overlay(Rectangle2D b) {
      Point2D highlight =
          new Point2D.Double(b.getX() + 0.35 * b.getWidth(), b.getY() + 0.3 * b.getHeight());
      float radius = (float) (0.8 * Math.max(b.getWidth(), b.getHeight()));
      return new RadialGradientPaint(
          highlight,
          radius,
          new float[] {0f, 0.45f, 1f},
          new Color[] {light(140), light(0), shadow(100)});
    }
  },
  /**
   * Tubes and necks drawn upright in their own coordinates: a bright stripe along the tube, dark at
   * both sides.
   */
  CYLINDER {
    @Override
    Paint overlay(Rectangle2D b) {
      if (b.getWidth() < 1) {
        return null; // a gradient needs two distinct end points
      }
      return new LinearGradientPaint(
          (float) b.getMinX(),
          0f,
          (float) b.getMaxX(),
          0f,
          new float[] {0f, 0.3f, 0.6f, 1f},
          new Color[] {shadow(60), light(120), light(0), shadow(90)});
    }
  },
  /** Flat parts such as holes and pickguards. */
  FLAT {
    @Override
    Paint overlay(Rectangle2D b) {
      return null;
    }
  };

  /** The overlay for a part with these bounds, or null for none. */
  abstract Paint overlay(Rectangle2D bounds);

  static Color light(int alpha) {
    return new Color(255, 255, 255, alpha);
  }

  static Color shadow(int alpha) {
    return new Color(0, 0, 0, alpha);
  }
}
