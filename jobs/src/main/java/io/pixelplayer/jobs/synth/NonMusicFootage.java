package io.pixelplayer.jobs.synth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The pictures of non-music footage, drawn by code: test patterns for tones (SMPTE-like colour
 * bars, a grid, grey and colour ramps, a test card whose clock and sweep move), a talking head
 * whose mouth opens with the speech's loudness or a lecture slide for speech, a street with passing
 * cars or a furnished room for noise, a black or frozen frame for silence. What stays still is
 * drawn once; only what moves is drawn per frame.
 */
final class NonMusicFootage implements Footage {
  enum Picture {
    BARS,
    GRID,
    RAMPS,
    TEST_CARD,
    TALKING_HEAD,
    SLIDE,
    STREET,
    ROOM,
    BLACK,
    STILL
  }

  /**
   * The loudness envelope of speech is taken over windows this long (the mouth's reaction time).
   */
  private static final double ENVELOPE_SECONDS = 0.04;

  private final Picture picture;
  private final int width;
  private final int height;
  private final BufferedImage still;
  private final Random motion;
  private final float[] envelope;
  private final Color accent;
  private final double[] cars; // STREET: each car's start (pixels) and speed (pixels/s)

  /**
   * @param sound the dry sound (the talking head's mouth follows it), at {@code rate}
   */
  NonMusicFootage(NonMusic kind, int width, int height, float[] sound, int rate, Random random) {
    this.width = width;
    this.height = height;
    List<Picture> choices =
        switch (kind) {
          case SPEECH -> List.of(Picture.TALKING_HEAD, Picture.SLIDE);
          case NOISE -> List.of(Picture.STREET, Picture.ROOM);
          case TONES -> List.of(Picture.BARS, Picture.GRID, Picture.RAMPS, Picture.TEST_CARD);
          case TEST_PATTERN -> List.of(Picture.BARS, Picture.TEST_CARD);
          case SILENCE -> List.of(Picture.BLACK, Picture.STILL);
        };
    picture = choices.get(random.nextInt(choices.size()));
    accent = Backdrop.mutedColour(random);
    envelope = picture == Picture.TALKING_HEAD ? envelope(sound, rate) : new float[0];
    cars = new double[picture == Picture.STREET ? 2 * (1 + random.nextInt(3)) : 0];
    for (int c = 0; c < cars.length; c += 2) {
      cars[c] = width * (2 * random.nextDouble() - 1);
      cars[c + 1] = (random.nextBoolean() ? 1 : -1) * width * (0.2 + 0.6 * random.nextDouble());
    }
    still = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = still.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    switch (picture) {
      case BARS -> bars(g);
      case GRID -> grid(g);
      case RAMPS -> ramps(g);
      case TEST_CARD -> testCard(g);
      case TALKING_HEAD ->
          g.drawImage(Backdrop.draw(Backdrop.Kind.VIGNETTE, width, height, random), 0, 0, null);
      case SLIDE -> slide(g, random);
      case STREET -> street(g, random);
      case ROOM -> room(g, random);
      case BLACK -> {
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, width, height);
      }
      case STILL ->
          g.drawImage(
              Backdrop.draw(
                  Backdrop.Kind.values()[random.nextInt(Backdrop.Kind.values().length)],
                  width,
                  height,
                  random),
              0,
              0,
              null);
      default -> throw new IllegalStateException(picture.name());
    }
    g.dispose();
    motion = new Random(random.nextLong());
  }

  /** The name in renders.csv. */
  String variety() {
    return picture.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public void paint(Graphics2D g, double t) {
    g.drawImage(still, 0, 0, null);
    switch (picture) {
      case TEST_CARD -> testCardMotion(g, t);
      case TALKING_HEAD -> talkingHead(g, t);
      case SLIDE -> {
        // a laser pointer wandering over the slide
        double x = width * (0.5 + 0.3 * Math.sin(0.7 * t + accent.getRed()));
        double y = height * (0.55 + 0.25 * Math.sin(1.1 * t + accent.getGreen()));
        g.setColor(new Color(255, 30, 30, 200));
        g.fill(new Ellipse2D.Double(x - 3, y - 3, 6, 6));
      }
      case STREET -> {
        for (int c = 0; c < cars.length; c += 2) {
          double x = Math.floorMod((long) (cars[c] + cars[c + 1] * t), 2L * width) - 0.5 * width;
          car(g, x, height * (0.78 + 0.06 * (c / 2 % 2)), Color.getHSBColor(c * 0.27f, 0.6f, 0.7f));
        }
      }
      default -> {
        // still pictures
      }
    }
  }

  /** RMS of the sound per window, scaled to 0..1 by its loudest window. */
  private static float[] envelope(float[] sound, int rate) {
    int window = Math.max(1, (int) (ENVELOPE_SECONDS * rate));
    float[] out = new float[sound.length / window + 1];
    float loudest = 1e-9f;
    for (int w = 0; w < out.length; w++) {
      double energy = 0;
      int end = Math.min(sound.length, (w + 1) * window);
      for (int i = w * window; i < end; i++) energy += sound[i] * sound[i];
      out[w] = (float) Math.sqrt(energy / window);
      loudest = Math.max(loudest, out[w]);
    }
    for (int w = 0; w < out.length; w++) out[w] /= loudest;
    return out;
  }

  private void bars(Graphics2D g) {
    Color[] top = {
      new Color(191, 191, 191),
      new Color(191, 191, 0),
      new Color(0, 191, 191),
      new Color(0, 191, 0),
      new Color(191, 0, 191),
      new Color(191, 0, 0),
      new Color(0, 0, 191)
    };
    double bar = width / 7.0;
    for (int i = 0; i < 7; i++) {
      g.setColor(top[i]);
      g.fill(new Rectangle2D.Double(i * bar, 0, bar + 1, 0.67 * height));
      // the castellations: the top row's colours in reverse, black between
      g.setColor(i % 2 == 0 ? top[6 - i] : Color.BLACK);
      g.fill(new Rectangle2D.Double(i * bar, 0.67 * height, bar + 1, 0.08 * height));
    }
    Color[] bottom = {
      new Color(0, 33, 76),
      Color.WHITE,
      new Color(50, 0, 106),
      new Color(19, 19, 19),
      Color.BLACK,
      new Color(38, 38, 38),
      new Color(19, 19, 19)
    };
    double[] edges = {0, 1.25, 2.5, 3.75, 5, 5.33, 5.67, 7};
    for (int i = 0; i < bottom.length; i++) {
      g.setColor(bottom[i]);
      g.fill(
          new Rectangle2D.Double(
              edges[i] * bar, 0.75 * height, (edges[i + 1] - edges[i]) * bar + 1, 0.25 * height));
    }
  }

  private void grid(Graphics2D g) {
    g.setColor(Color.BLACK);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.WHITE);
    int step = Math.max(8, height / 12);
    for (int x = (width / 2) % step; x < width; x += step) g.drawLine(x, 0, x, height);
    for (int y = (height / 2) % step; y < height; y += step) g.drawLine(0, y, width, y);
    g.setStroke(new BasicStroke(2));
    double r = 0.4 * height;
    g.draw(new Ellipse2D.Double(width / 2.0 - r, height / 2.0 - r, 2 * r, 2 * r));
    g.draw(new Line2D.Double(0, 0, width, height));
    g.draw(new Line2D.Double(width, 0, 0, height));
  }

  private void ramps(Graphics2D g) {
    Color[] ends = {Color.WHITE, Color.RED, Color.GREEN, Color.BLUE};
    double band = height / (double) ends.length;
    for (int i = 0; i < ends.length; i++) {
      g.setPaint(new GradientPaint(0, 0, Color.BLACK, width, 0, ends[i]));
      g.fill(new Rectangle2D.Double(0, i * band, width, band + 1));
    }
  }

  private void testCard(Graphics2D g) {
    grid(g);
    double r = 0.4 * height;
    g.setColor(new Color(90, 90, 90));
    g.fill(new Ellipse2D.Double(width / 2.0 - r, height / 2.0 - r, 2 * r, 2 * r));
    Color[] blocks = {Color.YELLOW, Color.CYAN, Color.GREEN, Color.MAGENTA, Color.RED, Color.BLUE};
    double block = 1.6 * r / blocks.length;
    for (int i = 0; i < blocks.length; i++) {
      g.setColor(blocks[i]);
      g.fill(
          new Rectangle2D.Double(
              width / 2.0 - 0.8 * r + i * block, height / 2.0 - 0.45 * r, block + 1, 0.4 * r));
    }
    for (int i = 0; i < 8; i++) {
      g.setColor(new Color(i * 36, i * 36, i * 36));
      g.fill(
          new Rectangle2D.Double(
              width / 2.0 - 0.8 * r + i * 0.2 * r, height / 2.0 + 0.05 * r, 0.2 * r + 1, 0.3 * r));
    }
  }

  /** A sweep hand going round and a running clock, as on a line-up card. */
  private void testCardMotion(Graphics2D g, double t) {
    double r = 0.4 * height;
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke(3));
    g.draw(
        new Arc2D.Double(
            width / 2.0 - r, height / 2.0 - r, 2 * r, 2 * r, 90, -360 * (t % 1.0), Arc2D.OPEN));
    g.setFont(new Font(Font.MONOSPACED, Font.BOLD, Math.max(10, height / 14)));
    g.drawString(
        String.format(
            Locale.ROOT, "00:%02d:%02d:%02d", (int) t / 60, (int) t % 60, (int) (t * 25) % 25),
        (int) (width / 2.0 - 0.6 * r),
        (int) (height / 2.0 + 0.7 * r));
  }

  private void talkingHead(Graphics2D g, double t) {
    float loudness =
        envelope.length == 0
            ? 0
            : envelope[Math.min(envelope.length - 1, (int) (t / ENVELOPE_SECONDS))];
    double cx = width / 2.0 + 0.02 * width * Math.sin(0.8 * t);
    double headHeight = 0.5 * height;
    double headWidth = 0.72 * headHeight;
    double top = 0.17 * height + 0.01 * height * loudness; // a slight nod on stressed syllables
    g.setColor(accent.darker());
    g.fill(
        new RoundRectangle2D.Double(
            cx - 0.7 * headHeight, top + 0.9 * headHeight, 1.4 * headHeight, height, 60, 60));
    Color skin =
        Color.getHSBColor(
            0.07f,
            0.35f + 0.25f * (accent.getBlue() / 255f),
            0.45f + 0.45f * (accent.getRed() / 255f));
    g.setColor(skin.darker());
    g.fill(
        new Rectangle2D.Double(
            cx - 0.15 * headWidth, top + 0.8 * headHeight, 0.3 * headWidth, 0.25 * headHeight));
    g.setColor(skin);
    g.fill(new Ellipse2D.Double(cx - headWidth / 2, top, headWidth, headHeight));
    g.setColor(new Color(50, 35, 25));
    g.fill(
        new Arc2D.Double(
            cx - headWidth / 2,
            top - 0.05 * headHeight,
            headWidth,
            0.6 * headHeight,
            0,
            180,
            Arc2D.CHORD));
    // eyes, closed for 0.15 s every few seconds
    boolean blink = (t + accent.getGreen() / 100.0) % 3.7 < 0.15;
    double eyeY = top + 0.42 * headHeight;
    for (int side = -1; side <= 1; side += 2) {
      double ex = cx + side * 0.2 * headWidth;
      g.setColor(Color.WHITE);
      g.fill(
          new Ellipse2D.Double(
              ex - 0.09 * headWidth,
              eyeY - (blink ? 0.005 : 0.04) * headHeight,
              0.18 * headWidth,
              (blink ? 0.01 : 0.08) * headHeight));
      if (!blink) {
        g.setColor(new Color(40, 30, 20));
        g.fill(
            new Ellipse2D.Double(
                ex - 0.035 * headWidth,
                eyeY - 0.03 * headHeight,
                0.07 * headWidth,
                0.06 * headHeight));
      }
    }
    g.setColor(skin.darker());
    g.setStroke(new BasicStroke(2));
    g.draw(
        new Line2D.Double(
            cx, eyeY + 0.05 * headHeight, cx - 0.03 * headWidth, eyeY + 0.2 * headHeight));
    double mouthOpen = (0.015 + 0.12 * loudness) * headHeight;
    g.setColor(new Color(110, 30, 35));
    g.fill(
        new Ellipse2D.Double(
            cx - 0.17 * headWidth,
            top + 0.75 * headHeight - mouthOpen / 2,
            0.34 * headWidth,
            mouthOpen));
  }

  private void slide(Graphics2D g, Random random) {
    g.setColor(new Color(245, 245, 240));
    g.fillRect(0, 0, width, height);
    g.setColor(accent);
    g.fillRect(0, 0, width, height / 6);
    g.setColor(Color.WHITE);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, height / 14)));
    g.drawString(NonMusicSound.phrase(random, 2 + random.nextInt(3)), width / 20, height / 9);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(8, height / 20)));
    int bullets = 3 + random.nextInt(3);
    for (int i = 0; i < bullets; i++) {
      int y = height / 4 + i * height / 8;
      g.setColor(accent.darker());
      g.fillOval(width / 16, y - height / 40, height / 40, height / 40);
      g.setColor(new Color(40, 40, 40));
      g.drawString(
          NonMusicSound.phrase(random, 2 + random.nextInt(4)), width / 16 + height / 20, y);
    }
    if (random.nextBoolean()) {
      // a bar chart in the corner
      for (int i = 0; i < 4; i++) {
        double barHeight = height * (0.08 + 0.2 * random.nextDouble());
        g.setColor(i % 2 == 0 ? accent : accent.brighter());
        g.fill(
            new Rectangle2D.Double(
                width * (0.66 + 0.07 * i), height * 0.92 - barHeight, width * 0.05, barHeight));
      }
    }
  }

  private void street(Graphics2D g, Random random) {
    g.setPaint(
        new GradientPaint(
            0, 0, new Color(110, 160, 215), 0, height / 2f, new Color(200, 215, 230)));
    g.fillRect(0, 0, width, height);
    for (double x = -10; x < width; ) {
      double w = width * (0.12 + 0.18 * random.nextDouble());
      double top = height * (0.1 + 0.4 * random.nextDouble());
      Color wall = Backdrop.mutedColour(random);
      g.setColor(wall);
      g.fill(new Rectangle2D.Double(x, top, w, 0.72 * height - top));
      g.setColor(wall.darker().darker());
      for (double wy = top + 8; wy < 0.66 * height; wy += 14) {
        for (double wx = x + 5; wx < x + w - 8; wx += 12)
          g.fill(new Rectangle2D.Double(wx, wy, 6, 8));
      }
      x += w + 2;
    }
    g.setColor(new Color(60, 60, 65));
    g.fill(new Rectangle2D.Double(0, 0.72 * height, width, 0.28 * height));
    g.setColor(new Color(230, 230, 220));
    for (double x = 0; x < width; x += 40) g.fill(new Rectangle2D.Double(x, 0.86 * height, 20, 3));
  }

  private static void car(Graphics2D g, double x, double y, Color colour) {
    g.setColor(colour);
    g.fill(new RoundRectangle2D.Double(x, y - 22, 70, 18, 8, 8));
    g.fill(new RoundRectangle2D.Double(x + 14, y - 34, 40, 16, 10, 10));
    g.setColor(Color.DARK_GRAY);
    g.fill(new Ellipse2D.Double(x + 8, y - 10, 14, 14));
    g.fill(new Ellipse2D.Double(x + 48, y - 10, 14, 14));
  }

  /** A wall, a floor, a window and some furniture. */
  private void room(Graphics2D g, Random random) {
    g.setColor(Backdrop.mutedColour(random));
    g.fillRect(0, 0, width, height);
    g.setColor(Backdrop.mutedColour(random).darker());
    g.fill(new Rectangle2D.Double(0, 0.7 * height, width, 0.3 * height));
    g.drawImage(
        Prop.WINDOW.draw((int) (0.4 * height), random),
        (int) (width * (0.1 + 0.5 * random.nextDouble())),
        (int) (0.12 * height),
        null);
    Prop[] furniture = {Prop.LAMP, Prop.CHAIR, Prop.PLANT};
    for (Prop prop : furniture) {
      BufferedImage image = prop.draw((int) (height * (prop == Prop.LAMP ? 0.6 : 0.35)), random);
      int x = (int) ((width - image.getWidth()) * random.nextDouble());
      g.drawImage(image, x, (int) (0.8 * height) - image.getHeight(), null);
    }
  }
}
