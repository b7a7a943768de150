package io.pixelplayer.model;

import java.util.List;

/**
 * The instrument vocabulary: the 21 classes of the MUSIC-21 data set, snake_case, in alphabetical
 * order. The index of a name here is its class index in the recognition head; the corpus, the art
 * and the General MIDI table are all keyed by these names.
 */
public final class Instruments {
  public static final List<String> ALL =
      List.of(
          "accordion",
          "acoustic_guitar",
          "bagpipe",
          "banjo",
          "bassoon",
          "cello",
          "clarinet",
          "congas",
          "drum",
          "electric_bass",
          "erhu",
          "flute",
          "guzheng",
          "piano",
          "pipa",
          "saxophone",
          "trumpet",
          "tuba",
          "ukulele",
          "violin",
          "xylophone");

  private Instruments() {}

  /** The class index of {@code name}. */
  public static int index(String name) {
    int index = ALL.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException(
          "unknown instrument '" + name + "' (known: " + String.join(", ", ALL) + ")");
    }
    return index;
  }

  /**
   * The instrument a person typed: case, spaces and hyphens as they come ("Acoustic Guitar" is
   * acoustic_guitar).
   *
   * @throws IllegalArgumentException naming the known instruments when it is none of them
   */
  public static String named(String text) {
    String name = text.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s-]+", "_");
    if (!ALL.contains(name)) {
      throw new IllegalArgumentException(
          "unknown instrument '" + text + "' (known: " + String.join(", ", ALL) + ")");
    }
    return name;
  }

  /**
   * {@code names} unchanged (duplicates dropped) if all are known; else one error naming every
   * unknown one.
   */
  public static List<String> checked(List<String> names) {
    List<String> unknown = names.stream().filter(n -> !ALL.contains(n)).distinct().toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown instrument(s) "
              + String.join(", ", unknown)
              + " (known: "
              + String.join(", ", ALL)
              + ")");
    }
    return names.stream().distinct().toList();
  }
}
