package io.pixelplayer.jobs.synth.art;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * An overview picture of art libraries: one row per style (a few rows, one per variation, for a
 * style that varies its pictures), one column per instrument, each column labelled with the
 * instrument's name and each row with the style's. {@code ./pixelplayer synth --contact-sheet
 * samples/instruments.png} regenerates the one the README shows.
 */
public final class ContactSheet {
  private static final int CELL = 112;
  private static final int PICTURE = 96;
  private static final int HEADER = 26;
  private static final int ROW_LABEL = 78;
  private static final Color BACKGROUND = Color.WHITE;
  private static final Color GRID = new Color(0xE0E0E0);
  private static final Color TEXT = new Color(0x37474F);

  /** Rows shown of a style that varies its pictures: enough to see that it does. */
  private static final int VARIATIONS = 3;

  /** One row of the sheet: a library's pictures, for one variation seed. */
  private record Row(String label, ArtLibrary library, long variation) {}

  private ContactSheet() {}

  /**
   * The sheet for the libraries; columns are every instrument any of them has, in first-seen order.
   */
  public static BufferedImage render(List<ArtLibrary> libraries) {
    if (libraries.isEmpty()) {
      throw new IllegalArgumentException("a contact sheet needs at least one art library");
    }
    Set<String> instruments = new LinkedHashSet<>();
    List<Row> rows = new ArrayList<>();
    for (ArtLibrary library : libraries) {
      instruments.addAll(library.instruments());
      if (library.varied()) {
        for (int v = 1; v <= VARIATIONS; v++) {
          rows.add(new Row(library.style() + " #" + v, library, v));
        }
      } else {
        rows.add(new Row(library.style(), library, 0));
      }
    }
    // opaque: the sheet has a white background, so an alpha channel would only add bytes
    BufferedImage sheet =
        new BufferedImage(
            ROW_LABEL + CELL * instruments.size(),
            HEADER + CELL * rows.size(),
            BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(BACKGROUND);
    g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    int column = 0;
    for (String instrument : instruments) {
      centredText(g, instrument, ROW_LABEL + column * CELL + CELL / 2, HEADER - 8);
      column++;
    }
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      int top = HEADER + r * CELL;
      centredText(g, row.label(), ROW_LABEL / 2, top + CELL / 2 + 5);
      g.setColor(GRID);
      g.drawLine(0, top, sheet.getWidth(), top);
      column = 0;
      for (String instrument : instruments) {
        if (row.library().instruments().contains(instrument)) {
          BufferedImage picture =
              Images.fit(row.library().picture(instrument, new Random(row.variation())), PICTURE);
          g.drawImage(
              picture,
              ROW_LABEL + column * CELL + (CELL - picture.getWidth()) / 2,
              top + (CELL - picture.getHeight()) / 2,
              null);
        }
        column++;
      }
    }
    g.dispose();
    return sheet;
  }

  /** Renders the sheet and writes it as a PNG file, creating parent directories as needed. */
  public static void write(Path png, List<ArtLibrary> libraries) throws IOException {
    BufferedImage sheet = render(libraries);
    Path parent = png.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    if (!ImageIO.write(sheet, "png", png.toFile())) {
      throw new IOException("no PNG writer available for " + png);
    }
  }

  private static void centredText(Graphics2D g, String text, int centreX, int baseline) {
    FontMetrics metrics = g.getFontMetrics();
    g.setColor(TEXT);
    g.drawString(text, centreX - metrics.stringWidth(text) / 2, baseline);
  }
}
