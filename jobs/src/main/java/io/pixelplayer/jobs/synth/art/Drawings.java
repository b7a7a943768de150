package io.pixelplayer.jobs.synth.art;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Optional;

/** The instruments that no open emoji set has, drawn by code in either look. */
final class Drawings {
  /** Drawings are centred on the origin and stay within this square of design units. */
  private static final int CANVAS = 640;

  /** Draws one instrument in design units around the origin; it may transform {@code g} freely. */
  @FunctionalInterface
  interface Drawing {
    void draw(Graphics2D g, Look look);
  }

  private static final Map<String, Drawing> BY_INSTRUMENT = Map.ofEntries(
      Map.entry("acoustic_guitar", Plucked::acousticGuitar),
      Map.entry("bagpipe", Winds::bagpipe),
      Map.entry("bassoon", Winds::bassoon),
      Map.entry("cello", Bowed::cello),
      Map.entry("clarinet", Winds::clarinet),
      Map.entry("electric_bass", Plucked::electricBass),
      Map.entry("erhu", Bowed::erhu),
      Map.entry("guzheng", Plucked::guzheng),
      Map.entry("pipa", Plucked::pipa),
      Map.entry("tuba", Winds::tuba),
      Map.entry("ukulele", Plucked::ukulele),
      Map.entry("xylophone", Percussion::xylophone));

  private Drawings() {
  }

  /** The instrument drawn in the look, cropped and scaled so that its longer side is {@code size} pixels. */
  static Optional<BufferedImage> draw(String instrument, Look look, int size) {
    Drawing drawing = BY_INSTRUMENT.get(instrument);
    if (drawing == null) {
      return Optional.empty();
    }
    BufferedImage canvas = new BufferedImage(CANVAS, CANVAS, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = canvas.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.translate(CANVAS / 2.0, CANVAS / 2.0);
    drawing.draw(g, look);
    g.dispose();
    return Optional.of(Images.fit(Images.cropToOpaque(canvas), size));
  }
}
