package io.pixelplayer.jobs.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CameraTest {
  private static final int W = 320;
  private static final int H = 240;
  private static final CameraSettings FRAMING_ONLY =
      new CameraSettings(true, 0, 0, 0, 0, 1.15, 4, 3, 0);

  @Test
  void boxesFollowTheCamerasZoomTiltAndShake() {
    BufferedImage scene = scene(new Color(40, 60, 90));
    double[] box = {100 / (double) W, 60 / (double) H, 180 / (double) W, 200 / (double) H};
    for (long seed = 0; seed < 4; seed++) {
      Camera camera = new Camera(FRAMING_ONLY, W, H, new Random(seed));
      for (double t : new double[] {0, 0.7, 1.9}) {
        double[] framed = camera.frame(box, t);
        double[] seen = bright(camera.film(scene, t));
        // the framed box is the rotated rectangle's bounding box: it holds what is seen, a little
        // larger when tilted
        assertThat(seen[0]).isCloseTo(framed[0], within(0.03));
        assertThat(seen[1]).isCloseTo(framed[1], within(0.03));
        assertThat(seen[2]).isCloseTo(framed[2], within(0.03));
        assertThat(seen[3]).isCloseTo(framed[3], within(0.03));
      }
      // zoomed in far enough that no empty border shows
      BufferedImage frame = camera.film(scene, 0.3);
      assertThat(new Color(frame.getRGB(0, 0))).isNotEqualTo(Color.BLACK);
      assertThat(new Color(frame.getRGB(W - 1, H - 1))).isNotEqualTo(Color.BLACK);
    }
  }

  @Test
  void blackAndWhiteVideosHaveNoColourAndTheSameSeedFilmsTheSame() {
    BufferedImage scene = scene(new Color(200, 40, 30));
    CameraSettings grey = new CameraSettings(true, 25, 1, 1.2, 1, 1.15, 4, 3, 3);

    byte[] filmed = bytes(new Camera(grey, W, H, new Random(5)).film(scene, 1));

    for (int i = 0; i < filmed.length; i += 3 * 97) {
      assertThat(Math.abs((filmed[i] & 0xff) - (filmed[i + 2] & 0xff)))
          .isLessThanOrEqualTo(12); // JPEG's chroma error
    }
    assertThat(bytes(new Camera(grey, W, H, new Random(5)).film(scene, 1))).isEqualTo(filmed);
    assertThat(bytes(new Camera(grey, W, H, new Random(6)).film(scene, 1))).isNotEqualTo(filmed);
  }

  private static BufferedImage scene(Color background) {
    BufferedImage scene = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = scene.createGraphics();
    g.setColor(background);
    g.fillRect(0, 0, W, H);
    g.setColor(Color.WHITE);
    g.fillRect(100, 60, 80, 140);
    g.dispose();
    return scene;
  }

  private static byte[] bytes(BufferedImage image) {
    return ((DataBufferByte) image.getRaster().getDataBuffer()).getData().clone();
  }

  /** The box of near-white pixels, in 0..1. */
  private static double[] bright(BufferedImage image) {
    int x0 = W;
    int y0 = H;
    int x1 = -1;
    int y1 = -1;
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        int rgb = image.getRGB(x, y);
        if (((rgb >> 16) & 255) > 150 && ((rgb >> 8) & 255) > 150 && (rgb & 255) > 150) {
          x0 = Math.min(x0, x);
          y0 = Math.min(y0, y);
          x1 = Math.max(x1, x + 1);
          y1 = Math.max(y1, y + 1);
        }
      }
    }
    return new double[] {x0 / (double) W, y0 / (double) H, x1 / (double) W, y1 / (double) H};
  }
}
