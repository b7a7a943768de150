package io.pixelplayer.jobs.synth;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What the camera sees in one video: footage behind (a backdrop, or moving non-music footage), the
 * instruments side by side (left to right in the order given), sometimes something in front of part
 * of one, things in view that make no sound (a silent instrument, props), and light sensor noise
 * that changes every frame.
 */
final class Scene {
  /** Chance that something (a stand, a shoulder) hides part of an instrument. */
  static final double OCCLUSION_CHANCE = 0.25;

  /** A prop may cover at most this share of a playing instrument's box (or of its own). */
  static final double MAX_PROP_OVERLAP = 0.15;

  private static final int NOISE_FRAMES = 4;
  private static final int PLACEMENT_TRIES = 30;
  private static final Score SILENT = new Score("", List.of(), 0);

  /** Something in view that makes no sound, by its name in renders.csv. */
  record Still(String name, BufferedImage picture) {}

  /** A named thing's box in 0..1 of the frame: x0, y0, x1, y1. */
  record Seen(String name, double[] box) {}

  private final int width;
  private final int height;
  private final Footage footage;
  private final List<StagedInstrument> instruments = new ArrayList<>();
  private final List<StagedInstrument> stills = new ArrayList<>();
  private final List<String> stillNames = new ArrayList<>();
  private final List<Shape> occluders = new ArrayList<>();
  private final List<Color> occluderColours = new ArrayList<>();
  private final byte[][] noise;
  private final BufferedImage frame;
  private final Random flicker;
  private final Camera camera;

  /**
   * @param art each source's picture, left to right
   * @param scores each source's score, same order
   * @param silent an instrument in view that does not play, in a slot of its own beside the
   *     sources; or null
   * @param props things placed where they hide little of the sources
   * @param stillsRandom places the silent instrument and the props (apart from {@code random}, so
   *     that a scene without them is what it always was)
   * @param camera films the scene; null for frames as drawn
   */
  Scene(
      int width,
      int height,
      Footage footage,
      List<BufferedImage> art,
      List<Score> scores,
      Random random,
      boolean occlusionAndNoise,
      Still silent,
      List<Still> props,
      Random stillsRandom,
      Camera camera) {
    this.width = width;
    this.height = height;
    this.footage = footage;
    this.camera = camera;
    int slots = art.size() + (silent == null ? 0 : 1);
    int silentSlot = silent == null ? -1 : stillsRandom.nextInt(slots);
    double margin = 0.03;
    double slotWidth = width * (1 - 2 * margin) / slots;
    for (int i = 0; i < slots; i++) {
      double[] slot = {
        width * margin + i * slotWidth, height * margin, slotWidth, height * (1 - 2 * margin)
      };
      if (i == silentSlot) {
        stills.add(new StagedInstrument(silent.picture(), slot, SILENT, stillsRandom));
        stillNames.add(silent.name());
        continue;
      }
      int source = instruments.size();
      StagedInstrument instrument =
          new StagedInstrument(art.get(source), slot, scores.get(source), random);
      instruments.add(instrument);
      if (occlusionAndNoise && random.nextDouble() < OCCLUSION_CHANCE) {
        occluders.add(occluder(instrument.restingBox(), random));
        occluderColours.add(Backdrop.mutedColour(random).darker());
      }
    }
    for (Still prop : props) {
      place(prop, stillsRandom);
    }
    noise = new byte[occlusionAndNoise ? NOISE_FRAMES : 0][];
    double sigma = 1.5 + 3.5 * random.nextDouble();
    for (int i = 0; i < noise.length; i++) {
      noise[i] = new byte[width * height * 3];
      for (int j = 0; j < noise[i].length; j++) {
        noise[i][j] =
            (byte) Math.max(-127, Math.min(127, Math.round(random.nextGaussian() * sigma)));
      }
    }
    frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    flicker = new Random(random.nextLong());
  }

