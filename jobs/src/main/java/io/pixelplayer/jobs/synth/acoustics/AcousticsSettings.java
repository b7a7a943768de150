package io.pixelplayer.jobs.synth.acoustics;

import io.pixelplayer.jobs.conf.PixelPlayerConf;

/**
 * The ranges that each video's {@link Acoustics} are drawn from ({@code
 * pixelplayer.synth.acoustics.*} in conf/pixelplayer.properties, where each is explained). Every
 * effect has a value that turns it off.
 *
 * @param enabled false: the dry sound, with none of what follows (as corpora were before)
 * @param tiltDb microphone tilt drawn in ±this (dB between the top and the bottom of the band); 0
 *     off
 * @param resonances resonant peaks or dips of the microphone and room; 0 off
 * @param resonanceDb their gain drawn in ±this
 * @param rt60MinSeconds shortest reverberation time drawn
 * @param rt60MaxSeconds longest; 0 turns the reverb off
 * @param compressionMaxRatio compression ratio drawn in 1..this; 1 off
 * @param noise room tone, murmur and mains hum under the music
 * @param snrMinDb background noise at least this far below the music
 * @param snrMaxDb and at most this far
 * @param humShare share of videos with mains hum (50 or 60 Hz and harmonics)
 * @param levelDb the whole mix louder or softer by up to this; 0 off
 * @param driftDb each source's level drifts slowly by up to ± this; 0 off
 * @param detuneCents each source out of tune by up to ± this; 0 off
 * @param tempoSpread tempi scaled by a factor in [1 / this, this]; 1 off
 * @param legatoSpread the share of legato phrases moved by up to ± this; 0 off
 * @param timbreTiltDb each source's instrument brighter or darker by up to ± this; 0 off
 * @param timbreResonances each source's instrument given this many peaks or dips of its own; 0 off
 * @param timbreResonanceDb their gain drawn in ± this
 * @param timbreDrive each source's saturation drawn in 0..this; 0 off
 */
public record AcousticsSettings(
    boolean enabled,
    double tiltDb,
    int resonances,
    double resonanceDb,
    double rt60MinSeconds,
    double rt60MaxSeconds,
    double compressionMaxRatio,
    boolean noise,
    double snrMinDb,
    double snrMaxDb,
    double humShare,
    double levelDb,
    double driftDb,
    double detuneCents,
    double tempoSpread,
    double legatoSpread,
    double timbreTiltDb,
    int timbreResonances,
    double timbreResonanceDb,
    double timbreDrive) {
  /**
   * Whether the effect is on; its parameters are the keys below this one, documented in
   * conf/pixelplayer.properties.
   */
  public static final String ENABLED = "pixelplayer.synth.acoustics";

  /** The dry sound. */
  public static final AcousticsSettings OFF =
      new AcousticsSettings(false, 0, 0, 0, 0, 0, 1, false, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0);

  public AcousticsSettings {
    if (tiltDb < 0
        || resonances < 0
        || resonanceDb < 0
        || levelDb < 0
        || driftDb < 0
        || detuneCents < 0
        || legatoSpread < 0
        || timbreTiltDb < 0
        || timbreResonances < 0
        || timbreResonanceDb < 0
        || timbreDrive < 0) {
      throw new IllegalArgumentException("acoustics ranges must not be negative");
    }
    if (rt60MaxSeconds > 0
        && !(rt60MinSeconds > 0 && rt60MinSeconds <= rt60MaxSeconds && rt60MaxSeconds <= 5)) {
      throw new IllegalArgumentException(
          "RT60 range " + rt60MinSeconds + ".." + rt60MaxSeconds + " s not inside 0..5 s");
    }
    if (!(compressionMaxRatio >= 1))
      throw new IllegalArgumentException("compression ratio " + compressionMaxRatio + " below 1");
    if (noise && !(snrMinDb <= snrMaxDb))
      throw new IllegalArgumentException(
          "noise SNR range " + snrMinDb + ".." + snrMaxDb + " dB is empty");
    if (humShare < 0 || humShare > 1)
      throw new IllegalArgumentException("hum share " + humShare + " not in 0..1");
    if (!(tempoSpread >= 1 && tempoSpread <= 3))
      throw new IllegalArgumentException("tempo spread " + tempoSpread + " not in 1..3");
    if (detuneCents > 100)
      throw new IllegalArgumentException(
          "detuning of " + detuneCents + " cents is more than a semitone");
  }

  /**
   * The same ranges with no background noise: for non-music videos, whose sound is already what the
   * microphone hears besides music (and whose silence must stay silent).
   */
  public AcousticsSettings withoutNoise() {
    return new AcousticsSettings(
        enabled,
        tiltDb,
        resonances,
        resonanceDb,
        rt60MinSeconds,
        rt60MaxSeconds,
        compressionMaxRatio,
        false,
        snrMinDb,
        snrMaxDb,
        humShare,
        levelDb,
        driftDb,
        detuneCents,
        tempoSpread,
        legatoSpread,
        timbreTiltDb,
        timbreResonances,
        timbreResonanceDb,
        timbreDrive);
  }

  public static AcousticsSettings from(PixelPlayerConf conf) {
    String p = ENABLED + ".";
    return new AcousticsSettings(
        conf.getBoolean(ENABLED),
        conf.getDouble(p + "tiltDb"),
        conf.getInt(p + "resonances"),
        conf.getDouble(p + "resonanceDb"),
        conf.getDouble(p + "rt60MinSeconds"),
        conf.getDouble(p + "rt60MaxSeconds"),
        conf.getDouble(p + "compressionMaxRatio"),
        conf.getBoolean(p + "noise"),
        conf.getDouble(p + "snrMinDb"),
        conf.getDouble(p + "snrMaxDb"),
        conf.getDouble(p + "humShare"),
        conf.getDouble(p + "levelDb"),
        conf.getDouble(p + "driftDb"),
        conf.getDouble(p + "detuneCents"),
        conf.getDouble(p + "tempoSpread"),
        conf.getDouble(p + "legatoSpread"),
        conf.getDouble(p + "timbreTiltDb"),
        conf.getInt(p + "timbreResonances"),
        conf.getDouble(p + "timbreResonanceDb"),
        conf.getDouble(p + "timbreDrive"));
  }
}
