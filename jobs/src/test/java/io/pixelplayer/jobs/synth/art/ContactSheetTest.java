package io.pixelplayer.jobs.synth.art;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactSheetTest {

  @Test
  void oneRowPerStyleAndOneColumnPerInstrument(@TempDir Path dir) throws Exception {
    Path art = Files.createDirectory(dir.resolve("mine"));
    for (String instrument : List.of("violin", "cello", "erhu")) {
      BufferedImage picture = new BufferedImage(40, 20, BufferedImage.TYPE_INT_ARGB);
      Graphics2D g = picture.createGraphics();
      g.setColor(Color.RED);
      g.fillRect(0, 0, 40, 20);
      g.dispose();
      ImageIO.write(picture, "png", art.resolve(instrument + ".png").toFile());
    }
    ArtLibrary three = ArtLibrary.fromDirectory(art, List.of("violin", "cello", "erhu"));
    ArtLibrary two = ArtLibrary.fromDirectory(art, List.of("erhu", "violin"));

    BufferedImage threeColumns = ContactSheet.render(List.of(three));
    BufferedImage twoColumns = ContactSheet.render(List.of(two));
    BufferedImage twoRows = ContactSheet.render(List.of(two, three));

    int cell = twoRows.getHeight() - threeColumns.getHeight();
    assertThat(cell).isPositive();
    assertThat(threeColumns.getWidth() - twoColumns.getWidth()).isEqualTo(cell);
    assertThat(twoRows.getWidth()).isEqualTo(threeColumns.getWidth());

    Path png = dir.resolve("sheets/sheet.png");
    ContactSheet.write(png, List.of(three, two));
    BufferedImage read = ImageIO.read(png.toFile());
    assertThat(read.getWidth()).isEqualTo(twoRows.getWidth());
    assertThat(read.getHeight()).isEqualTo(twoRows.getHeight());
  }

  @Test
  void aStyleThatVariesItsPicturesGetsThreeRows() {
    ArtLibrary noto = ArtLibrary.builtIn("noto");
    int oneRow = ContactSheet.render(List.of(noto)).getHeight();
    int cell = ContactSheet.render(List.of(noto, noto)).getHeight() - oneRow;
    assertThat(ContactSheet.render(List.of(noto, ArtLibrary.builtIn("drawn"))).getHeight())
        .isEqualTo(oneRow + 3 * cell);
  }

  @Test
  void needsALibrary() {
    assertThatThrownBy(() -> ContactSheet.render(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one");
  }
}
