package io.pixelplayer.jobs.synth.art;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/**
 * The look of the {@code drawn} style, drawn anew for every video from a variation seed, so that
 * the style is a distribution of looks rather than one set of pictures: palette, outline, lighting,
 * texture, the instrument's proportions and the angle it is seen from. Every range keeps the
 * instrument recognisable: wood stays wood-coloured, proportions move by a tenth or so, the view
 * turns by a few degrees.
 */
final class DrawnLook implements Look {
  static final String STYLE = "drawn";

  enum Outline {
    NONE,
    THIN,
    THICK,
    SKETCHY
  }

  enum Lighting {
    FLAT,
    GRADIENT,
    CEL,
    HIGHLIGHT
  }

  /** What a surface shows: grain on wood and brushing on metal, or speckle on everything. */
  enum Texture {
    NONE,
    GRAIN,
    SPECKLE
  }

  private static final Color INK = new Color(0x212121);

  private final Map<Material, Color> palette = new EnumMap<>(Material.class);
  private final Outline outline;
  private final float outlineWidth;

  /** Black ink, or a darker tone of each part's own colour. */
  private final boolean inkedOutline;

  private final Lighting lighting;

  /** Direction towards the light, radians, y down: always from above. */
  private final double lightAngle;

  private final Texture texture;
  private final double grainSpacing;
  private final boolean detailed;

  /** Whether a body shows its thickness as a darker side, away from the light. */
  private final boolean bodyDepth;

  private final double turn;
  private final double aspect;
  private final double foreshortening;
  private final double foreshorteningAxis;
  private final boolean mirrored;

  /**
   * The hand that draws: jitter of sketchy lines, grain, speckle and proportions, in drawing order.
   */
  private final Random hand;

  DrawnLook(Random variation) {
    Map<Material.Family, HsbShift> shifts = new EnumMap<>(Material.Family.class);
    for (Material.Family family : Material.Family.values()) {
      shifts.put(family, HsbShift.draw(family, variation));
    }
    for (Material material : Material.values()) {
      HsbShift jitter =
          new HsbShift(
              between(variation, -4, 4),
              between(variation, 0.95, 1.05),
              between(variation, 0.95, 1.05));
      palette.put(material, jitter.apply(shifts.get(material.family()).apply(material.noto())));
    }
    outline = pick(variation, Outline.values());
    outlineWidth =
        (float)
            (outline == Outline.THICK ? between(variation, 3.5, 6) : between(variation, 1.2, 2.2));
    inkedOutline = variation.nextBoolean();
    lighting = pick(variation, Lighting.values());
    lightAngle = Math.toRadians(between(variation, -160, -20));
    texture = pick(variation, Texture.values());
    grainSpacing = between(variation, 3.5, 8);
    detailed = variation.nextBoolean();
    bodyDepth = variation.nextDouble() < 0.4;
    turn = Math.toRadians(between(variation, -12, 12));
    aspect = between(variation, 0.88, 1.12);
    foreshortening = between(variation, 0.78, 1);
    foreshorteningAxis = between(variation, 0, Math.PI);
    mirrored = variation.nextBoolean();
    hand = new Random(variation.nextLong());
  }

  /** A turn of hue (degrees) and scales of saturation and brightness. */
  private record HsbShift(double hue, double saturation, double brightness) {
    /**
     * The shift of one family for one video, within what that kind of surface plausibly looks like.
     */
    static HsbShift draw(Material.Family family, Random r) {
      return switch (family) {
        case WOOD ->
            new HsbShift(between(r, -12, 12), between(r, 0.75, 1.2), between(r, 0.7, 1.15));
        case BLACK -> new HsbShift(between(r, -40, 40), between(r, 0.4, 1.5), between(r, 0.8, 1.6));
        case PALE -> new HsbShift(between(r, -15, 15), between(r, 0.5, 2), between(r, 0.92, 1));
        case METAL ->
            new HsbShift(between(r, -20, 20), between(r, 0.4, 1.5), between(r, 0.85, 1.05));
        // a fifth of the brass is silver-plated
        case BRASS ->
            r.nextDouble() < 0.2
                ? new HsbShift(0, 0.12, 0.95)
                : new HsbShift(between(r, -7, 7), between(r, 0.8, 1.1), between(r, 0.8, 1.05));
        case DYED -> new HsbShift(between(r, 0, 360), between(r, 0.7, 1.1), between(r, 0.75, 1.1));
      };
    }

