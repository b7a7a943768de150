package io.pixelplayer.jobs.synth;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sound.midi.Instrument;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

/**
 * Renders scores to audio offline with the JDK's software synthesizer (Gervill) and a General MIDI
 * SoundFont.
 *
 * <p>The SoundFont is parsed once, when the renderer opens, samples and all (FluidR3: about 0.7 s
 * and 145 MB of heap; TimGM6mb: 0.1 s and 8 MB). Each {@link #render} then builds its own
 * synthesizer, loads only the one preset it needs (a few to a few tens of milliseconds; all 189 of
 * FluidR3's would cost 300 ms) and renders with no sound card, some hundred times faster than real
 * time. Notes start on their onset's sample: Gervill's fixed latency of one control period is
 * skipped.
 *
 * <p>Thread-safe: any number of threads may render at once. They share the parsed SoundFont, which
 * no render changes: a synthesizer builds its own playing state (voices, oscillators, wavetable
 * views) from a preset and only reads the sample bytes. Reading the SoundFont from a stream, rather
 * than handing Gervill the file, matters here: given a file, Gervill loads the samples lazily on
 * the first render, unsynchronised, into the shared soundbank.
 *
 * <p>The output keeps the SoundFont's own level: no per-render normalisation and Gervill's
 * automatic gain control off, so that one instrument sounds as loud in every video and the video
 * stage mixes sources at known levels. Samples are 32-bit floats, so the synthesizer never clips;
 * {@link Composer}'s scores peak well below 1.0 (see the tests).
 */
public final class SoundFontRenderer implements AutoCloseable {

  /**
   * The SoundFont used when none is given: FluidR3 GM, Debian package {@code fluid-soundfont-gm}.
   */
  public static final Path DEFAULT_SOUNDFONT = Path.of("/usr/share/sounds/sf2/FluidR3_GM.sf2");

  /** The name of the JDK's own soundbank, synthesised by code: crude, but a timbre no file has. */
  public static final String BUILT_IN = "builtin";

  private static final int MIN_SAMPLE_RATE = 4_000;
  private static final int MAX_SAMPLE_RATE = 192_000;
  private static final int BYTES_PER_SAMPLE = Float.BYTES;

  /** General MIDI's default pitch-bend range and the 14-bit bend value that means no bend. */
  private static final double PITCH_BEND_RANGE_CENTS = 200;

  private static final int PITCH_BEND_CENTRE = 8192;

  /**
   * How often Gervill updates envelopes and takes in MIDI messages (its default). A message is
   * honoured to the sample, but its sound comes out one control period late: 1/147 s, 300 samples
   * at 44.1 kHz.
   */
  private static final float CONTROL_RATE = 147f;

  /**
   * Gervill's settings: no default soundbank (we load our own preset), no automatic gain control
   * (it would level each render on its own) and our control rate. Reverb and chorus stay at their
   * General MIDI defaults.
   */
  private static final Map<String, Object> SYNTHESIZER_SETTINGS =
      Map.of(
          "load default soundbank",
          false,
          "auto gain control",
          false,
          "control rate",
          CONTROL_RATE);

  /** The SoundFont's file name, or {@link #BUILT_IN}. */
  private final String name;

  /** Where it came from, for messages: the file, or the JDK. */
  private final String source;

  /**
   * The preset each corpus instrument plays, found when the renderer opens; null once it is closed.
   */
  private volatile Map<String, Instrument> presets;

  private SoundFontRenderer(String name, String source, Soundbank soundbank) {
    this.name = name;
    this.source = source;
    Map<String, Instrument> found = new LinkedHashMap<>();
    for (GmInstrument instrument : GmInstruments.all()) {
      for (Instrument preset : soundbank.getInstruments()) {
        if (preset.getPatch().getBank() == 0
            && preset.getPatch().getProgram() == instrument.program()
            && Gervill.isPercussion(preset.getPatch()) == instrument.percussion()) {
          found.put(instrument.name(), preset);
          break;
        }
      }
    }
    this.presets = Map.copyOf(found);
  }

