package io.pixelplayer.jobs.synth;

import static io.pixelplayer.jobs.synth.Articulation.PERCUSSIVE;
import static io.pixelplayer.jobs.synth.Articulation.PLUCKED;
import static io.pixelplayer.jobs.synth.Articulation.STRUCK;
import static io.pixelplayer.jobs.synth.Articulation.SUSTAINED;

import io.pixelplayer.jobs.synth.GmInstrument.DrumKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The corpus's 21 instruments (the MUSIC-21 set) as General MIDI plays them, in alphabetical order.
 *
 * <p>Where General MIDI has no such instrument, the nearest program that no other corpus instrument
 * uses is taken, so that every class keeps a timbre of its own:
 *
 * <ul>
 *   <li>erhu → 41 Viola, played in the erhu's register (its strings are D4 and A4): a bowed string
 *       with samples of its own in FluidR3, whose 110 Fiddle is its Violin samples again (in
 *       TimGM6mb all three share the violin's samples, shaped differently); 40 Violin is the
 *       violin's own;
 *   <li>guzheng → 107 Koto, the Japanese member of the same plucked-zither family;
 *   <li>pipa → 106 Shamisen: like the pipa a plucked lute with a bright, fast-decaying attack; 104
 *       Sitar buzzes and drones like no pipa, and 107 is the guzheng's;
 *   <li>ukulele → 24 Nylon-string guitar (the ukulele is nylon-strung), in the ukulele's high
 *       register, while acoustic_guitar takes 25 Steel-string guitar;
 *   <li>drum and congas play the Standard kit on the percussion channel.
 * </ul>
 */
public final class GmInstruments {

  private static final Map<String, GmInstrument> BY_NAME =
      table(
          melodic("accordion", 21, "Accordion", 53, 81, SUSTAINED, true),
          melodic("acoustic_guitar", 25, "Acoustic Guitar (steel)", 40, 79, PLUCKED, true),
          melodic("bagpipe", 109, "Bag pipe", 67, 81, SUSTAINED, false),
          melodic("banjo", 105, "Banjo", 50, 79, PLUCKED, false),
          melodic("bassoon", 70, "Bassoon", 34, 67, SUSTAINED, false),
          melodic("cello", 42, "Cello", 36, 72, SUSTAINED, false),
          melodic("clarinet", 71, "Clarinet", 50, 84, SUSTAINED, false),
          percussion(
              "congas",
              List.of(
                  new DrumKey(62, "Mute Hi Conga"),
                  new DrumKey(63, "Open Hi Conga"),
                  new DrumKey(64, "Low Conga"))),
          percussion(
              "drum",
              List.of(
                  new DrumKey(36, "Bass Drum 1"),
                  new DrumKey(38, "Acoustic Snare"),
                  new DrumKey(42, "Closed Hi-Hat"),
                  new DrumKey(45, "Low Tom"),
                  new DrumKey(46, "Open Hi-Hat"),
                  new DrumKey(48, "Hi-Mid Tom"),
                  new DrumKey(49, "Crash Cymbal 1"),
                  new DrumKey(50, "High Tom"),
                  new DrumKey(51, "Ride Cymbal 1"))),
          melodic("electric_bass", 33, "Electric Bass (finger)", 28, 55, PLUCKED, false),
          melodic("erhu", 41, "Viola", 62, 86, SUSTAINED, false),
          melodic("flute", 73, "Flute", 60, 91, SUSTAINED, false),
          melodic("guzheng", 107, "Koto", 43, 84, PLUCKED, true),
          melodic("piano", 0, "Acoustic Grand Piano", 36, 96, STRUCK, true),
          melodic("pipa", 106, "Shamisen", 45, 81, PLUCKED, false),
          melodic("saxophone", 65, "Alto Sax", 49, 80, SUSTAINED, false),
          melodic("trumpet", 56, "Trumpet", 52, 82, SUSTAINED, false),
          melodic("tuba", 58, "Tuba", 28, 55, SUSTAINED, false),
          melodic("ukulele", 24, "Acoustic Guitar (nylon)", 60, 81, PLUCKED, true),
          melodic("violin", 40, "Violin", 55, 93, SUSTAINED, false),
          melodic("xylophone", 13, "Xylophone", 65, 96, STRUCK, false));

  private GmInstruments() {}

  /** All 21 instrument names, in alphabetical (stable) order. */
  public static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }

  /** All 21 instruments, in the order of {@link #names()}. */
  public static List<GmInstrument> all() {
    return List.copyOf(BY_NAME.values());
  }

  /**
   * The instrument called {@code name}; an {@link IllegalArgumentException} naming the known ones
   * otherwise.
   */
  public static GmInstrument byName(String name) {
    GmInstrument instrument = name == null ? null : BY_NAME.get(name);
    if (instrument == null) {
      throw new IllegalArgumentException(
          "unknown instrument '" + name + "' (known: " + String.join(", ", BY_NAME.keySet()) + ")");
    }
    return instrument;
  }

  /**
   * The table as Markdown (name, GM program or drum keys, register, articulation, chords), one row
   * per instrument: {@code INSTRUMENTS.md} next to this class holds a copy, which a test keeps in
   * step.
   */
  public static String markdownTable() {
    StringBuilder table =
        new StringBuilder()
            .append(
                "| instrument | General MIDI | register (MIDI keys) | articulation | chords |\n")
            .append("|---|---|---|---|---|\n");
    for (GmInstrument instrument : BY_NAME.values()) {
      String sound =
          instrument.percussion()
              ? "percussion channel 10, kit "
                  + instrument.program()
                  + " "
                  + instrument.programName()
                  + ": "
                  + instrument.drumKeys().stream()
                      .map(drum -> drum.key() + " " + drum.sound())
                      .collect(Collectors.joining(", "))
              : "program " + instrument.program() + " " + instrument.programName();
      String register =
          instrument.lowKey()
              + "-"
              + instrument.highKey()
              + (instrument.percussion()
                  ? " (drum keys)"
                  : " ("
                      + noteName(instrument.lowKey())
                      + "-"
                      + noteName(instrument.highKey())
                      + ")");
      table
          .append("| ")
          .append(instrument.name())
          .append(" | ")
          .append(sound)
          .append(" | ")
          .append(register)
          .append(" | ")
          .append(instrument.articulation().name().toLowerCase(Locale.ROOT))
          .append(" | ")
          .append(instrument.chordal() ? "sometimes" : "no")
          .append(" |\n");
    }
    return table.toString();
  }

  /** Scientific pitch notation with middle C (key 60) as C4. */
  static String noteName(int key) {
    String[] pitchClasses = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
    return pitchClasses[key % 12] + (key / 12 - 1);
  }

  private static GmInstrument melodic(
      String name,
      int program,
      String programName,
      int lowKey,
      int highKey,
      Articulation articulation,
      boolean chordal) {
    return new GmInstrument(
        name, program, programName, lowKey, highKey, articulation, chordal, List.of());
  }

  private static GmInstrument percussion(String name, List<DrumKey> drumKeys) {
    int low = drumKeys.stream().mapToInt(DrumKey::key).min().orElseThrow();
    int high = drumKeys.stream().mapToInt(DrumKey::key).max().orElseThrow();
    return new GmInstrument(name, 0, "Standard kit", low, high, PERCUSSIVE, false, drumKeys);
  }

  private static Map<String, GmInstrument> table(GmInstrument... instruments) {
    Map<String, GmInstrument> byName = new LinkedHashMap<>();
    for (GmInstrument instrument : instruments) {
      if (byName.put(instrument.name(), instrument) != null) {
        throw new IllegalStateException("instrument " + instrument.name() + " listed twice");
      }
    }
    return Collections.unmodifiableMap(byName);
  }
}
