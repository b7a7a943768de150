package io.pixelplayer.jobs.synth;

/**
 * One note of a score.
 *
 * @param onsetSeconds when it starts, from the start of the video
 * @param durationSeconds how long it is held
 * @param key MIDI key (for percussion: the General MIDI drum key)
 * @param velocity MIDI velocity 1-127 (dynamics)
 */
public record Note(double onsetSeconds, double durationSeconds, int key, int velocity) {
  public Note {
    if (onsetSeconds < 0 || !(durationSeconds > 0)) {
      throw new IllegalArgumentException(
          "note at " + onsetSeconds + " s for " + durationSeconds + " s");
    }
    if (key < 0 || key > 127 || velocity < 1 || velocity > 127) {
      throw new IllegalArgumentException(
          "note key " + key + " velocity " + velocity + " outside MIDI range");
    }
  }
}
