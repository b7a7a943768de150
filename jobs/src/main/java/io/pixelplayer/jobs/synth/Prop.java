package io.pixelplayer.jobs.synth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.Random;

/**
 * Things that are not instruments, drawn by code: distractors beside the players, and the furniture
 * of the room behind non-music footage. Each is drawn upright, filling a picture of its own
 * proportions.
 */
enum Prop {
  LAMP(0.45),
  CHAIR(0.7),
  PLANT(0.7),
  CUP(1.1),
  BOOK(0.75),
  WINDOW(0.8);

  /** Width over height. */
  private final double aspect;

  Prop(double aspect) {
    this.aspect = aspect;
  }

  /** The name in renders.csv. */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The prop {@code height} pixels tall on a transparent ground, in colours drawn from {@code
   * random}.
   */
  BufferedImage draw(int height, Random random) {
    int w = Math.max(4, (int) Math.round(height * aspect));
    int h = Math.max(4, height);
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    Color colour =
        Color.getHSBColor(
            random.nextFloat(), 0.3f + 0.5f * random.nextFloat(), 0.4f + 0.5f * random.nextFloat());
    switch (this) {
      case LAMP -> {
        g.setColor(colour.darker());
        g.fill(new RoundRectangle2D.Double(0.2 * w, 0.92 * h, 0.6 * w, 0.08 * h, 6, 6));
        g.setStroke(new BasicStroke((float) Math.max(2, 0.05 * w)));
        g.draw(new Line2D.Double(0.5 * w, 0.3 * h, 0.5 * w, 0.93 * h));
        Path2D shade = new Path2D.Double();
        shade.moveTo(0.25 * w, 0);
        shade.lineTo(0.75 * w, 0);
        shade.lineTo(w, 0.32 * h);
        shade.lineTo(0, 0.32 * h);
        shade.closePath();
        g.setPaint(new GradientPaint(0, 0, colour.brighter(), 0, (float) (0.32 * h), colour));
        g.fill(shade);
      }
      case CHAIR -> {
        g.setColor(colour);
        g.fill(new RoundRectangle2D.Double(0.1 * w, 0, 0.8 * w, 0.5 * h, 10, 10)); // back
        g.setColor(colour.darker());
        g.fill(new Rectangle2D.Double(0.1 * w, 0.5 * h, 0.1 * w, 0.5 * h));
        g.fill(new Rectangle2D.Double(0.8 * w, 0.5 * h, 0.1 * w, 0.5 * h));
        g.setColor(colour);
        g.fill(new RoundRectangle2D.Double(0, 0.48 * h, w, 0.12 * h, 8, 8)); // seat
        g.setColor(colour.darker().darker());
        g.fill(new Rectangle2D.Double(0.05 * w, 0.6 * h, 0.08 * w, 0.4 * h));
        g.fill(new Rectangle2D.Double(0.87 * w, 0.6 * h, 0.08 * w, 0.4 * h));
      }
      case PLANT -> {
        Color leaf =
            Color.getHSBColor(
                0.25f + 0.12f * random.nextFloat(), 0.6f, 0.35f + 0.35f * random.nextFloat());
        for (int i = 0; i < 9; i++) {
          double angle = Math.PI * (0.1 + 0.8 * random.nextDouble());
          double length = (0.3 + 0.3 * random.nextDouble()) * h;
          Graphics2D leafG = (Graphics2D) g.create();
          leafG.translate(0.5 * w, 0.62 * h);
          leafG.rotate(-angle);
          leafG.setColor(i % 2 == 0 ? leaf : leaf.darker());
          leafG.fill(new Ellipse2D.Double(0, -0.06 * h, Math.min(length, 0.5 * w), 0.12 * h));
          leafG.dispose();
        }
        Path2D pot = new Path2D.Double();
        pot.moveTo(0.2 * w, 0.6 * h);
        pot.lineTo(0.8 * w, 0.6 * h);
        pot.lineTo(0.7 * w, h);
        pot.lineTo(0.3 * w, h);
        pot.closePath();
        g.setColor(colour);
        g.fill(pot);
      }
      case CUP -> {
        g.setColor(colour);
        g.setStroke(new BasicStroke((float) Math.max(2, 0.1 * h)));
        g.draw(new Ellipse2D.Double(0.6 * w, 0.25 * h, 0.3 * w, 0.45 * h)); // handle
        g.fill(new RoundRectangle2D.Double(0.05 * w, 0.1 * h, 0.7 * w, 0.9 * h, 0.2 * w, 0.2 * w));
        g.setColor(colour.darker().darker());
        g.fill(new Ellipse2D.Double(0.08 * w, 0.08 * h, 0.64 * w, 0.14 * h));
      }
      case BOOK -> {
        g.setColor(new Color(245, 240, 225));
        g.fill(new Rectangle2D.Double(0.1 * w, 0.02 * h, 0.88 * w, 0.96 * h)); // pages
        g.setColor(colour);
        g.fill(new Rectangle2D.Double(0, 0, 0.9 * w, h));
        g.setColor(colour.darker());
        g.fill(new Rectangle2D.Double(0, 0, 0.12 * w, h)); // spine
        g.setColor(colour.brighter());
        g.fill(new Rectangle2D.Double(0.25 * w, 0.2 * h, 0.5 * w, 0.08 * h)); // title
      }
      case WINDOW -> {
        g.setPaint(
            new GradientPaint(0, 0, new Color(120, 170, 230), 0, h, new Color(210, 230, 250)));
        g.fill(new Rectangle2D.Double(0, 0, w, h));
        g.setColor(new Color(235, 235, 230).darker());
        float bar = (float) Math.max(2, 0.06 * w);
        g.setStroke(new BasicStroke(bar));
        g.draw(new Rectangle2D.Double(bar / 2, bar / 2, w - bar, h - bar));
        g.draw(new Line2D.Double(w / 2.0, 0, w / 2.0, h));
        g.draw(new Line2D.Double(0, h / 2.0, w, h / 2.0));
      }
      default -> throw new IllegalStateException(name());
    }
    g.dispose();
    return image;
  }
}
