package io.pixelplayer.jobs.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pixelplayer.jobs.synth.acoustics.Acoustics;
import io.pixelplayer.jobs.synth.acoustics.AcousticsSettings;
import io.pixelplayer.jobs.synth.acoustics.Timbre;
import io.pixelplayer.udf.Loudness;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What the acoustics do to a video's sound, measured. */
class SoundtrackTest {
  private static final int RATE = 11_025;
  private static final AcousticsSettings ON =
      new AcousticsSettings(
          true, 8, 2, 6, 0.3, 1.0, 3, true, 15, 30, 1, 6, 3, 20, 1.4, 0.25, 0, 0, 0, 0);
  private static final AcousticsSettings WITH_TIMBRES =
      new AcousticsSettings(
          true, 8, 2, 6, 0.3, 1.0, 3, true, 15, 30, 1, 6, 3, 20, 1.4, 0.25, 10, 3, 9, 2);

  @Test
  void truthsAndBackgroundAddUpToTheMixtureAndTheNoiseIsInNoTruth() {
    Acoustics acoustics = Acoustics.draw(ON, 2, new Random(2));
    float[] silent = new float[2 * RATE];

    Soundtrack track =
        Soundtrack.mix(List.of(noise(2 * RATE, 1), silent), new Random(3), acoustics, RATE);

    assertThat(acoustics.compressionRatio()).isGreaterThan(1);
    assertThat(track.backgroundMono()).isNotNull();
    float[] stereo = track.stereo();
    for (int i = 0; i < silent.length; i++) {
      float mono = (stereo[2 * i] + stereo[2 * i + 1]) / 2;
      assertThat(track.sourceMono(0)[i] + track.sourceMono(1)[i] + track.backgroundMono()[i])
          .isCloseTo(mono, within(1e-5f));
    }
    // the silent instrument's truth stays silent although the room is noisy
    assertThat(track.sourceMono(1)).containsOnly(0f);
    assertThat(Loudness.rmsDb(track.backgroundMono())).isGreaterThan(-80);
  }

  @Test
  void reverbLengthensTheDecay() {
    float[] burst = new float[RATE];
    System.arraycopy(noise(RATE / 10, 5), 0, burst, 0, RATE / 10); // 100 ms, then silence
    Acoustics room =
        new Acoustics(
            0,
            List.of(),
            0.8,
            -4,
            1,
            Double.POSITIVE_INFINITY,
            0,
            0,
            0,
            new double[1],
            1,
            0,
            7,
            List.of(Timbre.NEUTRAL));

    float[] dry =
        Soundtrack.mix(List.of(burst), new Random(1), Acoustics.dry(1), RATE).sourceMono(0);
    float[] wet = Soundtrack.mix(List.of(burst), new Random(1), room, RATE).sourceMono(0);

    // 200-400 ms after the burst: silence dry, the room's tail wet (RT60 0.8 s: about 20 dB down
    // per 270 ms)
    double during = Loudness.rmsDb(wet, 0, RATE / 10);
    double tail = Loudness.rmsDb(wet, 3 * RATE / 10, 5 * RATE / 10);
    System.out.printf(
        "reverb: tail 200-400 ms after the burst %.1f dB under it (dry: %.1f dBFS)%n",
        during - tail, Loudness.rmsDb(dry, 3 * RATE / 10, 5 * RATE / 10));
    assertThat(Loudness.rmsDb(dry, 3 * RATE / 10, 5 * RATE / 10))
        .isEqualTo(Loudness.SILENCE_FLOOR_DB);
    assertThat(during - tail).isBetween(10.0, 40.0);
  }

  @Test
  void theMicrophonesTiltChangesTheSpectralSlope() {
    float[] white = noise(4 * RATE, 9);
    double up = highOverLowDb(tilted(white, 8));
    double down = highOverLowDb(tilted(white, -8));
    double flat = highOverLowDb(tilted(white, 0));

    System.out.printf(
        "tilt: highs over lows %.1f dB at +8, %.1f dB flat, %.1f dB at -8%n", up, flat, down);
    assertThat(up - flat).isCloseTo(8, within(1.0));
    assertThat(flat - down).isCloseTo(8, within(1.0));
  }

  @Test
  void theSameAcousticsGiveTheSameSound() {
    Acoustics acoustics = Acoustics.draw(ON, 1, new Random(11));
    float[] source = noise(RATE, 2);

    assertThat(Soundtrack.mix(List.of(source), new Random(1), acoustics, RATE).stereo())
        .isEqualTo(
            Soundtrack.mix(
                    List.of(source), new Random(1), Acoustics.draw(ON, 1, new Random(11)), RATE)
                .stereo());
    assertThat(Acoustics.draw(AcousticsSettings.OFF, 2, new Random(1)).noisy()).isFalse();
  }

