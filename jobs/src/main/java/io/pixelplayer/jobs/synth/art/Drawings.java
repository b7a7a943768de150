package io.pixelplayer.jobs.synth.art;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * All 21 instruments drawn by code in any look. The emoji styles use the drawings only for the
 * instruments that no open emoji set has; the drawn style uses all of them.
 */
final class Drawings {
  /**
   * Drawings are centred on the origin and stay within this square of design units, turned or not.
   */
  private static final int CANVAS = 720;

  /** Draws one instrument in design units around the origin; it may transform {@code g} freely. */
  @FunctionalInterface
  interface Drawing {
    void draw(Graphics2D g, Look look);
  }

  private static final Map<String, Drawing> BY_INSTRUMENT =
      Map.ofEntries(
          Map.entry("accordion", Keyboards::accordion),
          Map.entry("acoustic_guitar", Plucked::acousticGuitar),
          Map.entry("bagpipe", Winds::bagpipe),
          Map.entry("banjo", Plucked::banjo),
          Map.entry("bassoon", Winds::bassoon),
          Map.entry("cello", Bowed::cello),
          Map.entry("clarinet", Winds::clarinet),
          Map.entry("congas", Percussion::congas),
          Map.entry("drum", Percussion::drum),
          Map.entry("electric_bass", Plucked::electricBass),
          Map.entry("erhu", Bowed::erhu),
          Map.entry("flute", Winds::flute),
          Map.entry("guzheng", Plucked::guzheng),
          Map.entry("piano", Keyboards::piano),
          Map.entry("pipa", Plucked::pipa),
          Map.entry("saxophone", Winds::saxophone),
          Map.entry("trumpet", Winds::trumpet),
          Map.entry("tuba", Winds::tuba),
          Map.entry("ukulele", Plucked::ukulele),
          Map.entry("violin", Bowed::violin),
          Map.entry("xylophone", Percussion::xylophone));

  private Drawings() {}

  /**
   * The instrument drawn in the look, cropped and scaled so that its longer side is {@code size}
   * pixels.
   *
   * @throws IllegalArgumentException for an instrument not among the 21
   */
  static BufferedImage draw(String instrument, Look look, int size) {
    Drawing drawing = BY_INSTRUMENT.get(instrument);
    if (drawing == null) {
      throw new IllegalArgumentException("no drawing of '" + instrument + "'");
    }
    BufferedImage canvas = new BufferedImage(CANVAS, CANVAS, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = canvas.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.translate(CANVAS / 2.0, CANVAS / 2.0);
    look.view(g);
    drawing.draw(g, look);
    g.dispose();
    return Images.fit(Images.cropToOpaque(canvas), size);
  }
}
