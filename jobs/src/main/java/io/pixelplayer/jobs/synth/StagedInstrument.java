package io.pixelplayer.jobs.synth;

import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

/**
 * An instrument's picture placed in the frame and "played": it bobs, swells or tilts at each of its
 * own note onsets, in proportion to the note's velocity, and is still in rests. Knows its box at
 * any time.
 */
final class StagedInstrument {
  enum Motion {
    BOB,
    SWELL,
    TILT
  }

  /** How fast a movement dies away after an onset (seconds); short enough that rests are still. */
  private static final double DECAY_SECONDS = 0.12;

  /** Rise time of a movement, so that motion is smooth at 24-30 fps. */
  private static final double ATTACK_SECONDS = 0.02;

  private final BufferedImage sprite;
  private final double centreX;
  private final double centreY;
  private final Motion motion;
  private final double amplitude;
  private final double[] onsets;
  private final double[] strengths;

  /**
   * @param art the instrument's picture, cropped to its opaque pixels
   * @param slot the region (pixels: x, y, width, height) the picture must stay inside, motion
   *     included
   * @param score what it plays
   */
  StagedInstrument(BufferedImage art, double[] slot, Score score, Random random) {
    motion = Motion.values()[random.nextInt(Motion.values().length)];
    amplitude =
        switch (motion) {
          case BOB -> 0.04 + 0.05 * random.nextDouble(); // share of the picture's height
          case SWELL -> 0.05 + 0.07 * random.nextDouble(); // relative growth
          case TILT -> 0.06 + 0.08 * random.nextDouble(); // radians
        };
    // Leave room for the largest movement, then pick a size and a place inside the slot.
    double room = 1 / (1 + 2.2 * Math.max(amplitude, 0.1));
    double fit = Math.min(slot[2] / art.getWidth(), slot[3] / art.getHeight()) * room;
    double scale = fit * (0.55 + 0.45 * random.nextDouble());
    int w = Math.max(8, (int) Math.round(art.getWidth() * scale));
    int h = Math.max(8, (int) Math.round(art.getHeight() * scale));
    sprite = resize(art, w, h);
    double marginX = (slot[2] - w / room) / 2;
    double marginY = (slot[3] - h / room) / 2;
    centreX = slot[0] + slot[2] / 2 + (random.nextDouble() * 2 - 1) * Math.max(0, marginX);
    centreY = slot[1] + slot[3] / 2 + (random.nextDouble() * 2 - 1) * Math.max(0, marginY);
    List<Note> notes = score.notes();
    onsets = new double[notes.size()];
    strengths = new double[notes.size()];
    for (int i = 0; i < notes.size(); i++) {
      onsets[i] = notes.get(i).onsetSeconds();
      // Alternate the direction of a tilt so that the instrument rocks rather than leans.
      strengths[i] =
          notes.get(i).velocity() / 127.0 * (motion == Motion.TILT && i % 2 == 1 ? -1 : 1);
    }
  }

  /** The movement at time t: 0 in rests, up to ±1 just after a loud onset. */
  double excitation(double t) {
    double value = 0;
    for (int i = upperBound(t) - 1; i >= 0 && t - onsets[i] < 6 * DECAY_SECONDS; i--) {
      double age = t - onsets[i];
      double shape =
          age < ATTACK_SECONDS
              ? age / ATTACK_SECONDS
              : Math.exp(-(age - ATTACK_SECONDS) / DECAY_SECONDS);
      double v = strengths[i] * shape;
      if (Math.abs(v) > Math.abs(value)) {
        value = v;
      }
    }
    return value;
  }

  private int upperBound(double t) {
    int lo = 0;
    int hi = onsets.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (onsets[mid] <= t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Sprite pixels to frame pixels at time t. */
  AffineTransform transformAt(double t) {
    double e = excitation(t);
    AffineTransform transform = new AffineTransform();
    switch (motion) {
      case BOB ->
          transform.translate(centreX, centreY - amplitude * sprite.getHeight() * Math.abs(e));
      case SWELL -> {
        transform.translate(centreX, centreY);
        transform.scale(1 + amplitude * Math.abs(e), 1 + amplitude * Math.abs(e));
      }
      case TILT -> {
        transform.translate(centreX, centreY);
        transform.rotate(amplitude * e);
      }
      default -> throw new IllegalStateException(motion.name());
    }
    transform.translate(-sprite.getWidth() / 2.0, -sprite.getHeight() / 2.0);
    return transform;
  }

  void draw(Graphics2D g, double t) {
    g.drawImage(sprite, transformAt(t), null);
  }

  /** The box of the picture at time t, in 0..1 of the frame: x0, y0, x1, y1. */
  double[] boxAt(double t, int frameWidth, int frameHeight) {
    AffineTransform transform = transformAt(t);
    double x0 = Double.MAX_VALUE;
    double y0 = Double.MAX_VALUE;
    double x1 = -Double.MAX_VALUE;
    double y1 = -Double.MAX_VALUE;
    for (double[] corner :
        new double[][] {
          {0, 0},
          {sprite.getWidth(), 0},
          {0, sprite.getHeight()},
          {sprite.getWidth(), sprite.getHeight()}
        }) {
      Point2D p = transform.transform(new Point2D.Double(corner[0], corner[1]), null);
      x0 = Math.min(x0, p.getX());
      y0 = Math.min(y0, p.getY());
      x1 = Math.max(x1, p.getX());
      y1 = Math.max(y1, p.getY());
    }
    return new double[] {
      clamp(x0 / frameWidth),
      clamp(y0 / frameHeight),
      clamp(x1 / frameWidth),
      clamp(y1 / frameHeight)
    };
  }

  /** The picture's resting box in pixels: x, y, width, height. */
  double[] restingBox() {
    return new double[] {
      centreX - sprite.getWidth() / 2.0,
      centreY - sprite.getHeight() / 2.0,
      sprite.getWidth(),
      sprite.getHeight()
    };
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }

  /** Area-averaged downscale (sharp and alias-free), done once per video. */
  private static BufferedImage resize(BufferedImage art, int w, int h) {
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.drawImage(art.getScaledInstance(w, h, Image.SCALE_AREA_AVERAGING), 0, 0, null);
    g.dispose();
    return out;
  }
}
