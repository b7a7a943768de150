package io.pixelplayer.jobs.synth.art;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pixelplayer.model.Instruments;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArtLibraryTest {
  /** Variations of each instrument compared in the drawn style's tests. */
  private static final int VARIATIONS = 6;

  /**
   * A ukulele is a small four-string guitar: scaled to one size their silhouettes are alike by
   * nature (they differ in colour, strings and pickguard), so neither counts as the other's nearest
   * neighbour in silhouette.
   */
  private static final Map<String, String> SILHOUETTE_TWINS =
      Map.of("acoustic_guitar", "ukulele", "ukulele", "acoustic_guitar");

  @Test
  void theBuiltInStylesAreFourEmojiStylesAndDrawn() {
    assertThat(ArtLibrary.styles())
        .containsExactly("noto", "twemoji", "fluent", "fluent_flat", "drawn");
    assertThat(ArtLibrary.builtIn("fluent").reservedForEvaluation()).isFalse();
    assertThat(ArtLibrary.builtIn("twemoji").reservedForEvaluation()).isTrue();
    assertThat(ArtLibrary.builtIn("drawn").reservedForEvaluation()).isFalse();
    assertThat(ArtLibrary.builtIn("drawn").varied()).isTrue();
    assertThat(ArtLibrary.builtIn("noto").varied()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"noto", "twemoji", "fluent", "fluent_flat", "drawn"})
  void everyStyleHasEveryInstrumentAsATightlyCroppedPictureOnATransparentBackground(String style) {
    ArtLibrary library = ArtLibrary.builtIn(style);
    assertThat(library.style()).isEqualTo(style);
    assertThat(library.instruments()).containsExactlyElementsOf(Instruments.ALL);
    for (String instrument : Instruments.ALL) {
      BufferedImage image = library.picture(instrument, new Random(0));
      assertThat(image.getType()).as(instrument).isEqualTo(BufferedImage.TYPE_INT_ARGB);
      assertThat(Math.max(image.getWidth(), image.getHeight())).as(instrument).isBetween(200, 256);
      // The keyboard emoji is a rounded square: only its corners are transparent.
      double mostOpaque = instrument.equals("piano") ? 0.999 : 0.95;
      assertThat(fraction(image, 128, 256))
          .as(instrument + " opaque share")
          .isBetween(0.08, mostOpaque);
      assertThat(fraction(image, 0, 1)).as(instrument + " transparent share").isPositive();
      assertTight(image, instrument);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"twemoji", "fluent", "fluent_flat"})
  void everyEmojiStyleLooksClearlyDifferentFromNotoForEveryInstrument(String style) {
    ArtLibrary noto = ArtLibrary.builtIn("noto");
    ArtLibrary other = ArtLibrary.builtIn(style);
    StringBuilder report = new StringBuilder(style + ", colour difference from noto:");
    for (String instrument : Instruments.ALL) {
      double difference =
          colourDifference(
              thumbnail(noto.picture(instrument, new Random(0)), 64),
              thumbnail(other.picture(instrument, new Random(0)), 64));
      report.append(String.format(Locale.ROOT, " %s %.2f", instrument, difference));
      assertThat(difference).as(instrument).isGreaterThan(0.06);
    }
    System.out.println(report);
  }

  @Test
  void theFixedStylesIgnoreTheVariationSeed() {
    ArtLibrary noto = ArtLibrary.builtIn("noto");
    assertThat(pixels(noto.picture("violin", new Random(1))))
        .isEqualTo(pixels(noto.picture("violin", new Random(2))));
  }

  @Test
  void theDrawnStyleGivesTheSamePictureForTheSameSeedAndADifferentOneForAnother() {
    ArtLibrary drawn = ArtLibrary.builtIn("drawn");
    StringBuilder report = new StringBuilder("drawn, colour difference of seeds 7 and 8:");
    for (String instrument : Instruments.ALL) {
      BufferedImage first = drawn.picture(instrument, new Random(7));
      assertThat(pixels(drawn.picture(instrument, new Random(7))))
          .as(instrument)
          .isEqualTo(pixels(first));
      double difference =
          colourDifference(
              thumbnail(first, 64), thumbnail(drawn.picture(instrument, new Random(8)), 64));
      report.append(String.format(Locale.ROOT, " %s %.2f", instrument, difference));
      assertThat(difference).as(instrument + " seeds 7 and 8").isGreaterThan(0.1);
    }
    System.out.println(report);
  }

  /**
   * Silhouettes (alpha on 32 px squares, compared up to a mirror image, as the drawn style mirrors
   * some videos) of two variations of one design of an instrument are closer than those of two
   * instruments; an instrument's designs (a grand and an upright piano) may differ more.
   */
  @Test
  void theDrawnStyleVariesEachDesignLessThanInstrumentsDifferFromEachOther() {
    Map<String, List<List<double[]>>> silhouettes = new LinkedHashMap<>();
    for (String instrument : Instruments.ALL) {
      List<List<double[]>> designs = new ArrayList<>();
      for (int d = 0; d < Drawings.designs(instrument); d++) {
        List<double[]> variations = new ArrayList<>();
        for (int v = 0; v < VARIATIONS; v++) {
          DrawnLook look = new DrawnLook(new Random(100 + v));
          variations.add(silhouette(Drawings.draw(instrument, d, look, 240)));
        }
        designs.add(variations);
      }
      silhouettes.put(instrument, designs);
    }
    double within = 0;
    double between = 0;
    int designs = 0;
    StringBuilder report = new StringBuilder();
    Map<String, double[]> ownAndNearest = new LinkedHashMap<>();
    for (String instrument : Instruments.ALL) {
      for (int d = 0; d < silhouettes.get(instrument).size(); d++) {
        List<double[]> design = silhouettes.get(instrument).get(d);
        double own = meanDistance(design, design);
        String nearest = null;
        double nearestDistance = Double.MAX_VALUE;
        double others = 0;
        for (String other : Instruments.ALL) {
          if (other.equals(instrument)) continue;
          double toOther = 0;
          for (List<double[]> otherDesign : silhouettes.get(other)) {
            double distance = meanDistance(design, otherDesign);
            toOther += distance;
            if (distance < nearestDistance && !other.equals(SILHOUETTE_TWINS.get(instrument))) {
              nearestDistance = distance;
              nearest = other;
            }
          }
          others += toOther / silhouettes.get(other).size();
        }
        others /= Instruments.ALL.size() - 1;
        within += own;
        between += others;
        designs++;
        String name = instrument + (d == 0 ? "" : " #" + (d + 1));
        report.append(
            String.format(
                Locale.ROOT,
                "%-18s within %.3f  others %.3f  nearest %s %.3f%n",
                name,
                own,
                others,
                nearest,
                nearestDistance));
        ownAndNearest.put(name, new double[] {own, others, nearestDistance});
      }
    }
    within /= designs;
    between /= designs;
    System.out.printf(
        Locale.ROOT,
        "drawn silhouettes: mean within %.3f, mean between %.3f%n%s",
        within,
        between,
        report);
    assertThat(designs).isGreaterThan(Instruments.ALL.size());
    assertThat(within).isLessThan(0.5 * between);
    ownAndNearest.forEach(
        (design, d) -> {
          assertThat(d[0])
              .as(design + " within vs its mean distance to the others")
              .isLessThan(0.75 * d[1]);
          assertThat(d[0]).as(design + " within vs its nearest other instrument").isLessThan(d[2]);
        });
  }

  @Test
  void pictureIsACopyAndUnknownNamesSayWhatIsKnown() {
    ArtLibrary noto = ArtLibrary.builtIn("noto");
    BufferedImage first = noto.picture("violin", new Random(0));
    first.setRGB(0, 0, 0xFF123456);
    assertThat(noto.picture("violin", new Random(0)).getRGB(0, 0)).isNotEqualTo(0xFF123456);
    assertThatThrownBy(() -> noto.picture("theremin", new Random(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("theremin")
        .hasMessageContaining("violin");
    assertThatThrownBy(() -> ArtLibrary.builtIn("openmoji"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("openmoji")
        .hasMessageContaining("noto")
        .hasMessageContaining("twemoji");
  }

  @Test
  void fromDirectoryCropsEachPictureToItsOpaquePixels(@TempDir Path dir) throws Exception {
    writePicture(dir.resolve("violin.png"), 100, 80, 20, 10, 30, 40);
    writePicture(dir.resolve("cello.png"), 64, 64, 0, 0, 64, 64);

    ArtLibrary library = ArtLibrary.fromDirectory(dir, List.of("violin", "cello"));

    assertThat(library.style()).isEqualTo(dir.getFileName().toString());
    assertThat(library.instruments()).containsExactly("violin", "cello");
    BufferedImage violin = library.picture("violin", new Random(0));
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
    ImageIO.write(
        new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB),
        "png",
        dir.resolve("flute.png").toFile());

    assertThatThrownBy(
            () ->
                ArtLibrary.fromDirectory(
                    dir, List.of("violin", "tuba", "cello", "erhu", "drum", "flute", "pipa")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tuba.png")
        .hasMessageContaining("erhu.png")
        .hasMessageContaining("pipa.png")
        .hasMessageContaining("--instruments")
        .hasMessageContaining("cello.png (not a PNG file)")
        .hasMessageContaining("drum.png (no alpha channel")
        .hasMessageContaining("flute.png (picture is fully transparent)")
        .hasMessageNotContaining("violin.png");
  }

  @Test
  void fromDirectoryChecksItsArguments(@TempDir Path dir) {
    assertThatThrownBy(() -> ArtLibrary.fromDirectory(dir.resolve("absent"), List.of("violin")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absent");
    assertThatThrownBy(() -> ArtLibrary.fromDirectory(dir, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no instruments");
    assertThatThrownBy(() -> ArtLibrary.fromDirectory(dir, List.of("../violin")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("../violin");
  }

  /** A transparent PNG with an opaque rectangle in it. */
  private static void writePicture(Path file, int width, int height, int x, int y, int w, int h)
      throws Exception {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(x, y, w, h);
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }

  private static double fraction(BufferedImage image, int minAlpha, int maxAlphaExclusive) {
    int[] pixels =
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
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

  private static int[] pixels(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  /**
   * Mean RGBA difference (0-1) of two thumbnails over the pixels either covers (the shared
   * background would dilute it).
   */
  private static double colourDifference(int[] a, int[] b) {
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
    return difference / (covered * 4 * 255.0);
  }

  /** The picture's coverage (alpha 0-1) on a 32 px square, centred. */
  private static double[] silhouette(BufferedImage image) {
    int[] rgba = thumbnail(image, 32);
    double[] alpha = new double[rgba.length / 4];
    for (int i = 0; i < alpha.length; i++) {
      alpha[i] = rgba[4 * i + 3] / 255.0;
    }
    return alpha;
  }

  /**
   * Share of the covered area where two silhouettes disagree, the lesser of as they are and one
   * mirrored.
   */
  private static double silhouetteDistance(double[] a, double[] b) {
    double straight = 0;
    double mirrored = 0;
    double covered = 0;
    for (int i = 0; i < a.length; i++) {
      int mirror = (i / 32) * 32 + 31 - i % 32;
      straight += Math.abs(a[i] - b[i]);
      mirrored += Math.abs(a[i] - b[mirror]);
      covered += Math.max(a[i], b[i]);
    }
    return Math.min(straight, mirrored) / Math.max(covered, 1);
  }

  /**
   * Mean distance over the pairs of silhouettes, one from each list (each pair once when the lists
   * are one).
   */
  private static double meanDistance(List<double[]> as, List<double[]> bs) {
    double sum = 0;
    int pairs = 0;
    for (int i = 0; i < as.size(); i++) {
      for (int j = as == bs ? i + 1 : 0; j < bs.size(); j++) {
        sum += silhouetteDistance(as.get(i), bs.get(j));
        pairs++;
      }
    }
    return sum / pairs;
  }

  /**
   * The picture centred in a square {@code side} pixels wide, as premultiplied RGBA samples 0-255
   * (so that all transparent pixels compare equal whatever their colour).
   */
  private static int[] thumbnail(BufferedImage image, int side) {
    BufferedImage small = Images.fit(image, side);
    BufferedImage square = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB_PRE);
    Graphics2D g = square.createGraphics();
    g.drawImage(small, (side - small.getWidth()) / 2, (side - small.getHeight()) / 2, null);
    g.dispose();
    return square.getRaster().getPixels(0, 0, side, side, (int[]) null);
  }
}
