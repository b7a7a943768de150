package io.pixelplayer.jobs.synth;

import java.util.List;

/**
 * How General MIDI plays one corpus instrument.
 *
 * @param name the corpus name (snake_case, the MUSIC-21 set)
 * @param program the 0-based General MIDI program; for percussion, the drum kit (0 = Standard kit)
 * @param programName the General MIDI name of that program, for people reading the table
 * @param lowKey lowest MIDI key the composer writes (for percussion: the lowest drum key)
 * @param highKey highest MIDI key the composer writes (for percussion: the highest drum key)
 * @param articulation how notes start and last
 * @param chordal whether the instrument sometimes plays 2-3 note chords
 * @param drumKeys for percussion, the General MIDI drum keys it hits; empty for pitched instruments
 */
public record GmInstrument(
    String name,
    int program,
    String programName,
    int lowKey,
    int highKey,
    Articulation articulation,
    boolean chordal,
    List<DrumKey> drumKeys) {

  /** General MIDI's percussion channel, "channel 10", 0-based. */
  public static final int PERCUSSION_CHANNEL = 9;

  /** Any pitched instrument plays alone, so the first channel serves. */
  public static final int MELODIC_CHANNEL = 0;

  /** One sound of the General MIDI drum map: the key that triggers it and its GM name. */
  public record DrumKey(int key, String sound) {
    public DrumKey {
      if (key < 35 || key > 81)
        throw new IllegalArgumentException("drum key " + key + " is not in the GM map 35-81");
      if (sound == null || sound.isBlank())
        throw new IllegalArgumentException("drum key " + key + " has no name");
    }
  }

  public GmInstrument {
    if (name == null || !name.matches("[a-z][a-z_]*")) {
      throw new IllegalArgumentException("instrument name '" + name + "' is not snake_case");
    }
    if (program < 0 || program > 127)
      throw new IllegalArgumentException(name + ": GM program " + program + " not in 0-127");
    if (lowKey < 0 || highKey > 127 || lowKey > highKey) {
      throw new IllegalArgumentException(
          name + ": register " + lowKey + "-" + highKey + " is not a MIDI key range");
    }
    if (articulation == null) throw new IllegalArgumentException(name + ": no articulation");
    drumKeys = List.copyOf(drumKeys);
    if ((articulation == Articulation.PERCUSSIVE) == drumKeys.isEmpty()) {
      throw new IllegalArgumentException(
          name + ": drum keys are for percussive instruments, and only for them");
    }
    for (DrumKey drum : drumKeys) {
      if (drum.key() < lowKey || drum.key() > highKey) {
        throw new IllegalArgumentException(
            name + ": drum key " + drum.key() + " outside " + lowKey + "-" + highKey);
      }
    }
  }

  /** Whether it plays on the percussion channel, where keys select drums rather than pitches. */
  public boolean percussion() {
    return articulation == Articulation.PERCUSSIVE;
  }

  /** The 0-based MIDI channel it plays on. */
  public int midiChannel() {
    return percussion() ? PERCUSSION_CHANNEL : MELODIC_CHANNEL;
  }
}
