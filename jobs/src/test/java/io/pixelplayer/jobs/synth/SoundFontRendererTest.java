package io.pixelplayer.jobs.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pixelplayer.udf.Loudness;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SoundFontRendererTest {
  private static final int RATE = 44_100;
  private static final Path TIM_GM6MB = Path.of("/usr/share/sounds/sf2/TimGM6mb.sf2");

  private static SoundFontRenderer fluid;
  private static SoundFontRenderer timGm6mb;
  private static SoundFontRenderer builtIn;

  @BeforeAll
  static void openTheSoundFonts() {
    fluid = SoundFontRenderer.open(null); // the default: FluidR3
    timGm6mb = SoundFontRenderer.open(TIM_GM6MB);
    builtIn = SoundFontRenderer.openBuiltIn();
  }

  @AfterAll
  static void closeThem() {
    fluid.close();
    timGm6mb.close();
    builtIn.close();
  }

  static Stream<Arguments> instrumentsAndSoundFonts() {
    return GmInstruments.names().stream()
        .flatMap(
            name ->
                Stream.of(
                    Arguments.of(name, "FluidR3"),
                    Arguments.of(name, "TimGM6mb"),
                    Arguments.of(name, SoundFontRenderer.BUILT_IN)));
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("instrumentsAndSoundFonts")
  void everyInstrumentSoundsWithoutClipping(String instrument, String soundFont) {
    // Only the instrument's own preset is loaded: a drum kit played on any channel but 10 would be
    // silent.
    Score score = Composer.compose(instrument, 2, 11);

    float[] audio = renderer(soundFont).render(score, RATE);

    assertThat(audio).hasSize(2 * RATE);
    assertThat(Loudness.rmsDb(audio, 0, audio.length)).isGreaterThan(-50);
    assertThat(peak(audio)).isLessThan(0.9f);
  }

  @Test
  void theSameScoreRendersToTheSameSamples() {
    Score score = Composer.compose("acoustic_guitar", 1.5, 5);

    float[] first = fluid.render(score, RATE);

    assertThat(fluid.render(Composer.compose("acoustic_guitar", 1.5, 5), RATE)).isEqualTo(first);
    assertThat(fluid.render(Composer.compose("acoustic_guitar", 1.5, 6), RATE)).isNotEqualTo(first);
  }

  @Test
  void threadsSharingOneRendererGetWhatOneThreadGets() throws Exception {
    List<String> instruments =
        List.of("piano", "drum", "violin", "pipa", "congas", "tuba", "guzheng", "flute");
    List<float[]> alone = new ArrayList<>();
    for (String instrument : instruments)
      alone.add(fluid.render(Composer.compose(instrument, 1.5, 3), RATE));

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<float[]>> together = new ArrayList<>();
      for (String instrument : instruments) {
        together.add(pool.submit(() -> fluid.render(Composer.compose(instrument, 1.5, 3), RATE)));
      }
      for (int i = 0; i < instruments.size(); i++) {
        assertThat(together.get(i).get()).as(instruments.get(i)).isEqualTo(alone.get(i));
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void theLengthIsTheScoresLengthRoundedToSamples() {
    Score score = new Score("flute", List.of(new Note(0.1, 0.5, 72, 90)), 1.2345);

    assertThat(fluid.render(score, 11_025)).hasSize(13_610);
    assertThat(fluid.render(score, RATE)).hasSize(54_441);
    assertThat(fluid.render(new Score("flute", List.of(), 0.5), RATE))
        .hasSize(22_050)
        .containsOnly(0f);
  }

  @ParameterizedTest
  @ValueSource(strings = {"drum", "congas", "acoustic_guitar", "pipa", "piano", "xylophone"})
  void soundStartsAtEachOnsetAndNotBefore(String instrument) {
    GmInstrument gm = GmInstruments.byName(instrument);
    int key = gm.percussion() ? gm.drumKeys().get(1).key() : (gm.lowKey() + gm.highKey()) / 2;
    double[] onsets = {0.25, 0.8, 1.35};
    List<Note> notes = new ArrayList<>();
    for (double onset : onsets) notes.add(new Note(onset, 0.15, key, 100));

    float[] audio = fluid.render(new Score(instrument, notes, 1.8), RATE);

    // Out of silence, the first note is heard within 30 ms of its onset and not a sample before it.
    int first = ms(250);
    assertThat(peak(Arrays.copyOfRange(audio, 0, first))).isZero();
    float attack = peak(Arrays.copyOfRange(audio, first, first + ms(30)));
    assertThat(attack).isGreaterThan(0.01f);
    assertThat(firstAbove(audio, first, 0.1f * attack) - first).isBetween(0, ms(30));
    // The later ones rise above the ringing of the one before.
    for (double onset : onsets) {
      int at = (int) Math.round(onset * RATE);
      double before = Loudness.rmsDb(audio, at - ms(40), at - ms(1));
      double after = Loudness.rmsDb(audio, at, at + ms(30));
      assertThat(after - before)
          .as("%s at %.2f s: rise in dB", instrument, onset)
          .isGreaterThan(10);
    }
  }

  @Test
  void aComposedGroovesKicksAndSnaresLineUpWithItsNotes() {
    Score score = Composer.compose("drum", 4, 3);
    float[] audio = fluid.render(score, RATE);

    int checked = 0;
    double previous = -1;
    for (Note note : score.notes()) {
      // Kicks and snares (hi-hats are too soft to stand out of the kit's ringing) after 0.15 s
      // without a hit.
      boolean loud = note.key() == 36 || note.key() == 38;
      if (loud && note.onsetSeconds() - previous >= 0.15 && note.onsetSeconds() >= 0.05) {
        int at = (int) Math.round(note.onsetSeconds() * RATE);
        assertThat(
                Loudness.rmsDb(audio, at, at + ms(30))
                    - Loudness.rmsDb(audio, at - ms(40), at - ms(1)))
            .as("hit at %.3f s", note.onsetSeconds())
            .isGreaterThan(10);
        checked++;
      }
      previous = note.onsetSeconds();
    }
    assertThat(checked).isGreaterThanOrEqualTo(3);
  }

  @Test
  void aMissingSoundFontSaysHowToGetOne(@TempDir Path dir) {
    Path missing = dir.resolve("none.sf2");

    assertThatThrownBy(() -> SoundFontRenderer.open(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "SoundFont not found: "
                + missing
                + " (install fluid-soundfont-gm or pass --soundfont)");
  }

  @Test
  void compressedSoundFontsAreRefusedByExtensionVersionOrSampleType(@TempDir Path dir)
      throws Exception {
    Path byExtension = Files.write(dir.resolve("MuseScore_General.sf3"), soundFont(2, 1));
    Path byVersion = Files.write(dir.resolve("renamed.sf2"), soundFont(3, 1));
    Path bySampleType = Files.write(dir.resolve("compressed-samples.sf2"), soundFont(2, 0x11));

    for (Path path : List.of(byExtension, byVersion, bySampleType)) {
      assertThatThrownBy(() -> SoundFontRenderer.open(path))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              path
                  + " is a compressed .sf3 SoundFont; the JDK synthesizer renders those as noise: use an .sf2");
    }
  }

  @Test
  void otherFilesAreNotSoundFonts(@TempDir Path dir) throws Exception {
    Path text = Files.writeString(dir.resolve("notes.sf2"), "not a SoundFont at all");
    Path wave = Files.write(dir.resolve("wave.sf2"), riff("WAVE", chunk("fmt ", new byte[16])));
    Path noPresets =
        Files.write(
            dir.resolve("empty.sf2"), riff("sfbk", list("INFO", chunk("ifil", le16(2, 1)))));
    Path empty = Files.write(dir.resolve("zero.sf2"), new byte[0]);

    for (Path path : List.of(text, wave, noPresets, empty)) {
      assertThatThrownBy(() -> SoundFontRenderer.open(path))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(path + " is not a SoundFont 2 file");
    }
  }

  @Test
  void badRenderRequestsAreRefused() {
    Score piano = new Score("piano", List.of(new Note(0, 0.5, 60, 80)), 1);

    assertThatThrownBy(() -> fluid.render(new Score("kazoo", List.of(), 1), RATE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown instrument 'kazoo'");
    assertThatThrownBy(() -> fluid.render(piano, 1000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1000 Hz");
    assertThatThrownBy(() -> fluid.render(new Score("piano", List.of(), -1), RATE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1.0 s");
    assertThatThrownBy(() -> fluid.render(null, RATE)).isInstanceOf(IllegalArgumentException.class);

    SoundFontRenderer closed = SoundFontRenderer.open(TIM_GM6MB);
    closed.close();
    assertThatThrownBy(() -> closed.render(piano, RATE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void detuningBendsThePitchByTheCentsAsked() {
    Score a4 = new Score("flute", List.of(new Note(0, 2, 69, 90)), 2);

    double inTune = pitchHz(fluid.render(a4, RATE));
    double sharp = pitchHz(fluid.render(a4, RATE, 30));

    System.out.printf("detune: A4 at %.2f Hz, +30 cents at %.2f Hz%n", inTune, sharp);
    assertThat(1200 * Math.log(sharp / inTune) / Math.log(2))
        .isCloseTo(30, org.assertj.core.api.Assertions.within(3.0));
    assertThatThrownBy(() -> fluid.render(a4, RATE, 300))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * The strongest frequency between 400 and 480 Hz, to 0.25 Hz, over the second half second to the
   * second.
   */
  private static double pitchHz(float[] audio) {
    double best = 0;
    double bestPower = -1;
    for (double f = 400; f <= 480; f += 0.25) {
      double re = 0;
      double im = 0;
      for (int i = RATE / 2; i < 2 * RATE - RATE / 2; i++) {
        re += audio[i] * Math.cos(2 * Math.PI * f * i / RATE);
        im += audio[i] * Math.sin(2 * Math.PI * f * i / RATE);
      }
      if (re * re + im * im > bestPower) {
        bestPower = re * re + im * im;
        best = f;
      }
    }
    return best;
  }

  @Test
  void theBuiltInBankIsAnotherTimbreAndNamedSo() {
    Score score = Composer.compose("trumpet", 1.5, 9);

    assertThat(builtIn.name()).isEqualTo("builtin");
    assertThat(fluid.name()).isEqualTo("FluidR3_GM.sf2");
    assertThat(builtIn.render(score, RATE)).isNotEqualTo(fluid.render(score, RATE));
    // made by code, so the same every time
    assertThat(SoundFontRenderer.openBuiltIn().render(score, RATE))
        .isEqualTo(builtIn.render(score, RATE));
  }

  private static SoundFontRenderer renderer(String soundFont) {
    return switch (soundFont) {
      case "FluidR3" -> fluid;
      case "TimGM6mb" -> timGm6mb;
      default -> builtIn;
    };
  }

  private static int ms(double milliseconds) {
    return (int) Math.round(milliseconds * RATE / 1000);
  }

  private static int firstAbove(float[] audio, int from, float level) {
    for (int i = from; i < audio.length; i++) if (Math.abs(audio[i]) > level) return i;
    return audio.length;
  }

  private static float peak(float[] audio) {
    float peak = 0;
    for (float sample : audio) peak = Math.max(peak, Math.abs(sample));
    return peak;
  }

  // ---- minimal RIFF files
  // --------------------------------------------------------------------------------

  /**
   * A SoundFont skeleton: version {@code major}.1, no samples, one sample header of type {@code
   * sampleType}.
   */
  private static byte[] soundFont(int major, int sampleType) {
    ByteBuffer header = ByteBuffer.allocate(2 * 46).order(ByteOrder.LITTLE_ENDIAN);
    header.put("Sample".getBytes(StandardCharsets.US_ASCII)).putShort(44, (short) sampleType);
    header.put(
        46, "EOS".getBytes(StandardCharsets.US_ASCII)); // the terminal record the format requires
    return riff(
        "sfbk",
        list("INFO", chunk("ifil", le16(major, 1))),
        list("sdta", chunk("smpl", new byte[0])),
        list("pdta", chunk("shdr", header.array())));
  }

  private static byte[] riff(String form, byte[]... chunks) {
    return chunk("RIFF", concat(form.getBytes(StandardCharsets.US_ASCII), concat(chunks)));
  }

  private static byte[] list(String type, byte[]... chunks) {
    return chunk("LIST", concat(type.getBytes(StandardCharsets.US_ASCII), concat(chunks)));
  }

  private static byte[] chunk(String id, byte[] body) {
    ByteBuffer chunk =
        ByteBuffer.allocate(8 + body.length + (body.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
    return chunk.put(id.getBytes(StandardCharsets.US_ASCII)).putInt(body.length).put(body).array();
  }

  private static byte[] le16(int... values) {
    ByteBuffer buffer = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int value : values) buffer.putShort((short) value);
    return buffer.array();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) out.writeBytes(part);
    return out.toByteArray();
  }

  private static byte[] concat(byte[] first, byte[] rest) {
    return concat(new byte[][] {first, rest});
  }
}
