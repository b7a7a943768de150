package io.pixelplayer.jobs.synth.acoustics;

import io.pixelplayer.udf.Biquad;
import java.util.ArrayList;
import java.util.List;

/**
 * A frequency response made of a tilt, lows down and highs up (or the reverse) about {@value
 * #TILT_PIVOT_HZ} Hz, and resonant peaks and dips: a microphone and room's colouring, or an
 * instrument's own. Linear, so a colouring shared by every source keeps the sources' truths adding
 * up to the mixture.
 */
final class Equalizer {
  /** Where the tilt pivots: the two shelves meet here. */
  static final double TILT_PIVOT_HZ = 1000;

  private final List<Biquad> filters = new ArrayList<>();

  Equalizer(double tiltDb, List<Acoustics.Resonance> resonances, int sampleRate) {
    if (tiltDb != 0) {
      filters.add(Biquad.lowShelf(sampleRate, TILT_PIVOT_HZ, -tiltDb / 2));
      filters.add(Biquad.highShelf(sampleRate, TILT_PIVOT_HZ, tiltDb / 2));
    }
    for (Acoustics.Resonance resonance : resonances) {
      filters.add(
          Biquad.peaking(sampleRate, resonance.frequency(), resonance.q(), resonance.gainDb()));
    }
  }

  float[] filter(float[] signal) {
    float[] out = signal;
    for (Biquad filter : filters) out = filter.filter(out);
    return out;
  }
}
