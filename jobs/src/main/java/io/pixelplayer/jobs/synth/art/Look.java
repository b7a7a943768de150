package io.pixelplayer.jobs.synth.art;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Line2D;

/**
 * How an art style paints the instruments drawn by code. The drawings are shared; the look decides
 * each part's colour and how it is painted (shading, outline, texture), how much detail a drawing
 * shows, and how the drawing is seen. The emoji looks ({@link EmojiLook}) are fixed; the drawn look
 * ({@link DrawnLook}) is drawn anew per video.
 */
interface Look {
  /** The colour of a material in this look. */
  Color colour(Material material);

  /**
   * Whether drawings show finer detail (more strings, frets, purfling) or keep to a few bold
   * shapes.
   */
  boolean detailed();

  /** Paints what the look puts over a filled part: shading and outline, or nothing. */
  void finish(Graphics2D g, Shape shape, Color base, Shading shading);

  /** Paints the main body of an instrument, the part that shows its thickness. */
  void body(Graphics2D g, Shape shape, Material material);

  /**
   * A length or ratio of a drawing: the nominal value in a fixed look; a look that varies its
   * instruments draws it within {@code spread} (a fraction of it) either side.
   */
  default double proportion(double nominal, double spread) {
    return nominal;
  }

  /**
   * Which of an instrument's {@code designs} (a grand or an upright piano, a snare or a rope drum)
   * to draw, from 0: the usual one, 0, in a fixed look; a look that varies its instruments picks
   * one.
   */
  default int design(int designs) {
    return 0;
  }

  /**
   * Sets how the drawing, centred on the origin of {@code g}, is seen (turned, foreshortened);
   * fixed looks don't.
   */
  default void view(Graphics2D g) {}

  default void paint(Graphics2D g, Shape shape, Material material) {
    paint(g, shape, material, Shading.ROUND);
  }

  default void paint(Graphics2D g, Shape shape, Material material, Shading shading) {
    paint(g, shape, colour(material), shading);
  }

  default void paint(Graphics2D g, Shape shape, Color base, Shading shading) {
    fill(g, shape, base);
    finish(g, shape, base, shading);
  }

  /** A stroked line part (string, rod, bow hair), the same in every look apart from the colour. */
  default void line(
      Graphics2D g, double x1, double y1, double x2, double y2, Material material, double width) {
    stroke(g, new Line2D.Double(x1, y1, x2, y2), material, width);
  }

  default void stroke(Graphics2D g, Shape path, Material material, double width) {
    g.setPaint(colour(material));
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
