package io.pixelplayer.jobs.synth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Writes short pieces for one instrument: phrases separated by rests (so that the picture of the
 * player is still for a while), in a key and scale, at a tempo, with dynamics (a swell over each
 * phrase, accents on the beat), note lengths by articulation (legato or detached), the instrument's
 * register, occasional chords on chordal instruments, grooves with fills for the drum kit and
 * tumbao-like patterns for the congas.
 *
 * <p>A piece is a pure function of (instrument, length, seed): the same arguments give the same
 * score, on any JVM ({@link Random}'s sequence is specified). The instrument's name is mixed into
 * the seed, so the instruments of one video given the same seed do not play in lockstep.
 */
public final class Composer {

  /**
   * Notes shorter than this at the end of the piece are left out rather than clipped to a click.
   */
  private static final double SHORTEST_NOTE_SECONDS = 0.03;

  /** A drum hit's note length: GM drums ring out by themselves, the note-off hardly matters. */
  private static final double DRUM_HIT_SECONDS = 0.1;

  /** Guitar-like instruments strum chords low string first, this far apart. */
  private static final double STRUM_SECONDS = 0.015;

  /** Pipa and guzheng tremolo: one stroke every 75 ms (about 13 a second), on long notes. */
  private static final double TREMOLO_STROKE_SECONDS = 0.075;

  private Composer() {}

  /**
   * How a performance departs from the instrument's usual idiom: every tempo multiplied by {@code
   * tempoFactor}, the share of legato phrases moved by {@code legatoShift} (negative: more detached
   * playing).
   */
  public record Style(double tempoFactor, double legatoShift) {
    /** The idiom as it is. */
    public static final Style NATURAL = new Style(1, 0);

    public Style {
      if (!(tempoFactor >= 0.25 && tempoFactor <= 4))
        throw new IllegalArgumentException("tempo factor " + tempoFactor + " not in 0.25..4");
      if (!(Math.abs(legatoShift) <= 1))
        throw new IllegalArgumentException("legato shift " + legatoShift + " not in -1..1");
    }
  }

  /** {@link #compose(String, double, long, Style)} in the {@link Style#NATURAL natural} style. */
  public static Score compose(String instrument, double seconds, long seed) {
    return compose(instrument, seconds, seed, Style.NATURAL);
  }

  /**
   * A piece for {@code instrument} lasting {@code seconds} in a style: notes sorted by onset, each
   * within [0, seconds).
   *
   * @throws IllegalArgumentException for an unknown instrument or a length that is not positive and
   *     finite
   */
  public static Score compose(String instrument, double seconds, long seed, Style style) {
    GmInstrument gm = GmInstruments.byName(instrument);
    if (!(seconds > 0) || Double.isInfinite(seconds)) {
      throw new IllegalArgumentException(
          "a score must last a positive, finite time, not " + seconds + " s");
    }
    Random random = new Random(seed * 0x9E3779B97F4A7C15L + gm.name().hashCode());
    ScoreWriter writer = new ScoreWriter(seconds);
    switch (gm.name()) {
      case "drum" -> percussion(DRUM_KIT, style, writer, random);
      case "congas" -> percussion(CONGAS, style, writer, random);
      default -> melody(gm, Idiom.of(gm), style, writer, random);
    }
    return new Score(gm.name(), writer.notes(), seconds);
  }

  // ---- pitched instruments
  // -------------------------------------------------------------------------------

  private static void melody(
      GmInstrument gm, Idiom idiom, Style style, ScoreWriter writer, Random random) {
    double beat =
        60.0
            / (idiom.minBpm + random.nextInt(idiom.maxBpm - idiom.minBpm + 1))
            / style.tempoFactor();
    Scale scale = pick(random, idiom.scales);
    int tonic = idiom.tonic >= 0 ? idiom.tonic : random.nextInt(12);
    int[] keys = scale.keysBetween(tonic, gm.lowKey(), gm.highKey());
    // Start in the middle of the register, where the instrument sounds best; the walk then roams.
    int position = keys.length / 3 + random.nextInt(Math.max(1, keys.length / 3));

    double time = Math.min(pick(random, LEAD_IN_BEATS) * beat, writer.seconds / 4);
    while (time < writer.seconds) {
      double phraseBeats = pick(random, idiom.phraseBeats);
      double phraseEnd = time + phraseBeats * beat;
      int baseVelocity = 50 + random.nextInt(56);
      int swell =
          random.nextInt(41)
              - 20; // over the phrase: crescendo when positive, diminuendo when negative
      double gate =
          idiom.gate(
              random,
              style.legatoShift()); // the phrase's share of each note's slot that sounds: legato or
      // detached
      double beatInPhrase = 0;
      while (phraseEnd - time > 1e-9 && time < writer.seconds) {
        double lengthBeats = Math.min(pick(random, idiom.rhythm), (phraseEnd - time) / beat);
        boolean last = phraseEnd - (time + lengthBeats * beat) < 1e-9;
        if (last) position = nearestTonic(keys, position, tonic); // phrases come home
        boolean onTheBeat = Math.abs(beatInPhrase - Math.rint(beatInPhrase)) < 1e-9;
        boolean breath = beatInPhrase > 0 && !last && random.nextDouble() < 0.06;
        if (!breath) {
          int velocity =
              idiom.fixedVelocity > 0
                  ? idiom.fixedVelocity
                  : baseVelocity
                      + (int) (swell * beatInPhrase / phraseBeats)
                      + (onTheBeat ? 10 : 0)
                      + random.nextInt(9)
                      - 4;
          double slot = lengthBeats * beat;
          if (gm.chordal() && random.nextDouble() < (onTheBeat ? 0.3 : 0.1)) {
            chord(gm, keys, position, time, slot * gate, velocity, writer, random);
          } else if (idiom.tremolo && slot >= 0.4 && random.nextDouble() < 0.35) {
            tremolo(keys[position], time, slot * gate, velocity, writer, random);
          } else {
            writer.add(time, slot * gate, keys[position], velocity);
          }
        }
        time += lengthBeats * beat;
        beatInPhrase += lengthBeats;
        position = step(keys.length, position, random);
      }
      time = phraseEnd + pick(random, idiom.restBeats) * beat;
    }
  }

  /**
   * The melody note with one or two scale tones below it (a third and a fifth), or above near the
   * floor.
   */
  private static void chord(
      GmInstrument gm,
      int[] keys,
      int position,
      double onset,
      double duration,
      int velocity,
      ScoreWriter writer,
      Random random) {
    int tones = 2 + random.nextInt(2);
    int direction = position >= 2 * (tones - 1) ? -2 : 2;
    List<Integer> chord = new ArrayList<>();
    for (int i = 0, p = position; i < tones && p >= 0 && p < keys.length; i++, p += direction)
      chord.add(keys[p]);
    chord.sort(Comparator.naturalOrder());
    // Several strings at once add up: play each a little softer so the chord stays about as loud as
    // a note.
    int chordVelocity = Math.max(1, velocity - 12);
    double strum = gm.articulation() == Articulation.PLUCKED ? STRUM_SECONDS : 0;
    for (int i = 0; i < chord.size(); i++) {
      writer.add(onset + i * strum, duration - i * strum, chord.get(i), chordVelocity);
    }
  }

  /** The pipa's lunzhi and the guzheng's yaozhi: one long note as fast repeated strokes. */
  private static void tremolo(
      int key, double onset, double duration, int velocity, ScoreWriter writer, Random random) {
    for (double t = onset;
        t + TREMOLO_STROKE_SECONDS <= onset + duration + 1e-9;
        t += TREMOLO_STROKE_SECONDS) {
      writer.add(t, TREMOLO_STROKE_SECONDS * 0.9, key, velocity - 8 + random.nextInt(9));
    }
  }

  /** Mostly steps, sometimes a repeat or a leap; bounced back at the ends of the register. */
  private static int step(int keyCount, int position, Random random) {
    int interval = pick(random, MELODIC_STEPS);
    int next = position + interval;
    if (next < 0 || next >= keyCount) next = position - interval;
    return Math.max(0, Math.min(keyCount - 1, next));
  }

  /** The key of the scale's tonic nearest to {@code position}, in scale steps. */
  private static int nearestTonic(int[] keys, int position, int tonic) {
    int best = position;
    int bestDistance = Integer.MAX_VALUE;
    for (int i = 0; i < keys.length; i++) {
      if (Math.floorMod(keys[i] - tonic, 12) == 0 && Math.abs(i - position) < bestDistance) {
        best = i;
        bestDistance = Math.abs(i - position);
      }
    }
    return best;
  }

  private static final double[] LEAD_IN_BEATS = {0, 0, 0.5, 1};
  private static final int[] MELODIC_STEPS = {-4, -3, -2, -2, -1, -1, -1, 0, 1, 1, 1, 2, 2, 3, 4};

  /** The scales melodies are drawn from: semitones above the tonic. */
  private enum Scale {
    MAJOR(0, 2, 4, 5, 7, 9, 11),
    NATURAL_MINOR(0, 2, 3, 5, 7, 8, 10),
    DORIAN(0, 2, 3, 5, 7, 9, 10),
    MIXOLYDIAN(0, 2, 4, 5, 7, 9, 10),
    MAJOR_PENTATONIC(0, 2, 4, 7, 9),
    MINOR_PENTATONIC(0, 3, 5, 7, 10);

    private final int[] semitones;

    Scale(int... semitones) {
      this.semitones = semitones;
    }

    /**
     * Every key of this scale on {@code tonic} (a pitch class 0-11) within [low, high], ascending.
     */
    int[] keysBetween(int tonic, int low, int high) {
      return IntStream.rangeClosed(low, high)
          .filter(
              key -> {
                int degree = Math.floorMod(key - tonic, 12);
                for (int s : semitones) if (s == degree) return true;
                return false;
              })
          .toArray();
    }
  }

  /**
   * How an instrument is usually played: tempo, scales, rhythms, phrase and rest lengths, note
   * lengths.
   */
  private record Idiom(
      int minBpm,
      int maxBpm,
      Scale[] scales,
      int tonic,
      double[] rhythm,
      double[] phraseBeats,
      double[] restBeats,
      double legato,
      double detached,
      double legatoShare,
      boolean tremolo,
      int fixedVelocity) {

    private static final Scale[] WESTERN = {
      Scale.MAJOR,
      Scale.MAJOR,
      Scale.NATURAL_MINOR,
      Scale.DORIAN,
      Scale.MAJOR_PENTATONIC,
      Scale.MINOR_PENTATONIC
    };
    // Chinese music's gong and yu modes are the major and minor pentatonic.
    private static final Scale[] CHINESE = {
      Scale.MAJOR_PENTATONIC, Scale.MAJOR_PENTATONIC, Scale.MINOR_PENTATONIC
    };
    private static final double[] PHRASES = {3, 4, 4, 6, 6, 8};
    private static final double[] RESTS = {0.5, 1, 1, 1.5, 2, 3};

    static Idiom of(GmInstrument gm) {
      boolean chinese =
          switch (gm.name()) {
            case "erhu", "guzheng", "pipa" -> true;
            default -> false;
          };
      Scale[] scales = chinese ? CHINESE : WESTERN;
      boolean tremolo = gm.name().equals("pipa") || gm.name().equals("guzheng");
      if (gm.name().equals("bagpipe")) {
        // The Highland chanter plays A mixolydian (G4 to A5) and cannot play louder or softer.
        return new Idiom(
            70,
            110,
            new Scale[] {Scale.MIXOLYDIAN},
            9,
            new double[] {0.5, 1, 1, 1, 1.5, 2},
            PHRASES,
            RESTS,
            0.98,
            0.98,
            1,
            false,
            100);
      }
      return switch (gm.articulation()) {
        case SUSTAINED ->
            new Idiom(
                72,
                120,
                scales,
                -1,
                new double[] {0.5, 0.5, 1, 1, 1, 1.5, 2, 3},
                PHRASES,
                RESTS,
                0.95,
                0.6,
                0.7,
                false,
                0);
        case PLUCKED ->
            new Idiom(
                80,
                150,
                scales,
                -1,
                new double[] {0.25, 0.5, 0.5, 0.5, 1, 1, 1.5, 2},
                PHRASES,
                RESTS,
                0.95,
                0.7,
                0.7,
                tremolo,
                0);
        case STRUCK ->
            new Idiom(
                80,
                150,
                scales,
                -1,
                new double[] {0.25, 0.5, 0.5, 1, 1, 2},
                PHRASES,
                RESTS,
                0.95,
                0.5,
                0.6,
                false,
                0);
        case PERCUSSIVE ->
            throw new IllegalArgumentException(gm.name() + " is not a pitched instrument");
      };
    }

    double gate(Random random, double legatoShift) {
      return random.nextDouble() < legatoShare + legatoShift ? legato : detached;
    }
  }

  // ---- drums
  // -----------------------------------------------------------------------------------------------

  private static void percussion(Kit kit, Style style, ScoreWriter writer, Random random) {
    double sixteenth =
        60.0 / (kit.minBpm + random.nextInt(kit.maxBpm - kit.minBpm + 1)) / 4 / style.tempoFactor();
    Groove groove = pick(random, kit.grooves);
    double time = Math.min(pick(random, LEAD_IN_BEATS) * 4 * sixteenth, writer.seconds / 4);
    boolean crash = false;
    while (time < writer.seconds) {
      int steps = 4 * (int) pick(random, kit.phraseBeats);
      double dynamics = 0.8 + 0.25 * random.nextDouble();
      Groove fill = random.nextDouble() < 0.5 ? pick(random, kit.fills) : null;
      int fillFrom = fill == null ? steps : steps - fill.steps();
      for (int step = 0; step < steps; step++) {
        double onset = time + step * sixteenth;
        if (step == 0 && crash && kit.crashKey > 0) {
          writer.add(onset, DRUM_HIT_SECONDS, kit.crashKey, (int) (112 * dynamics));
        }
        Groove playing = step < fillFrom ? groove : fill;
        int at = step < fillFrom ? step % groove.steps() : step - fillFrom;
        for (Lane lane : playing.lanes()) {
          int velocity = lane.velocityAt(at);
          if (velocity > 0) {
            writer.add(
                onset,
                DRUM_HIT_SECONDS,
                lane.key(),
                (int) (velocity * dynamics) + random.nextInt(9) - 4);
          }
        }
      }
      crash = fill != null || random.nextDouble() < 0.3; // a fill lands on a crash
      time += steps * sixteenth + pick(random, RESTS_FOR_DRUMS) * 4 * sixteenth;
    }
  }

  private static final double[] RESTS_FOR_DRUMS = {1, 1, 2, 2, 3};

  /** One drum's part in a pattern of 16th notes: X accent, x normal, g ghost note, . nothing. */
  private record Lane(int key, String hits) {
    int velocityAt(int step) {
      return switch (hits.charAt(step)) {
        case 'X' -> 112;
        case 'x' -> 88;
        case 'g' -> 40;
        default -> 0;
      };
    }
  }

  /** A pattern of 16th notes over several lanes of equal length. */
  private record Groove(Lane... lanes) {
    int steps() {
      return lanes[0].hits().length();
    }
  }

  /**
   * A percussion instrument's repertoire; {@code crashKey} opens phrases after fills, 0 when it has
   * none.
   */
  private record Kit(
      int minBpm,
      int maxBpm,
      Groove[] grooves,
      Groove[] fills,
      double[] phraseBeats,
      int crashKey) {}

  private static final int KICK = 36;
  private static final int SNARE = 38;
  private static final int CLOSED_HAT = 42;
  private static final int LOW_TOM = 45;
  private static final int OPEN_HAT = 46;
  private static final int MID_TOM = 48;
  private static final int HIGH_TOM = 50;
  private static final int CRASH = 49;
  private static final int RIDE = 51;

  private static final Kit DRUM_KIT =
      new Kit(
          80,
          140,
          new Groove[] {
            new Groove( // rock
                new Lane(KICK, "X.......X.x....."),
                new Lane(SNARE, "....X.......X..."),
                new Lane(CLOSED_HAT, "x.x.x.x.x.x.x.x.")),
            new Groove( // four on the floor
                new Lane(KICK, "X...X...X...X..."), new Lane(SNARE, "....X.......X..."),
                new Lane(CLOSED_HAT, "x...x...x...x..."), new Lane(OPEN_HAT, "..x...x...x...x.")),
            new Groove( // funk, with ghost notes on the snare
                new Lane(KICK, "X..x......X..x.."),
                new Lane(SNARE, "....X..g.g..X..g"),
                new Lane(CLOSED_HAT, "xgxgxgxgxgxgxgxg")),
            new Groove( // half time
                new Lane(KICK, "X.....x........."),
                new Lane(SNARE, "........X......."),
                new Lane(CLOSED_HAT, "x.x.x.x.x.x.x.x.")),
            new Groove( // on the ride
                new Lane(KICK, "x.......x......."),
                new Lane(SNARE, "....g.......X..."),
                new Lane(RIDE, "X...x.x.X...x.x."))
          },
          new Groove[] {
            new Groove(
                new Lane(HIGH_TOM, "xx......"),
                new Lane(MID_TOM, "..xx...."),
                new Lane(LOW_TOM, "....xxXX")),
            new Groove(new Lane(SNARE, "gxxxxxxX")),
            new Groove(
                new Lane(SNARE, "xx.."), new Lane(HIGH_TOM, "..x."), new Lane(LOW_TOM, "...X"))
          },
          new double[] {4, 4, 6, 8, 8},
          CRASH);

  private static final int MUTE_HI_CONGA = 62;
  private static final int OPEN_HI_CONGA = 63;
  private static final int LOW_CONGA = 64;

  private static final Kit CONGAS =
      new Kit(
          85,
          130,
          new Groove[] {
            new Groove( // tumbao: heel-toe, slap on 2, open tones on 4 and its "and"
                new Lane(MUTE_HI_CONGA, "g.g.X.g.g.g....."),
                new Lane(OPEN_HI_CONGA, "............x.x.")),
            new Groove( // tumbao on two drums
                new Lane(MUTE_HI_CONGA, "g.g.X.g.g.g....."),
                new Lane(OPEN_HI_CONGA, "............x..."),
                new Lane(LOW_CONGA, "..............X.")),
            new Groove( // marcha
                new Lane(OPEN_HI_CONGA, "x.x...x.x.x...x."),
                new Lane(MUTE_HI_CONGA, "....X.......X..."),
                new Lane(LOW_CONGA, "......x.......x."))
          },
          new Groove[] {
            new Groove(new Lane(OPEN_HI_CONGA, "x.x.x.x."), new Lane(LOW_CONGA, ".x.x.x.X")),
            new Groove(new Lane(OPEN_HI_CONGA, "xx.."), new Lane(LOW_CONGA, "..xX"))
          },
          new double[] {4, 4, 8, 6},
          0);

  // ---- helpers
  // -------------------------------------------------------------------------------------------

  private static double pick(Random random, double[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static int pick(Random random, int[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static <T> T pick(Random random, T[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  /** Collects notes, keeping each inside [0, seconds) and each velocity inside MIDI's 1-127. */
  private static final class ScoreWriter {
    final double seconds;
    private final List<Note> notes = new ArrayList<>();

    ScoreWriter(double seconds) {
      this.seconds = seconds;
    }

    void add(double onset, double duration, int key, int velocity) {
      if (onset >= seconds || duration <= 0) return;
      double held = Math.min(duration, seconds - onset);
      if (held < duration && held < SHORTEST_NOTE_SECONDS)
        return; // cut to a click by the end of the piece
      notes.add(new Note(onset, held, key, Math.max(1, Math.min(127, velocity))));
    }

    List<Note> notes() {
      notes.sort(Comparator.comparingDouble(Note::onsetSeconds).thenComparingInt(Note::key));
      return notes;
    }
  }
}
