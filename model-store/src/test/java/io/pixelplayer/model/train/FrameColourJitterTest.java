package io.pixelplayer.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pixelplayer.model.infer.FrameImages;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameColourJitterTest {
  private static final int SIDE = 4;
  private static final int PLANE = SIDE * SIDE;

  @Test
  void aHueTurnChangesColoursAlikeInEveryFrameAndKeepsGreysGrey() {
    float[] frames = new float[2 * 3 * PLANE];
    for (int f = 0; f < 2; f++) {
      fill(frames, f, 0, 0.8, 0.2, 0.1); // an orange pixel
      fill(frames, f, 1, 0.5, 0.5, 0.5); // a grey one
    }
    FrameColourJitter jitter = new FrameColourJitter(90);

    Random rng = new Random(1);
    int changed = 0;
    for (int draw = 0; draw < 20; draw++) {
      float[] values = frames.clone();
      jitter.apply(values, 0, 2, SIDE, rng);
      double[] orange = rgb(values, 0, 0);
      double[] grey = rgb(values, 0, 1);
      assertThat(rgb(values, 1, 0)).containsExactly(orange);
      assertThat(grey[0]).isCloseTo(grey[1], within(1e-4)).isCloseTo(grey[2], within(1e-4));
      for (double v : orange) assertThat(v).isBetween(0.0, 1.0);
      // red no longer the strongest channel: the hue moved by more than the orange's own width
      if (orange[0] < Math.max(orange[1], orange[2])) changed++;
    }
    assertThat(changed).isBetween(3, 17);
  }

  private static void fill(float[] values, int frame, int pixel, double r, double g, double b) {
    double[] rgb = {r, g, b};
    for (int c = 0; c < 3; c++) {
      values[frame * 3 * PLANE + c * PLANE + pixel] =
          (float) ((rgb[c] - FrameImages.MEAN[c]) / FrameImages.STD[c]);
    }
  }

  private static double[] rgb(float[] values, int frame, int pixel) {
    double[] rgb = new double[3];
    for (int c = 0; c < 3; c++) {
      rgb[c] =
          values[frame * 3 * PLANE + c * PLANE + pixel] * FrameImages.STD[c] + FrameImages.MEAN[c];
    }
    return rgb;
  }
}
