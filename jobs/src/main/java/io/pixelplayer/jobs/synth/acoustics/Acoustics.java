package io.pixelplayer.jobs.synth.acoustics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * What one video's room, microphone and players do to its sound, drawn from {@link
 * AcousticsSettings}: the microphone's tilt and resonances, the room's reverberation, compression,
 * background noise, the overall level, each source's slow level drift, detuning and timbre, and the
 * performance's tempo and phrasing.
 *
 * @param resonances peaks and dips: frequency (Hz), Q and gain (dB) each
 * @param rt60Seconds the room's reverberation time; 0 for none
 * @param reverbDb the reverberant sound's level against the direct sound (dB)
 * @param snrDb the music's level over the background noise (dB); infinite for none
 * @param humHz mains frequency of the hum, 50 or 60; 0 for none
 * @param driftDb each source's level drift, ± dB
 * @param detuneCents each source's detuning, in cents
 * @param tempoFactor tempi multiplied by this
 * @param legatoShift added to the share of legato phrases
 * @param noiseSeed seeds the background noise
 * @param timbres each source's instrument, how it sounds unlike the SoundFont's
 */
public record Acoustics(
    double tiltDb,
    List<Resonance> resonances,
    double rt60Seconds,
    double reverbDb,
    double compressionRatio,
    double snrDb,
    double humHz,
    double levelDb,
    double driftDb,
    double[] detuneCents,
    double tempoFactor,
    double legatoShift,
    long noiseSeed,
    List<Timbre> timbres) {

  /** A peak or dip of the frequency response. */
  public record Resonance(double frequency, double q, double gainDb) {}

  /** The dry sound of {@code sources} sources: nothing added. */
  public static Acoustics dry(int sources) {
    return new Acoustics(
        0,
        List.of(),
        0,
        0,
        1,
        Double.POSITIVE_INFINITY,
        0,
        0,
        0,
        new double[sources],
        1,
        0,
        0,
        Collections.nCopies(sources, Timbre.NEUTRAL));
  }

  public Acoustics {
    resonances = List.copyOf(resonances);
    detuneCents = detuneCents.clone();
    timbres = List.copyOf(timbres);
    if (timbres.size() != detuneCents.length)
      throw new IllegalArgumentException(
          timbres.size() + " timbres for " + detuneCents.length + " sources");
  }

  /**
   * Draws a video's acoustics for its {@code sources} sources; the same random state gives the same
   * draw.
   */
  public static Acoustics draw(AcousticsSettings settings, int sources, Random random) {
    if (!settings.enabled()) return dry(sources);
    double tilt = symmetric(random, settings.tiltDb());
    // 150 Hz to 6 kHz: where small rooms and cheap microphones colour the sound
    List<Resonance> resonances =
        resonances(settings.resonances(), 150, 6000, 1, 5, settings.resonanceDb(), random);
    double rt60 =
        settings.rt60MaxSeconds() > 0
            ? settings.rt60MinSeconds()
                * Math.pow(
                    settings.rt60MaxSeconds() / settings.rt60MinSeconds(), random.nextDouble())
            : 0;
    double reverbDb = -12 + 10 * random.nextDouble();
    double ratio = 1 + (settings.compressionMaxRatio() - 1) * random.nextDouble();
    double snr =
        settings.noise()
            ? settings.snrMinDb()
                + (settings.snrMaxDb() - settings.snrMinDb()) * random.nextDouble()
            : Double.POSITIVE_INFINITY;
    double hum =
        settings.noise() && random.nextDouble() < settings.humShare()
            ? (random.nextBoolean() ? 50 : 60)
            : 0;
    double level = symmetric(random, settings.levelDb());
    double drift = settings.driftDb() * random.nextDouble();
    double[] detune = new double[sources];
    for (int s = 0; s < sources; s++) detune[s] = symmetric(random, settings.detuneCents());
    double tempo = Math.pow(settings.tempoSpread(), 2 * random.nextDouble() - 1);
    double legato = symmetric(random, settings.legatoSpread());
    long noiseSeed = random.nextLong();
    // Drawn last, so that a corpus made without timbres draws what it always drew before them.
    List<Timbre> timbres = new ArrayList<>();
    for (int s = 0; s < sources; s++) timbres.add(drawTimbre(settings, random));
    return new Acoustics(
        tilt,
        resonances,
        rt60,
        reverbDb,
        ratio,
        snr,
        hum,
        level,
        drift,
        detune,
        tempo,
        legato,
        noiseSeed,
        timbres);
  }

  /** One source's instrument: its brightness, its body's resonances (200 Hz-7 kHz) and drive. */
  private static Timbre drawTimbre(AcousticsSettings settings, Random random) {
    if (settings.timbreTiltDb() == 0
        && settings.timbreResonances() == 0
        && settings.timbreDrive() == 0) {
      return Timbre.NEUTRAL;
    }
    double tilt = symmetric(random, settings.timbreTiltDb());
    List<Resonance> resonances =
        resonances(
            settings.timbreResonances(), 200, 7000, 0.7, 5.7, settings.timbreResonanceDb(), random);
    return new Timbre(tilt, resonances, settings.timbreDrive() * random.nextDouble());
  }

  /**
   * {@code count} peaks or dips, each at a frequency log-uniform in [lowHz, highHz], a Q uniform in
   * [minQ, maxQ] and a gain in ± gainDb.
   */
  private static List<Resonance> resonances(
      int count,
      double lowHz,
      double highHz,
      double minQ,
      double maxQ,
      double gainDb,
      Random random) {
    List<Resonance> resonances = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      resonances.add(
          new Resonance(
              lowHz * Math.pow(highHz / lowHz, random.nextDouble()),
              minQ + (maxQ - minQ) * random.nextDouble(),
              symmetric(random, gainDb)));
    }
    return resonances;
  }

  /** Whether the mixture holds background noise (kept out of every source's truth). */
  public boolean noisy() {
    return Double.isFinite(snrDb);
  }

  private static double symmetric(Random random, double range) {
    return range * (2 * random.nextDouble() - 1);
  }
}