  /**
   * Puts a prop 20-45 % of the frame tall (before its random scale) somewhere it hides little of
   * any source; leaves it out if none is found.
   */
  private void place(Still still, Random random) {
    BufferedImage picture = still.picture();
    for (int attempt = 0; attempt < PLACEMENT_TRIES; attempt++) {
      double h = height * (0.2 + 0.25 * random.nextDouble());
      double w = h * picture.getWidth() / picture.getHeight();
      double[] slot = {(width - w) * random.nextDouble(), (height - h) * random.nextDouble(), w, h};
      StagedInstrument prop = new StagedInstrument(picture, slot, SILENT, random);
      double[] box = prop.restingBox();
      if (instruments.stream()
          .allMatch(source -> overlap(box, source.restingBox()) <= MAX_PROP_OVERLAP)) {
        stills.add(prop);
        stillNames.add(still.name());
        return;
      }
    }
  }

  /** The area two boxes (x, y, width, height) share, over the smaller one's area. */
  private static double overlap(double[] a, double[] b) {
    double w = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
    double h = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
    return Math.max(0, w) * Math.max(0, h) / Math.min(a[2] * a[3], b[2] * b[3]);
  }

  /** Covers 15-35 % of a box from below or from one side, like a music stand or a player's arm. */
  private static Shape occluder(double[] box, Random random) {
    double share = 0.15 + 0.2 * random.nextDouble();
    double x = box[0];
    double y = box[1];
    double w = box[2];
    double h = box[3];
    return switch (random.nextInt(3)) {
      case 0 ->
          new RoundRectangle2D.Double(
              x - 0.1 * w, y + h * (1 - share), w * 1.2, h * share + 4, 8, 8);
      case 1 -> new Ellipse2D.Double(x - w * share, y + 0.2 * h, 2 * w * share, 0.7 * h);
      default -> new Ellipse2D.Double(x + w * (1 - share), y + 0.2 * h, 2 * w * share, 0.7 * h);
    };
  }

  int sources() {
    return instruments.size();
  }

  /** The picture at time t (the returned image is reused by the next call). */
  BufferedImage frameAt(double t, int index) {
    Graphics2D g = frame.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    footage.paint(g, t);
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    for (StagedInstrument still : stills) {
      still.draw(g, t);
    }
    for (StagedInstrument instrument : instruments) {
      instrument.draw(g, t);
    }
    for (int i = 0; i < occluders.size(); i++) {
      g.setColor(occluderColours.get(i));
      g.fill(occluders.get(i));
    }
    g.dispose();
    BufferedImage filmed = camera == null ? frame : camera.film(frame, t);
    if (noise.length > 0) {
      addSensorNoise(
          ((DataBufferByte) filmed.getRaster().getDataBuffer()).getData(),
          noise[index % noise.length]);
    }
    return filmed;
  }

  /** Grain plus a slight exposure flicker, as a cheap camera would show. */
  private void addSensorNoise(byte[] pixels, byte[] grain) {
    int offset = flicker.nextInt(3) - 1;
    for (int i = 0; i < pixels.length; i++) {
      int v = (pixels[i] & 0xff) + grain[i] + offset;
      pixels[i] = (byte) (v < 0 ? 0 : v > 255 ? 255 : v);
    }
  }

  /** Source i's box at time t in 0..1 of the frame: x0, y0, x1, y1. */
  double[] boxAt(int source, double t) {
    return filmed(instruments.get(source), t);
  }

  /**
   * The boxes of what is in view but silent, as at time t (they stand still, up to the camera): the
   * silent instrument first, if any, then each prop that found a place.
   */
  List<Seen> stillsAt(double t) {
    List<Seen> seen = new ArrayList<>();
    for (int i = 0; i < stills.size(); i++) {
      seen.add(new Seen(stillNames.get(i), filmed(stills.get(i), t)));
    }
    return seen;
  }

  private double[] filmed(StagedInstrument staged, double t) {
    double[] box = staged.boxAt(t, width, height);
    return camera == null ? box : camera.frame(box, t);
  }
}
