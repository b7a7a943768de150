package io.pixelplayer.jobs.synth;

/**
 * How an instrument starts and holds its notes; the composer shapes note lengths and tempo by it.
 */
public enum Articulation {
  /** Bowed, blown or bellows-driven: the note lasts as long as it is held, phrases are legato. */
  SUSTAINED,
  /** Plucked strings: a sharp attack that decays by itself. */
  PLUCKED,
  /** Hammered or mallet-struck pitched instruments. */
  STRUCK,
  /** Unpitched drums: only the hit matters, not the held length. */
  PERCUSSIVE
}
