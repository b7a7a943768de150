package io.pixelplayer.jobs.synth.art;

import io.pixelplayer.model.Instruments;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Pictures of instruments in one art style, as the synthetic-video renderer pastes them into
 * frames. Every picture is ARGB on a transparent background, cropped tightly to its non-transparent
 * pixels.
 *
 * <p>The built-in styles: {@code noto}, {@code twemoji}, {@code fluent} and {@code fluent_flat}
 * combine open emoji art (Noto, Apache-2.0; Twemoji, CC-BY-4.0; Fluent, MIT: see {@code
 * io/pixelplayer/art/ATTRIBUTION.md}) with instruments drawn by code in the same look, one fixed
 * picture per instrument; {@code drawn} is drawn entirely by code, its look (and, for instruments
 * drawn in several designs, the design) drawn anew for each variation seed ({@link #picture}).
 * Instances are immutable.
 */
public final class ArtLibrary {
  /** Longer side of a drawn instrument, matching the 256 px emoji once their padding is cropped. */
  private static final int DRAWN_SIZE = 240;

  /**
   * The instruments open emoji sets have: the emoji styles show these as emoji, the rest as
   * drawings.
   */
  private static final Set<String> EMOJI =
      Set.of(
          "accordion",
          "banjo",
          "congas",
          "drum",
          "flute",
          "piano",
          "saxophone",
          "trumpet",
          "violin");

  private static final Pattern INSTRUMENT_NAME = Pattern.compile("[a-z0-9_]+");
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final Map<String, ArtLibrary> BUILT_IN = new ConcurrentHashMap<>();

  /**
   * Where a library's pictures come from: one fixed picture per instrument, or a drawing per
   * variation.
   */
  @FunctionalInterface
  private interface Pictures {
    BufferedImage of(String instrument, Random variation);
  }

  private final String style;
  private final boolean reservedForEvaluation;
  private final boolean varied;
  private final Set<String> instruments;
  private final Pictures pictures;

  private ArtLibrary(
      String style,
      boolean reservedForEvaluation,
      boolean varied,
      Set<String> instruments,
      Pictures pictures) {
    this.style = style;
    this.reservedForEvaluation = reservedForEvaluation;
    this.varied = varied;
    this.instruments = Collections.unmodifiableSet(new LinkedHashSet<>(instruments));
    this.pictures = pictures;
  }

  private static ArtLibrary fixed(
      String style, boolean reservedForEvaluation, Map<String, BufferedImage> images) {
    return new ArtLibrary(
        style,
        reservedForEvaluation,
        false,
        images.keySet(),
        (instrument, variation) -> images.get(instrument));
  }

  /**
   * The built-in art styles: {@code noto}, {@code twemoji}, {@code fluent}, {@code fluent_flat} and
   * {@code drawn}.
   */
  public static List<String> styles() {
    return Stream.concat(
            Arrays.stream(EmojiLook.values()).map(EmojiLook::style), Stream.of(DrawnLook.STYLE))
        .toList();
  }

  /**
   * A built-in style with all {@link Instruments#ALL}; the emoji styles are loaded (and drawn) once
   * per JVM.
   *
   * @throws IllegalArgumentException for a style not in {@link #styles()}
   */
  public static ArtLibrary builtIn(String style) {
    if (!styles().contains(style)) {
      throw new IllegalArgumentException(
          "unknown art style '" + style + "'; known styles: " + String.join(", ", styles()));
    }
    return BUILT_IN.computeIfAbsent(style, ArtLibrary::load);
  }

  private static ArtLibrary load(String style) {
    return EmojiLook.of(style)
        .map(ArtLibrary::emojiStyle)
        .orElseGet(
            () ->
                new ArtLibrary(
                    DrawnLook.STYLE,
                    false,
                    true,
                    new LinkedHashSet<>(Instruments.ALL),
                    (instrument, variation) ->
                        Images.cropToOpaque(
                            Drawings.draw(instrument, new DrawnLook(variation), DRAWN_SIZE))));
  }

  private static ArtLibrary emojiStyle(EmojiLook look) {
    Map<String, BufferedImage> images = new LinkedHashMap<>();
    for (String instrument : Instruments.ALL) {
      BufferedImage image =
          EMOJI.contains(instrument)
              ? emoji(look, instrument)
              : Drawings.draw(instrument, look, DRAWN_SIZE);
      images.put(instrument, Images.cropToOpaque(Images.toArgb(image)));
    }
    return fixed(look.style(), look.reservedForEvaluation(), images);
  }

  private static BufferedImage emoji(EmojiLook look, String instrument) {
    String resource = "/io/pixelplayer/art/" + look.style() + "/" + instrument + ".png";
    try (InputStream in = ArtLibrary.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "built-in art " + resource + " is missing from the classpath");
      }
      return ImageIO.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read built-in art " + resource, e);
    }
  }

  /**
   * Pictures from {@code <dir>/<instrument>.png} for each instrument: PNG with an alpha channel,
   * any size. The style is the directory's name.
   *
   * @throws IllegalArgumentException naming every missing file, and every file that is not a
   *     readable PNG with transparency, all at once
   */
  public static ArtLibrary fromDirectory(Path dir, Collection<String> instruments) {
    Objects.requireNonNull(dir, "art directory");
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "art directory " + dir + " does not exist or is not a directory");
    }
    if (instruments.isEmpty()) {
      throw new IllegalArgumentException("no instruments asked for from art directory " + dir);
    }
    for (String instrument : instruments) {
      if (!INSTRUMENT_NAME.matcher(instrument).matches()) {
        throw new IllegalArgumentException(
            "instrument name '" + instrument + "' is not snake_case");
      }
    }
    List<String> missing = new ArrayList<>();
    List<String> unusable = new ArrayList<>();
    Map<String, BufferedImage> images = new LinkedHashMap<>();
    for (String instrument : new LinkedHashSet<>(instruments)) {
      Path file = dir.resolve(instrument + ".png");
      if (!Files.isRegularFile(file)) {
        missing.add(file.getFileName().toString());
        continue;
      }
      try {
        images.put(instrument, readPicture(file));
      } catch (IllegalArgumentException | IOException e) {
        unusable.add(file.getFileName() + " (" + e.getMessage() + ")");
      }
    }
    if (!missing.isEmpty() || !unusable.isEmpty()) {
      List<String> problems = new ArrayList<>();
      if (!missing.isEmpty()) {
        problems.add(
            "missing "
                + String.join(", ", missing)
                + " (pass --instruments to pick a subset of the instruments)");
      }
      if (!unusable.isEmpty()) {
        problems.add("unusable " + String.join(", ", unusable));
      }
      throw new IllegalArgumentException(
          "instrument art in " + dir + ": " + String.join("; ", problems));
    }
    Path name = dir.toAbsolutePath().normalize().getFileName();
    return fixed(name == null ? dir.toString() : name.toString(), false, images);
  }

  private static BufferedImage readPicture(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(PNG_SIGNATURE.length);
    }
    if (!Arrays.equals(head, PNG_SIGNATURE)) {
      throw new IllegalArgumentException("not a PNG file");
    }
    BufferedImage image = ImageIO.read(file.toFile());
    if (image == null) {
      throw new IllegalArgumentException("not a readable PNG image");
    }
    if (!image.getColorModel().hasAlpha()) {
      throw new IllegalArgumentException("no alpha channel, so no transparent background");
    }
    return Images.cropToOpaque(Images.toArgb(image));
  }

  public String style() {
    return style;
  }

  /** Whether this is a built-in style kept for evaluation (twemoji): never to be trained on. */
  public boolean reservedForEvaluation() {
    return reservedForEvaluation;
  }

  /**
   * Whether the style varies its pictures: each variation seed gives the instrument a new look
   * ({@code drawn}), where the other styles have one fixed picture per instrument.
   */
  public boolean varied() {
    return varied;
  }

  /** The instruments this library has pictures of, in the order they were asked for. */
  public Set<String> instruments() {
    return instruments;
  }

  /**
   * The instrument's picture for one video: a fresh ARGB copy (callers may draw on it), tightly
   * cropped to its non-transparent pixels. A {@link #varied()} style draws its look from {@code
   * variation}, so the same seed gives the same picture; the other styles return their one picture
   * and leave {@code variation} untouched.
   *
   * @throws IllegalArgumentException for an instrument this library has no picture of
   */
  public BufferedImage picture(String instrument, Random variation) {
    if (!instruments.contains(instrument)) {
      throw new IllegalArgumentException(
          "no picture of '"
              + instrument
              + "' in art style "
              + style
              + "; it has "
              + String.join(", ", instruments));
    }
    return Images.toArgb(pictures.of(instrument, variation));
  }
}