  @Test
  void eachSourceIsPlayedOnAnInstrumentOfItsOwnAndTheRestOfTheDrawIsUnchanged() {
    Acoustics plain = Acoustics.draw(ON, 2, new Random(5));
    Acoustics varied = Acoustics.draw(WITH_TIMBRES, 2, new Random(5));

    assertThat(plain.timbres()).containsOnly(Timbre.NEUTRAL);
    assertThat(varied.timbres()).doesNotContain(Timbre.NEUTRAL).doesNotHaveDuplicates();
    assertThat(varied.timbres()).allSatisfy(t -> assertThat(t.resonances()).hasSize(3));
    // a corpus made without timbres draws what it drew before they existed
    assertThat(varied.tiltDb()).isEqualTo(plain.tiltDb());
    assertThat(varied.noiseSeed()).isEqualTo(plain.noiseSeed());
    assertThat(varied.detuneCents()).isEqualTo(plain.detuneCents());

    Soundtrack track =
        Soundtrack.mix(
            List.of(noise(2 * RATE, 1), noise(2 * RATE, 2)), new Random(3), varied, RATE);
    float[] stereo = track.stereo();
    for (int i = 0; i < 2 * RATE; i++) {
      float mono = (stereo[2 * i] + stereo[2 * i + 1]) / 2;
      assertThat(track.sourceMono(0)[i] + track.sourceMono(1)[i] + track.backgroundMono()[i])
          .isCloseTo(mono, within(1e-5f));
    }
  }

  @Test
  void aTimbresTiltMakesTheInstrumentBrighterOrDarker() {
    float[] white = noise(4 * RATE, 9);
    double flat = highOverLowDb(white);
    double bright = highOverLowDb(new Timbre(10, List.of(), 0).play(white, RATE));
    double dark = highOverLowDb(new Timbre(-10, List.of(), 0).play(white, RATE));

    System.out.printf(
        "timbre: highs over lows %.1f dB bright, %.1f dB as rendered, %.1f dB dark%n",
        bright, flat, dark);
    assertThat(bright - flat).isCloseTo(10, within(1.0));
    assertThat(flat - dark).isCloseTo(10, within(1.0));
  }

  @Test
  void aTimbresDriveAddsHarmonicsAndKeepsThePeak() {
    float[] sine = new float[RATE];
    for (int i = 0; i < sine.length; i++)
      sine[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / RATE));

    float[] driven = new Timbre(0, List.of(), 2).play(sine, RATE);

    double third = bandEnergy(driven, 1310, 1330) / bandEnergy(driven, 430, 450);
    double thirdBefore = bandEnergy(sine, 1310, 1330) / bandEnergy(sine, 430, 450);
    System.out.printf(
        "timbre: third harmonic %.1f dB under the fundamental driven, %.1f dB as rendered%n",
        -10 * Math.log10(third), -10 * Math.log10(thirdBefore));
    assertThat(10 * Math.log10(third)).isGreaterThan(-30);
    assertThat(10 * Math.log10(thirdBefore)).isLessThan(-60);
    float peak = 0;
    for (float v : driven) peak = Math.max(peak, Math.abs(v));
    assertThat(peak).isCloseTo(0.3f, within(1e-3f));
    assertThat(Timbre.NEUTRAL.play(sine, RATE)).isSameAs(sine);
  }

  private static float[] tilted(float[] source, double tiltDb) {
    Acoustics tilt =
        new Acoustics(
            tiltDb,
            List.of(),
            0,
            0,
            1,
            Double.POSITIVE_INFINITY,
            0,
            0,
            0,
            new double[1],
            1,
            0,
            1,
            List.of(Timbre.NEUTRAL));
    return Soundtrack.mix(List.of(source), new Random(1), tilt, RATE).sourceMono(0);
  }

  /** Energy at 3-5 kHz over energy at 50-200 Hz (dB), by DFT of the whole signal. */
  private static double highOverLowDb(float[] signal) {
    return 10 * Math.log10(bandEnergy(signal, 3000, 5000) / bandEnergy(signal, 50, 200));
  }

  private static double bandEnergy(float[] signal, double lowHz, double highHz) {
    double energy = 0;
    int bins = 0;
    for (double f = lowHz; f <= highHz; f += (highHz - lowHz) / 40) {
      double re = 0;
      double im = 0;
      for (int i = 0; i < signal.length; i++) {
        re += signal[i] * Math.cos(2 * Math.PI * f * i / RATE);
        im -= signal[i] * Math.sin(2 * Math.PI * f * i / RATE);
      }
      energy += re * re + im * im;
      bins++;
    }
    return energy / bins;
  }

  private static float[] noise(int length, long seed) {
    Random random = new Random(seed);
    float[] noise = new float[length];
    for (int i = 0; i < length; i++) noise[i] = (float) (0.1 * random.nextGaussian());
    return noise;
  }
}
