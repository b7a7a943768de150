package io.pixelplayer.jobs.synth.acoustics;

import io.pixelplayer.udf.Biquad;
import java.util.ArrayList;
import java.util.List;

/**
 * The frequency response of a video's microphone (and the room's colouring): a tilt, lows down and
 * highs up (or the reverse) about {@value #TILT_PIVOT_HZ} Hz, and resonant peaks and dips. Linear
 * and the same for every source, so the sources' truths still add up to the mixture.
 */
final class Microphone {
  /** Where the tilt pivots: the two shelves meet here. */
  static final double TILT_PIVOT_HZ = 1000;

  private final List<Biquad> filters = new ArrayList<>();

  Microphone(Acoustics acoustics, int sampleRate) {
    if (acoustics.tiltDb() != 0) {
      filters.add(Biquad.lowShelf(sampleRate, TILT_PIVOT_HZ, -acoustics.tiltDb() / 2));
      filters.add(Biquad.highShelf(sampleRate, TILT_PIVOT_HZ, acoustics.tiltDb() / 2));
    }
    for (Acoustics.Resonance resonance : acoustics.resonances()) {
      filters.add(
          Biquad.peaking(sampleRate, resonance.frequency(), resonance.q(), resonance.gainDb()));
    }
  }

  float[] hear(float[] signal) {
    float[] out = signal;
    for (Biquad filter : filters) out = filter.filter(out);
    return out;
  }
}
