package io.pixelplayer.model.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.pixelplayer.model.train.TestClips;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameImagesTest {
  private static final int S = 8;
  private static final int PLANE = S * S;

  @Test
  void aSolidColourBecomesItsImageNetNormalisedValue() {
    float[] out = new float[3 * PLANE];
    new FrameImages(S)
        .load(
            TestClips.solidJpeg(24, 24, new Color(200, 100, 50)),
            FrameImages.Placement.CENTRED,
            out,
            0);

    int[] rgb = {200, 100, 50};
    for (int c = 0; c < 3; c++) {
      for (int p = 0; p < PLANE; p++) {
        assertThat(out[c * PLANE + p])
            .isCloseTo(TestClips.normalised(rgb[c], c), within(4 / 255f / FrameImages.STD[c]));
      }
    }
  }

  @Test
  void shrinkingAveragesFineDetailInsteadOfAliasingIt() {
    // A one-pixel black and white checkerboard, 4x smaller: mid grey everywhere (PNG, so the pixels
    // are exact).
    BufferedImage board = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) board.setRGB(x, y, (x + y) % 2 == 0 ? 0xffffff : 0);
    }
    float[] out = new float[3 * PLANE];
    new FrameImages(S).load(TestClips.encode(board, "png"), FrameImages.Placement.CENTRED, out, 0);

    for (int c = 0; c < 3; c++) {
      for (int p = 0; p < PLANE; p++) {
        assertThat(out[c * PLANE + p]).isCloseTo(TestClips.normalised(128, c), within(0.1f));
      }
    }
  }

  @Test
  void wideFramesAreCutInTheMiddleAndFlippingMirrorsThem() {
    // 16x8 grey, already at the frame height (so no resampling): white quarters outside the centre
    // square,
    // whose left half is dark and right half light.
    BufferedImage wide = new BufferedImage(16, 8, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 16; x++)
        wide.getRaster().setSample(x, y, 0, x < 4 || x >= 12 ? 255 : x < 8 ? 20 : 230);
    }
    byte[] png = TestClips.encode(wide, "png");
    FrameImages images = new FrameImages(S);
    float[] plain = new float[3 * PLANE];
    float[] mirrored = new float[3 * PLANE];
    images.load(png, FrameImages.Placement.CENTRED, plain, 0);
    images.load(png, new FrameImages.Placement(false, 0.5, 0.5, true), mirrored, 0);

    for (int y = 0; y < S; y++) {
      for (int x = 0; x < S; x++) {
        assertThat(plain[y * S + x])
            .isCloseTo(TestClips.normalised(x < 4 ? 20 : 230, 0), within(1e-5f));
        assertThat(mirrored[y * S + x]).isEqualTo(plain[y * S + S - 1 - x]);
      }
    }
  }

  @Test
  void augmentationCutsARandomSquareOfTheFrameEnlargedByATenth() {
    // 20-pixel frames from 22x22 (= int(1.1 * 20), so no resampling) with the two left columns
    // black: only
    // the left-most of the three possible squares starts black.
    BufferedImage edge = new BufferedImage(22, 22, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 22; y++) {
      for (int x = 0; x < 22; x++) edge.setRGB(x, y, x < 2 ? 0 : 0xffffff);
    }
    byte[] png = TestClips.encode(edge, "png");
    FrameImages images = new FrameImages(20);
    float[] left = new float[3 * 400];
    float[] right = new float[3 * 400];
    images.load(png, new FrameImages.Placement(true, 0, 0, false), left, 0);
    images.load(png, new FrameImages.Placement(true, 0.99, 0.99, false), right, 0);

    assertThat(left[0]).isCloseTo(TestClips.normalised(0, 0), within(1e-5f));
    assertThat(left[2]).isCloseTo(TestClips.normalised(255, 0), within(1e-5f));
    assertThat(right[0]).isCloseTo(TestClips.normalised(255, 0), within(1e-5f));
    assertThat(FrameImages.Placement.random(new Random(1)).augmented()).isTrue();
  }

  @Test
  void bytesThatAreNoImageAreRefused() {
    assertThatThrownBy(
            () ->
                new FrameImages(S)
                    .load(
                        new byte[] {1, 2, 3},
                        FrameImages.Placement.CENTRED,
                        new float[3 * PLANE],
                        0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("frame of 3 bytes is not a readable image");
  }
}
