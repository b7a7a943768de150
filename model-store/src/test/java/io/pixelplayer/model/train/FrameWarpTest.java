package io.pixelplayer.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameWarpTest {
  private static final int SIDE = 9;
  private static final int PLANE = SIDE * SIDE;

  @Test
  void aQuarterTurnStandsAHorizontalBarUpInEveryFrameAndChannel() {
    float[] frames = new float[2 * 3 * PLANE];
    for (int c = 0; c < 2 * 3; c++) {
      for (int x = 0; x < SIDE; x++) frames[c * PLANE + 4 * SIDE + x] = 1; // the middle row
    }

    FrameWarp.warp(frames, 0, 2, SIDE, Math.PI / 2, 1);

    for (int c = 0; c < 2 * 3; c++) {
      for (int y = 0; y < SIDE; y++) {
        for (int x = 0; x < SIDE; x++) {
          assertThat(frames[c * PLANE + y * SIDE + x])
              .as("plane %d at (%d, %d)", c, x, y)
              .isCloseTo(x == 4 ? 1f : 0f, within(1e-5f));
        }
      }
    }
  }

  @Test
  void aTurnIsClockwiseAsShownAndAZoomInSpreadsThePictureFromTheCentre() {
    float[] turned = dotAt(6, 4);
    FrameWarp.warp(turned, 0, 1, SIDE, Math.PI / 2, 1);
    // right of the centre goes below it, y pointing down
    assertThat(turned[6 * SIDE + 4]).isCloseTo(1f, within(1e-5f));

    float[] zoomed = dotAt(6, 4);
    FrameWarp.warp(zoomed, 0, 1, SIDE, 0, 2);
    // two pixels right of the centre moves to four
    assertThat(zoomed[4 * SIDE + 8]).isCloseTo(1f, within(1e-5f));
    assertThat(zoomed[4 * SIDE + 6]).isCloseTo(0f, within(1e-5f));
  }

  @Test
  void noDrawLeavesBlankCornersAndFramesOfAClipStayAlike() {
    FrameWarp warp = new FrameWarp(45);
    Random rng = new Random(3);
    for (int draw = 0; draw < 20; draw++) {
      float[] frames = new float[2 * 3 * PLANE];
      Arrays.fill(frames, 0.7f);
      frames[4 * SIDE + 4] = frames[3 * PLANE + 4 * SIDE + 4] = -1f; // a dark centre

      warp.apply(frames, 0, 2, SIDE, rng);

      for (int p = 0; p < 3 * PLANE; p++) {
        assertThat(frames[3 * PLANE + p]).isEqualTo(frames[p]);
      }
      // corners show the frame mirrored beyond its edges, here its uniform background
      for (int corner : new int[] {0, SIDE - 1, PLANE - SIDE, PLANE - 1}) {
        assertThat(frames[corner]).isCloseTo(0.7f, within(1e-5f));
      }
    }
  }

  private static float[] dotAt(int x, int y) {
    float[] frame = new float[3 * PLANE];
    for (int c = 0; c < 3; c++) frame[c * PLANE + y * SIDE + x] = 1;
    return frame;
  }
}