    Color apply(Color c) {
      float[] hsb = Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null);
      return Color.getHSBColor(
          (float) (hsb[0] + hue / 360), clamp(hsb[1] * saturation), clamp(hsb[2] * brightness));
    }

    private static float clamp(double v) {
      return (float) Math.max(0, Math.min(1, v));
    }
  }

  @Override
  public Color colour(Material material) {
    return palette.get(material);
  }

  @Override
  public boolean detailed() {
    return detailed;
  }

  @Override
  public double proportion(double nominal, double spread) {
    return nominal * (1 + between(hand, -spread, spread));
  }

  @Override
  public int design(int designs) {
    // Drawn only where there is a choice: instruments of one design draw as they always did.
    return designs > 1 ? hand.nextInt(designs) : 0;
  }

  @Override
  public void view(Graphics2D g) {
    g.rotate(turn);
    g.scale(mirrored ? -aspect : aspect, 1 / aspect);
    // foreshortened along one axis, as if that side were tipped away from the camera
    g.rotate(foreshorteningAxis);
    g.scale(foreshortening, 1);
    g.rotate(-foreshorteningAxis);
  }

  @Override
  public void paint(Graphics2D g, Shape shape, Material material, Shading shading) {
    Color base = colour(material);
    Look.fill(g, shape, base);
    texture(g, shape, material.family(), base);
    finish(g, shape, base, shading);
  }

  @Override
  public void body(Graphics2D g, Shape shape, Material material) {
    if (bodyDepth) {
      AffineTransform away =
          AffineTransform.getTranslateInstance(
              -6 * Math.cos(lightAngle), -6 * Math.sin(lightAngle));
      Look.fill(
          g, away.createTransformedShape(shape), Look.mix(colour(material), Color.BLACK, 0.45));
    }
    paint(g, shape, material, Shading.ROUND);
  }

  @Override
  public void finish(Graphics2D g, Shape shape, Color base, Shading shading) {
    if (shading != Shading.FLAT) {
      shade(g, shape);
    }
    if (outline == Outline.NONE) {
      return;
    }
    g.setPaint(inkedOutline ? INK : Look.mix(base, Color.BLACK, 0.5));
    g.setStroke(new BasicStroke(outlineWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    if (outline == Outline.SKETCHY) {
      g.draw(wobbly(shape));
      g.draw(wobbly(shape));
    } else {
      g.draw(shape);
    }
  }

  private void shade(Graphics2D g, Shape shape) {
    Rectangle2D b = shape.getBounds2D();
    if (b.getWidth() < 2 || b.getHeight() < 2) {
      return;
    }
    switch (lighting) {
      case FLAT -> {}
      case GRADIENT ->
          overlay(
              g,
              shape,
              b,
              new float[] {0f, 1f},
              new Color[] {Shading.light(110), Shading.shadow(110)});
      case CEL ->
          overlay(
              g,
              shape,
              b,
              new float[] {0f, 0.55f, 0.57f, 1f},
              new Color[] {
                Shading.light(0), Shading.light(0), Shading.shadow(80), Shading.shadow(80)
              });
      case HIGHLIGHT -> {
        Graphics2D shine = (Graphics2D) g.create();
        shine.clip(shape);
        double x = b.getCenterX() + 0.28 * b.getWidth() * Math.cos(lightAngle);
        double y = b.getCenterY() + 0.28 * b.getHeight() * Math.sin(lightAngle);
        Look.fill(
            shine,
            Parts.ellipse(x, y, 0.16 * b.getWidth(), 0.16 * b.getHeight()),
            Shading.light(150));
        shine.dispose();
      }
    }
  }

  /** A gradient over the shape from its side towards the light to the far side. */
  private void overlay(
      Graphics2D g, Shape shape, Rectangle2D b, float[] fractions, Color[] colours) {
    double dx = Math.cos(lightAngle);
    double dy = Math.sin(lightAngle);
    double reach = 0.5 * (Math.abs(dx) * b.getWidth() + Math.abs(dy) * b.getHeight());
    g.setPaint(
        new LinearGradientPaint(
            (float) (b.getCenterX() + dx * reach),
            (float) (b.getCenterY() + dy * reach),
            (float) (b.getCenterX() - dx * reach),
            (float) (b.getCenterY() - dy * reach),
            fractions,
            colours));
    g.fill(shape);
  }

  private void texture(Graphics2D g, Shape shape, Material.Family family, Color base) {
    Rectangle2D b = shape.getBounds2D();
    if (texture == Texture.NONE || b.getWidth() < 6 || b.getHeight() < 6) {
      return;
    }
    Graphics2D surface = (Graphics2D) g.create();
    surface.clip(shape);
    surface.setStroke(new BasicStroke(1f));
    if (texture == Texture.SPECKLE) {
      int specks = (int) Math.min(400, b.getWidth() * b.getHeight() / 50);
      for (int i = 0; i < specks; i++) {
        surface.setPaint(hand.nextBoolean() ? Shading.light(50) : Shading.shadow(45));
        surface.fill(
            Parts.circle(
                between(hand, b.getMinX(), b.getMaxX()),
                between(hand, b.getMinY(), b.getMaxY()),
                between(hand, 0.6, 1.6)));
      }
    } else if (family == Material.Family.WOOD) {
      // grain runs along the part: its local y axis, as the drawings draw necks, tubes and bodies
      // upright
      surface.setPaint(withAlpha(Look.mix(base, Color.BLACK, 0.35), 110));
      for (double x = b.getMinX() + hand.nextDouble() * grainSpacing;
          x < b.getMaxX();
          x += grainSpacing) {
        Path2D grain = new Path2D.Double();
        grain.moveTo(x, b.getMinY());
        grain.curveTo(
            x + between(hand, -4, 4),
            b.getMinY() + b.getHeight() / 3,
            x + between(hand, -4, 4),
            b.getMinY() + 2 * b.getHeight() / 3,
            x + between(hand, -2, 2),
            b.getMaxY());
        surface.draw(grain);
      }
    } else if (family == Material.Family.METAL || family == Material.Family.BRASS) {
      for (double x = b.getMinX(); x < b.getMaxX(); x += 2.5) {
        surface.setPaint(hand.nextBoolean() ? Shading.light(45) : Shading.shadow(30));
        surface.draw(new Line2D.Double(x, b.getMinY(), x, b.getMaxY()));
      }
    }
    surface.dispose();
  }

  /** The shape's outline redrawn by an unsteady hand: its flattened corners each moved a little. */
  private Shape wobbly(Shape shape) {
    Path2D path = new Path2D.Double();
    double[] point = new double[6];
    for (PathIterator it = shape.getPathIterator(null, 2); !it.isDone(); it.next()) {
      int type = it.currentSegment(point);
      double x = point[0] + between(hand, -1.3, 1.3);
      double y = point[1] + between(hand, -1.3, 1.3);
      switch (type) {
        case PathIterator.SEG_MOVETO -> path.moveTo(x, y);
        case PathIterator.SEG_LINETO -> path.lineTo(x, y);
        default -> path.closePath();
      }
    }
    return path;
  }

  private static <T> T pick(Random r, T[] choices) {
    return choices[r.nextInt(choices.length)];
  }

  private static double between(Random r, double min, double max) {
    return min + r.nextDouble() * (max - min);
  }

  private static Color withAlpha(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }
}
