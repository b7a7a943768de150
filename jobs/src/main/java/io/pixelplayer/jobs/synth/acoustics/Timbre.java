package io.pixelplayer.jobs.synth.acoustics;

import java.util.List;

/**
 * How one source's instrument sounds unlike the SoundFont's: another maker's instrument, another
 * player, another sampled recording. Its spectral envelope tilted brighter or darker and given
 * resonances of its own, and its waveform driven into a soft saturation that adds harmonics. Drawn
 * per source, so that one corpus holds many timbres of each instrument that no SoundFont has.
 *
 * @param tiltDb brighter (positive) or darker, dB between the top and the bottom of the band
 * @param resonances the body's own peaks and dips
 * @param drive saturation: 0 none; the waveform through {@code tanh((1 + drive) x)}, at its own
 *     peak
 */
public record Timbre(double tiltDb, List<Acoustics.Resonance> resonances, double drive) {
  /** The SoundFont's sound, unchanged. */
  public static final Timbre NEUTRAL = new Timbre(0, List.of(), 0);

  public Timbre {
    resonances = List.copyOf(resonances);
    if (!(drive >= 0)) throw new IllegalArgumentException("drive " + drive + " below 0");
  }

  /** The dry render played on this instrument: as long as it, at the same peak level. */
  public float[] play(float[] dry, int sampleRate) {
    if (equals(NEUTRAL)) return dry;
    float[] driven = drive > 0 ? saturate(dry) : dry;
    return new Equalizer(tiltDb, resonances, sampleRate).filter(driven);
  }

  /** A soft saturation scaled to the signal's peak, so that its level does not set its colour. */
  private float[] saturate(float[] signal) {
    float peak = 0;
    for (float v : signal) peak = Math.max(peak, Math.abs(v));
    if (peak == 0) return signal;
    double k = 1 + drive;
    double norm = peak / Math.tanh(k);
    float[] out = new float[signal.length];
    for (int i = 0; i < signal.length; i++) {
      out[i] = (float) (norm * Math.tanh(k * signal[i] / peak));
    }
    return out;
  }
}