  /**
   * Parses a SoundFont 2 file.
   *
   * @param sf2 the file; null for {@link #DEFAULT_SOUNDFONT}
   * @throws IllegalArgumentException with a one-line reason when the file is missing, a compressed
   *     SF3, or not a SoundFont 2 file
   */
  public static SoundFontRenderer open(Path sf2) {
    Path path = sf2 == null ? DEFAULT_SOUNDFONT : sf2;
    SoundFontFile.check(path);
    Soundbank soundbank;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      soundbank = MidiSystem.getSoundbank(in);
    } catch (InvalidMidiDataException e) {
      throw new IllegalArgumentException(
          path + " is not a SoundFont 2 file (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read SoundFont " + path + ": " + e.getMessage(), e);
    }
    return new SoundFontRenderer(path.getFileName().toString(), path.toString(), soundbank);
  }

  /** The JDK's built-in soundbank ({@value #BUILT_IN}), made by code when it opens. */
  public static SoundFontRenderer openBuiltIn() {
    return new SoundFontRenderer(
        BUILT_IN, "the JDK's built-in soundbank", Gervill.builtInSoundbank());
  }

  /**
   * The score's notes played by its instrument, as mono audio at {@code sampleRate}: exactly {@code
   * round(seconds * sampleRate)} samples, at the SoundFont's natural level. Notes still sounding at
   * the end are cut off there.
   *
   * @throws IllegalArgumentException for an unknown instrument, one this SoundFont lacks, a sample
   *     rate outside 4-192 kHz, or a score length that is not positive and finite
   * @throws IllegalStateException after {@link #close()}
   */
  public float[] render(Score score, int sampleRate) {
    return render(score, sampleRate, 0);
  }

  /**
   * {@link #render(Score, int)} with the instrument out of tune by {@code detuneCents} (a pitch
   * bend held from the start; General MIDI's bend range is ±2 semitones).
   *
   * @throws IllegalArgumentException also for a detuning beyond ±200 cents
   */
  public float[] render(Score score, int sampleRate, double detuneCents) {
    if (!(Math.abs(detuneCents) <= PITCH_BEND_RANGE_CENTS)) {
      throw new IllegalArgumentException(
          "detuning of " + detuneCents + " cents beyond ±" + PITCH_BEND_RANGE_CENTS);
    }
    Map<String, Instrument> loaded = presets;
    if (loaded == null)
      throw new IllegalStateException("the renderer for " + source + " is closed");
    if (score == null) throw new IllegalArgumentException("score is null");
    GmInstrument instrument = GmInstruments.byName(score.instrument());
    if (sampleRate < MIN_SAMPLE_RATE || sampleRate > MAX_SAMPLE_RATE) {
      throw new IllegalArgumentException(
          "sample rate "
              + sampleRate
              + " Hz outside "
              + MIN_SAMPLE_RATE
              + "-"
              + MAX_SAMPLE_RATE
              + " Hz");
    }
    double frames = Math.rint(score.seconds() * sampleRate);
    if (!(score.seconds() > 0) || frames > Integer.MAX_VALUE / BYTES_PER_SAMPLE) {
      throw new IllegalArgumentException(
          "cannot render a score of " + score.seconds() + " s at " + sampleRate + " Hz");
    }
    Instrument preset = loaded.get(instrument.name());
    if (preset == null) {
      throw new IllegalArgumentException(
          source
              + " has no preset for "
              + instrument.name()
              + " (General MIDI "
              + (instrument.percussion() ? "drum kit " : "program ")
              + instrument.program()
              + ", "
              + instrument.programName()
              + ")");
    }
    try {
      Synthesizer synthesizer = MidiSystem.getSynthesizer();
      try {
        AudioFormat format =
            new AudioFormat(
                AudioFormat.Encoding.PCM_FLOAT,
                sampleRate,
                32,
                1,
                BYTES_PER_SAMPLE,
                sampleRate,
                false);
        AudioInputStream audio = Gervill.openStream(synthesizer, format, SYNTHESIZER_SETTINGS);
        if (!synthesizer.loadInstrument(preset)) {
          throw new IllegalStateException(
              "the synthesizer refused preset " + preset.getName() + " of " + source);
        }
        play(score, instrument, detuneCents, synthesizer.getReceiver());
        // Skip Gervill's one control period of latency, so that a note sounds from its onset's very
        // sample.
        audio.skipNBytes((long) latencySamples(sampleRate) * BYTES_PER_SAMPLE);
        return read(audio, (int) frames);
      } finally {
        synthesizer.close();
      }
    } catch (MidiUnavailableException | InvalidMidiDataException e) {
      throw new IllegalStateException("the JDK synthesizer failed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "rendering " + score.instrument() + " failed: " + e.getMessage(), e);
    }
  }

  /** The SoundFont's file name, or {@value #BUILT_IN}. */
  public String name() {
    return name;
  }

  /** Forgets the parsed SoundFont; renders already running finish, later ones are refused. */
  @Override
  public void close() {
    presets = null;
  }

  @Override
  public String toString() {
    return "SoundFontRenderer[" + source + "]";
  }

  /**
   * Queues the score as time-stamped MIDI messages. Gervill nudges a message whose time is taken 1
   * µs later, so at equal times note-offs go first: a note ending where the same key starts again
   * must not silence it.
   */
  private static void play(
      Score score, GmInstrument instrument, double detuneCents, Receiver receiver)
      throws InvalidMidiDataException {
    int channel = instrument.midiChannel();
    receiver.send(
        new ShortMessage(ShortMessage.PROGRAM_CHANGE, channel, instrument.program(), 0), 0);
    if (detuneCents != 0) {
      int bend = (int) Math.round(PITCH_BEND_CENTRE * (1 + detuneCents / PITCH_BEND_RANGE_CENTS));
      bend = Math.max(0, Math.min(2 * PITCH_BEND_CENTRE - 1, bend));
      receiver.send(new ShortMessage(ShortMessage.PITCH_BEND, channel, bend & 0x7F, bend >> 7), 0);
    }
    record Event(long micros, boolean on, int key, int velocity) {}
    List<Event> events = new ArrayList<>(2 * score.notes().size());
    for (Note note : score.notes()) {
      events.add(new Event(micros(note.onsetSeconds()), true, note.key(), note.velocity()));
      events.add(
          new Event(micros(note.onsetSeconds() + note.durationSeconds()), false, note.key(), 0));
    }
    events.sort(Comparator.comparingLong(Event::micros).thenComparing(Event::on));
    for (Event event : events) {
      int command = event.on() ? ShortMessage.NOTE_ON : ShortMessage.NOTE_OFF;
      // The program change holds time 0, so messages at 0 are nudged after it.
      receiver.send(
          new ShortMessage(command, channel, event.key(), event.velocity()), event.micros());
    }
  }

  /** Gervill's block length, the latency of every message (its SoftMainMixer's own rounding). */
  private static int latencySamples(int sampleRate) {
    return (int) (sampleRate / CONTROL_RATE);
  }

  private static long micros(double seconds) {
    return Math.round(seconds * 1e6);
  }

  private static float[] read(AudioInputStream audio, int frames) throws IOException {
    byte[] bytes = new byte[frames * BYTES_PER_SAMPLE];
    for (int at = 0; at < bytes.length; ) {
      int read = audio.read(bytes, at, bytes.length - at);
      if (read < 0)
        throw new IOException(
            "the synthesizer's stream ended after " + at / BYTES_PER_SAMPLE + " samples");
      at += read;
    }
    float[] samples = new float[frames];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(samples);
    return samples;
  }
}
