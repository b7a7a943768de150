package io.pixelplayer.jobs.synth.art;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
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

  /**
   * Each instrument's designs, the first its usual one: the fixed looks draw that; a varied look
   * picks one per picture ({@link Look#design}).
   */
  private static final Map<String, List<Drawing>> BY_INSTRUMENT =
      Map.ofEntries(
          Map.entry("accordion", List.of(Keyboards::accordion, Keyboards::fannedAccordion)),
          Map.entry("acoustic_guitar", List.of(Plucked::acousticGuitar)),
          Map.entry("bagpipe", List.of(Winds::bagpipe)),
          Map.entry("banjo", List.of(Plucked::banjo)),
          Map.entry("bassoon", List.of(Winds::bassoon)),
          Map.entry("cello", List.of(Bowed::cello)),
          Map.entry("clarinet", List.of(Winds::clarinet)),
          Map.entry("congas", List.of(Percussion::congas, Percussion::djembe)),
          Map.entry("drum", List.of(Percussion::drum, Percussion::ropeDrum)),
          Map.entry("electric_bass", List.of(Plucked::electricBass)),
          Map.entry("erhu", List.of(Bowed::erhu)),
          Map.entry("flute", List.of(Winds::flute, Winds::fife)),
          Map.entry("guzheng", List.of(Plucked::guzheng)),
          Map.entry(
              "piano",
              List.of(Keyboards::piano, Keyboards::grandPiano, Keyboards::digitalKeyboard)),
          Map.entry("pipa", List.of(Plucked::pipa)),
          Map.entry("saxophone", List.of(Winds::saxophone)),
          Map.entry("trumpet", List.of(Winds::trumpet)),
          Map.entry("tuba", List.of(Winds::tuba)),
          Map.entry("ukulele", List.of(Plucked::ukulele)),
          Map.entry("violin", List.of(Bowed::violin)),
          Map.entry("xylophone", List.of(Percussion::xylophone)));

  private Drawings() {}

  /**
   * The instrument drawn in the look, in the design the look picks ({@link Look#design}), cropped
   * and scaled so that its longer side is {@code size} pixels.
   *
   * @throws IllegalArgumentException for an instrument not among the 21
   */
  static BufferedImage draw(String instrument, Look look, int size) {
    return draw(instrument, look.design(designs(instrument)), look, size);
  }

  /**
   * How many designs the instrument is drawn in.
   *
   * @throws IllegalArgumentException for an instrument not among the 21
   */
  static int designs(String instrument) {
    return designsOf(instrument).size();
  }

  /** The instrument in one of its {@link #designs}, from 0, as {@link #draw} draws it. */
  static BufferedImage draw(String instrument, int design, Look look, int size) {
    Drawing drawing = designsOf(instrument).get(design);
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

  private static List<Drawing> designsOf(String instrument) {
    List<Drawing> designs = BY_INSTRUMENT.get(instrument);
    if (designs == null) {
      throw new IllegalArgumentException("no drawing of '" + instrument + "'");
    }
    return designs;
  }
}
