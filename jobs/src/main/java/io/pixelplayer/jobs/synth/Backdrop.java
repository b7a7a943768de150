package io.pixelplayer.jobs.synth;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * The background of a rendered video: a plain wall, a gradient, a vignette, a smooth noise texture
 * or a cluttered room of shapes. Varied so that the networks learn the instruments, not the
 * backgrounds.
 */
final class Backdrop {
  enum Kind {
    PLAIN,
    GRADIENT,
    VIGNETTE,
    TEXTURE,
    CLUTTER
  }

  private Backdrop() {}

  static BufferedImage draw(Kind kind, int width, int height, Random random) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    Color base = mutedColour(random);
    switch (kind) {
      case PLAIN -> {
        g.setColor(base);
        g.fillRect(0, 0, width, height);
      }
      case GRADIENT -> {
        g.setPaint(
            new GradientPaint(0, 0, base, random.nextFloat() * width, height, mutedColour(random)));
        g.fillRect(0, 0, width, height);
      }
      case VIGNETTE -> {
        g.setPaint(
            new RadialGradientPaint(
                width * (0.3f + 0.4f * random.nextFloat()),
                height * (0.3f + 0.4f * random.nextFloat()),
                Math.max(width, height) * 0.8f,
                new float[] {0f, 1f},
                new Color[] {base.brighter(), base.darker().darker()}));
        g.fillRect(0, 0, width, height);
      }
      case TEXTURE -> texture(image, base, mutedColour(random), random);
      case CLUTTER -> {
        g.setPaint(new GradientPaint(0, 0, base, 0, height, mutedColour(random)));
        g.fillRect(0, 0, width, height);
        int shapes = 6 + random.nextInt(12);
        for (int i = 0; i < shapes; i++) {
          g.setColor(withAlpha(mutedColour(random), 90 + random.nextInt(140)));
          double w = width * (0.05 + 0.3 * random.nextDouble());
          double h = height * (0.05 + 0.4 * random.nextDouble());
          double x = random.nextDouble() * width - w / 2;
          double y = random.nextDouble() * height - h / 2;
          g.fill(
              random.nextBoolean()
                  ? new Ellipse2D.Double(x, y, w, h)
                  : new RoundRectangle2D.Double(x, y, w, h, w / 5, h / 5));
        }
      }
      default -> throw new IllegalStateException(kind.name());
    }
    g.dispose();
    return image;
  }

  /** Smooth value noise: a coarse random grid, bilinearly interpolated, between two colours. */
  private static void texture(BufferedImage image, Color a, Color b, Random random) {
    int cell = 8 + random.nextInt(40);
    int gw = image.getWidth() / cell + 2;
    int gh = image.getHeight() / cell + 2;
    float[] grid = new float[gw * gh];
    for (int i = 0; i < grid.length; i++) {
      grid[i] = random.nextFloat();
    }
    for (int y = 0; y < image.getHeight(); y++) {
      float fy = y / (float) cell;
      int y0 = (int) fy;
      float ty = fy - y0;
      for (int x = 0; x < image.getWidth(); x++) {
        float fx = x / (float) cell;
        int x0 = (int) fx;
        float tx = fx - x0;
        float top = grid[y0 * gw + x0] * (1 - tx) + grid[y0 * gw + x0 + 1] * tx;
        float bottom = grid[(y0 + 1) * gw + x0] * (1 - tx) + grid[(y0 + 1) * gw + x0 + 1] * tx;
        float t = top * (1 - ty) + bottom * ty;
        int r = Math.round(a.getRed() * (1 - t) + b.getRed() * t);
        int gr = Math.round(a.getGreen() * (1 - t) + b.getGreen() * t);
        int bl = Math.round(a.getBlue() * (1 - t) + b.getBlue() * t);
        image.setRGB(x, y, (r << 16) | (gr << 8) | bl);
      }
    }
  }

  /**
   * Wall-like colours: any hue, moderate saturation and brightness, so instruments stay visible.
   */
  static Color mutedColour(Random random) {
    return Color.getHSBColor(
        random.nextFloat(), 0.1f + 0.45f * random.nextFloat(), 0.25f + 0.6f * random.nextFloat());
  }

  private static Color withAlpha(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }
}
