package io.pixelplayer.jobs.synth.art;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pixelplayer.model.Instruments;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArtLibraryTest {
  @Test
  void theBuiltInStylesAreNotoAndTwemoji() {
    assertThat(ArtLibrary.styles()).containsExactly("noto", "twemoji");
  }

  @ParameterizedTest
  @ValueSource(strings = {"noto", "twemoji"})
  void everyStyleHasEveryInstrumentAsATightlyCroppedPictureOnATransparentBackground(String style) {
    ArtLibrary library = ArtLibrary.builtIn(style);
    assertThat(library.style()).isEqualTo(style);
    assertThat(library.instruments()).containsExactlyElementsOf(Instruments.ALL);
    for (String instrument : Instruments.ALL) {
      BufferedImage image = library.image(instrument);
      assertThat(image.getType()).as(instrument).isEqualTo(BufferedImage.TYPE_INT_ARGB);
      assertThat(Math.max(image.getWidth(), image.getHeight())).as(instrument).isBetween(200, 256);
      // The keyboard emoji is a rounded square: only its corners are transparent.
      double mostOpaque = instrument.equals("piano") ? 0.999 : 0.95;
      assertThat(fraction(image, 128, 256)).as(instrument + " opaque share").isBetween(0.08, mostOpaque);
      assertThat(fraction(image, 0, 1)).as(instrument + " transparent share").isPositive();
      assertTight(image, instrument);
    }
  }

  @Test
  void theTwoStylesLookClearlyDifferentForEveryInstrument() {
    ArtLibrary noto = ArtLibrary.builtIn("noto");
    ArtLibrary twemoji = ArtLibrary.builtIn("twemoji");
    for (String instrument : Instruments.ALL) {
      int[] a = thumbnail(noto.image(instrument));
      int[] b = thumbnail(twemoji.image(instrument));
      // mean RGBA difference over the pixels either picture covers (the shared empty background would dilute it)
      double difference = 0;
      int covered = 0;
      for (int i = 0; i < a.length; i += 4) {
        if (a[i + 3] > 0 || b[i + 3] > 0) {
          covered++;
          for (int band = 0; band < 4; band++) {
            difference += Math.abs(a[i + band] - b[i + band]);
          }
        }
      }
      assertThat(difference / (covered * 4 * 255.0)).as(instrument).isGreaterThan(0.06);
    }
  }

  @Test
  void imageIsACopyAndUnknownNamesSayWhatIsKnown() {
    ArtLibrary noto = ArtLibrary.builtIn("noto");
    BufferedImage first = noto.image("violin");
    first.setRGB(0, 0, 0xFF123456);
    assertThat(noto.image("violin").getRGB(0, 0)).isNotEqualTo(0xFF123456);
    assertThatThrownBy(() -> noto.image("theremin"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("theremin").hasMessageContaining("violin");
    assertThatThrownBy(() -> ArtLibrary.builtIn("openmoji"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("openmoji").hasMessageContaining("noto").hasMessageContaining("twemoji");
  }

  @Test
  void fromDirectoryCropsEachPictureToItsOpaquePixels(@TempDir Path dir) throws Exception {
    writePicture(dir.resolve("violin.png"), 100, 80, 20, 10, 30, 40);
    writePicture(dir.resolve("cello.png"), 64, 64, 0, 0, 64, 64);

    ArtLibrary library = ArtLibrary.fromDirectory(dir, List.of("violin", "cello"));

    assertThat(library.style()).isEqualTo(dir.getFileName().toString());
    assertThat(library.instruments()).containsExactly("violin", "cello");
    BufferedImage violin = library.image("violin");
    assertThat(violin.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
    assertThat(violin.getWidth()).isEqualTo(30);
    assertThat(violin.getHeight()).isEqualTo(40);
  }

  @Test
  void fromDirectoryNamesEveryMissingAndUnusableFileAtOnce(@TempDir Path dir) throws Exception {
    writePicture(dir.resolve("violin.png"), 16, 16, 0, 0, 8, 8);
    Files.writeString(dir.resolve("cello.png"), "not a picture");
    BufferedImage opaque = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    ImageIO.write(opaque, "png", dir.resolve("drum.png").toFile());
    ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB), "png", dir.resolve("flute.png").toFile());

    assertThatThrownBy(() -> ArtLibrary.fromDirectory(dir,
        List.of("violin", "tuba", "cello", "erhu", "drum", "flute", "pipa")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tuba.png").hasMessageContaining("erhu.png").hasMessageContaining("pipa.png")
        .hasMessageContaining("--instruments")
        .hasMessageContaining("cello.png (not a PNG file)")
        .hasMessageContaining("drum.png (no alpha channel")
        .hasMessageContaining("flute.png (picture is fully transparent)")
        .hasMessageNotContaining("violin.png");
  }

  @Test
  void fromDirectoryChecksItsArguments(@TempDir Path dir) {
    assertThatThrownBy(() -> ArtLibrary.fromDirectory(dir.resolve("absent"), List.of("violin")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absent");
    assertThatThrownBy(() -> ArtLibrary.fromDirectory(dir, List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no instruments");
    assertThatThrownBy(() -> ArtLibrary.fromDirectory(dir, List.of("../violin")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("../violin");
  }

  /** A transparent PNG with an opaque rectangle in it. */
  private static void writePicture(Path file, int width, int height, int x, int y, int w, int h) throws Exception {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(x, y, w, h);
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }

  private static double fraction(BufferedImage image, int minAlpha, int maxAlphaExclusive) {
    int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    long count = 0;
    for (int pixel : pixels) {
      int alpha = pixel >>> 24;
      if (alpha >= minAlpha && alpha < maxAlphaExclusive) {
        count++;
      }
    }
    return (double) count / pixels.length;
  }

  /** Every edge row and column of a tight crop has a pixel that is not fully transparent. */
  private static void assertTight(BufferedImage image, String instrument) {
    int w = image.getWidth();
    int h = image.getHeight();
    assertThat(anyVisible(image, 0, 0, w, 1)).as(instrument + " top row").isTrue();
    assertThat(anyVisible(image, 0, h - 1, w, 1)).as(instrument + " bottom row").isTrue();
    assertThat(anyVisible(image, 0, 0, 1, h)).as(instrument + " left column").isTrue();
    assertThat(anyVisible(image, w - 1, 0, 1, h)).as(instrument + " right column").isTrue();
  }

  private static boolean anyVisible(BufferedImage image, int x, int y, int w, int h) {
    for (int pixel : image.getRGB(x, y, w, h, null, 0, w)) {
      if (pixel >>> 24 != 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The picture centred in a 64 px square, as premultiplied RGBA samples 0-255 (so that all transparent pixels
   * compare equal whatever their colour).
   */
  private static int[] thumbnail(BufferedImage image) {
    BufferedImage small = Images.fit(image, 64);
    BufferedImage square = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB_PRE);
    Graphics2D g = square.createGraphics();
    g.drawImage(small, (64 - small.getWidth()) / 2, (64 - small.getHeight()) / 2, null);
    g.dispose();
    return square.getRaster().getPixels(0, 0, 64, 64, (int[]) null);
  }
}
