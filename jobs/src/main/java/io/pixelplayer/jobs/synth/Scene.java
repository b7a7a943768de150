package io.pixelplayer.jobs.synth;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What the camera sees in one video: a backdrop, the instruments side by side (left to right in the order
 * given), sometimes something in front of part of one, and light sensor noise that changes every frame.
 */
final class Scene {
  /** Chance that something (a stand, a shoulder) hides part of an instrument. */
  static final double OCCLUSION_CHANCE = 0.25;
  private static final int NOISE_FRAMES = 4;

  private final int width;
  private final int height;
  private final BufferedImage backdrop;
  private final List<StagedInstrument> instruments = new ArrayList<>();
  private final List<Shape> occluders = new ArrayList<>();
  private final List<Color> occluderColours = new ArrayList<>();
  private final byte[][] noise;
  private final BufferedImage frame;
  private final Random flicker;
  private final Camera camera;

  /**
   * @param art    each source's picture, left to right
   * @param scores each source's score, same order
   * @param camera films the scene; null for frames as drawn
   */
  Scene(int width, int height, List<BufferedImage> art, List<Score> scores, Random random, boolean occlusionAndNoise,
      Camera camera) {
    this.width = width;
    this.height = height;
    this.camera = camera;
    Backdrop.Kind kind = Backdrop.Kind.values()[random.nextInt(Backdrop.Kind.values().length)];
    backdrop = Backdrop.draw(occlusionAndNoise ? kind : Backdrop.Kind.PLAIN, width, height, random);
    int n = art.size();
    double margin = 0.03;
    for (int i = 0; i < n; i++) {
      double slotWidth = width * (1 - 2 * margin) / n;
      double[] slot = {width * margin + i * slotWidth, height * margin, slotWidth, height * (1 - 2 * margin)};
      StagedInstrument instrument = new StagedInstrument(art.get(i), slot, scores.get(i), random);
      instruments.add(instrument);
      if (occlusionAndNoise && random.nextDouble() < OCCLUSION_CHANCE) {
        occluders.add(occluder(instrument.restingBox(), random));
        occluderColours.add(Backdrop.mutedColour(random).darker());
      }
    }
    noise = new byte[occlusionAndNoise ? NOISE_FRAMES : 0][];
    double sigma = 1.5 + 3.5 * random.nextDouble();
    for (int i = 0; i < noise.length; i++) {
      noise[i] = new byte[width * height * 3];
      for (int j = 0; j < noise[i].length; j++) {
        noise[i][j] = (byte) Math.max(-127, Math.min(127, Math.round(random.nextGaussian() * sigma)));
      }
    }
    frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    flicker = new Random(random.nextLong());
  }

  /** Covers 15-35 % of a box from below or from one side, like a music stand or a player's arm. */
  private static Shape occluder(double[] box, Random random) {
    double share = 0.15 + 0.2 * random.nextDouble();
    double x = box[0];
    double y = box[1];
    double w = box[2];
    double h = box[3];
    return switch (random.nextInt(3)) {
      case 0 -> new RoundRectangle2D.Double(x - 0.1 * w, y + h * (1 - share), w * 1.2, h * share + 4, 8, 8);
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
    g.drawImage(backdrop, 0, 0, null);
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
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
      addSensorNoise(((DataBufferByte) filmed.getRaster().getDataBuffer()).getData(), noise[index % noise.length]);
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
    double[] box = instruments.get(source).boxAt(t, width, height);
    return camera == null ? box : camera.frame(box, t);
  }
}
