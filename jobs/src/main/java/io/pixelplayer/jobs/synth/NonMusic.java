package io.pixelplayer.jobs.synth;

import java.util.Locale;

/**
 * What a non-music video (manifest kind {@value CorpusPlan#NONE}) holds instead of instruments:
 * footage whose right answer is "no instrument here", for a model that must not call a test tone a
 * tuba.
 */
public enum NonMusic {
  /** Sentences spoken by espeak-ng; a talking head drawn by code or a lecture slide. */
  SPEECH,
  /** White, pink or brown noise, room tone or traffic rumble; a street or a room. */
  NOISE,
  /** Sine, square, DTMF-like digits, chirps or beeps; a test pattern. */
  TONES,
  /** Colour bars or a test card with a 1 kHz line-up tone. */
  TEST_PATTERN,
  /** Digital silence; a black or frozen frame. */
  SILENCE;

  /** The name in renders.csv. */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
