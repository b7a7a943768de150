package io.pixelplayer.jobs.synth.art;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The looks of the emoji styles, for the instruments no open emoji set has: each drawing matches
 * its emoji neighbours, fixed once and for all.
 */
enum EmojiLook implements Look {
  /**
   * Noto emoji: soft shading on rounded parts, outlined in a darker tone of the part's own colour.
   */
  NOTO {
    @Override
    public void finish(Graphics2D g, Shape shape, Color base, Shading shading) {
      shade(g, shape, shading);
      g.setPaint(Look.mix(base, Color.BLACK, 0.45));
      g.setStroke(OUTLINE);
      g.draw(shape);
    }

    @Override
    public void body(Graphics2D g, Shape shape, Material material) {
      paint(g, shape, material, Shading.ROUND);
    }

    @Override
    public Color colour(Material material) {
      return material.noto();
    }
  },
  /**
   * Twemoji: flat fills and no outlines; a body shows its depth as a darker flat side behind it.
   */
  TWEMOJI {
    @Override
    public void finish(Graphics2D g, Shape shape, Color base, Shading shading) {
      // flat: nothing over the fill
    }

    @Override
    public void body(Graphics2D g, Shape shape, Material material) {
      Color base = colour(material);
      g.setPaint(Look.mix(base, Color.BLACK, 0.45));
      g.fill(AffineTransform.getTranslateInstance(7, 7).createTransformedShape(shape));
      Look.fill(g, shape, base);
    }

    @Override
    public Color colour(Material material) {
      return material.twemoji();
    }
  },
  /**
   * Fluent emoji (Microsoft): soft shading on rounded parts and no outlines, in lighter tones of
   * the Material Design colours the Noto look starts from (Fluent's palette is paler and brighter).
   */
  FLUENT {
    @Override
    public void finish(Graphics2D g, Shape shape, Color base, Shading shading) {
      shade(g, shape, shading);
    }

    @Override
    public void body(Graphics2D g, Shape shape, Material material) {
      paint(g, shape, material, Shading.ROUND);
    }

    @Override
    public Color colour(Material material) {
      return Look.mix(material.noto(), Color.WHITE, 0.3);
    }
  },
  /** Fluent's flat emoji: flat fills, no outlines and no depth. */
  FLUENT_FLAT {
    @Override
    public void finish(Graphics2D g, Shape shape, Color base, Shading shading) {
      // flat: nothing over the fill
    }

    @Override
    public void body(Graphics2D g, Shape shape, Material material) {
      Look.fill(g, shape, colour(material));
    }

    @Override
    public Color colour(Material material) {
      return material.noto();
    }
  };

  private static final BasicStroke OUTLINE =
      new BasicStroke(3.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

  /** The soft shading of the rounded looks, over a filled part. */
  private static void shade(Graphics2D g, Shape shape, Shading shading) {
    Paint overlay = shading.overlay(shape.getBounds2D());
    if (overlay != null) {
      g.setPaint(overlay);
      g.fill(shape);
    }
  }

  /** The emoji look of a style name, if it is one. */
  static Optional<EmojiLook> of(String style) {
    return Arrays.stream(values()).filter(look -> look.style().equals(style)).findFirst();
  }

  String style() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Twemoji is kept for evaluation: a model is tested on a look it never saw in training. */
  boolean reservedForEvaluation() {
    return this == TWEMOJI;
  }

  /**
   * Noto and Fluent show finer detail (more strings, frets, purfling); Twemoji and Fluent's flat
   * emoji keep to a few bold shapes.
   */
  @Override
  public boolean detailed() {
    return this == NOTO || this == FLUENT;
  }
}
