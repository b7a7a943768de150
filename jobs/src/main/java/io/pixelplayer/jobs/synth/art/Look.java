package io.pixelplayer.jobs.synth.art;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An art style for drawing instruments by code. The drawings are shared; the look decides how a part is
 * painted, so the two styles differ in rendering (shaded and outlined versus flat), in palette, and in how much
 * detail a drawing shows.
 */
enum Look {
  /** Noto emoji: soft shading on rounded parts, outlined in a darker tone of the part's own colour. */
  NOTO {
    @Override
    void finish(Graphics2D g, Shape shape, Color base, Shading shading) {
      Paint overlay = shading.overlay(shape.getBounds2D());
      if (overlay != null) {
        g.setPaint(overlay);
        g.fill(shape);
      }
      g.setPaint(mix(base, Color.BLACK, 0.45));
      g.setStroke(OUTLINE);
      g.draw(shape);
    }

    @Override
    void body(Graphics2D g, Shape shape, Material material) {
      paint(g, shape, material, Shading.ROUND);
    }
  },
  /** Twemoji: flat fills and no outlines; a body shows its depth as a darker flat side behind it. */
  TWEMOJI {
    @Override
    void finish(Graphics2D g, Shape shape, Color base, Shading shading) {
      // flat: nothing over the fill
    }

    @Override
    void body(Graphics2D g, Shape shape, Material material) {
      Color base = material.in(this);
      g.setPaint(mix(base, Color.BLACK, 0.45));
      g.fill(AffineTransform.getTranslateInstance(7, 7).createTransformedShape(shape));
      fill(g, shape, base);
    }
  };

  private static final BasicStroke OUTLINE = new BasicStroke(3.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

  /** Looks up the style by its name: {@code noto} or {@code twemoji}. */
  static Look of(String style) {
    for (Look look : values()) {
      if (look.style().equals(style)) {
        return look;
      }
    }
    throw new IllegalArgumentException("unknown art style '" + style + "'; known styles: "
        + Arrays.stream(values()).map(Look::style).collect(Collectors.joining(", ")));
  }

  String style() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Twemoji is kept for evaluation: a model is tested on a look it never saw in training. */
  boolean reservedForEvaluation() {
    return this == TWEMOJI;
  }

  /** Noto shows finer detail (more strings, frets, purfling); Twemoji keeps to a few bold shapes. */
  boolean detailed() {
    return this == NOTO;
  }

  /** Paints what the look puts over a filled part: shading and outline, or nothing. */
  abstract void finish(Graphics2D g, Shape shape, Color base, Shading shading);

  /** Paints the main body of an instrument, the part that shows its thickness. */
  abstract void body(Graphics2D g, Shape shape, Material material);

  void paint(Graphics2D g, Shape shape, Material material) {
    paint(g, shape, material, Shading.ROUND);
  }

  void paint(Graphics2D g, Shape shape, Material material, Shading shading) {
    paint(g, shape, material.in(this), shading);
  }

  void paint(Graphics2D g, Shape shape, Color base, Shading shading) {
    fill(g, shape, base);
    finish(g, shape, base, shading);
  }

  /** A stroked line part (string, rod, bow hair), the same in both looks apart from the colour. */
  void line(Graphics2D g, double x1, double y1, double x2, double y2, Material material, double width) {
    stroke(g, new Line2D.Double(x1, y1, x2, y2), material, width);
  }

  void stroke(Graphics2D g, Shape path, Material material, double width) {
    g.setPaint(material.in(this));
    g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(path);
  }

  static void fill(Graphics2D g, Shape shape, Color colour) {
    g.setPaint(colour);
    g.fill(shape);
  }

  static Color mix(Color a, Color b, double t) {
    return new Color(
        (int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
        (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
        (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())),
        a.getAlpha());
  }
}
