package io.pixelplayer.jobs.synth.acoustics;

import java.util.Random;

/**
 * A room's impulse response made by code: the direct sound, a few early reflections off walls,
 * floor and ceiling in the first 5-40 ms, and a late tail of noise decaying exponentially, by 60 dB
 * in RT60 seconds.
 */
public final class Room {
  private static final int EARLY_REFLECTIONS = 8;
  private static final double FIRST_REFLECTION_SECONDS = 0.005;
  private static final double LAST_REFLECTION_SECONDS = 0.04;

  private Room() {}

  /**
   * An impulse response: 1 at sample 0 (the direct sound), then reflections and the tail, whose
   * energy is {@code reverbDb} against the direct sound's; {@code 1.2 * rt60} seconds long (the
   * tail is then 72 dB down).
   */
  public static float[] impulseResponse(
      double rt60Seconds, double reverbDb, int sampleRate, Random random) {
    if (!(rt60Seconds > 0))
      throw new IllegalArgumentException("RT60 " + rt60Seconds + " s must be positive");
    int length = (int) Math.ceil(1.2 * rt60Seconds * sampleRate);
    double[] wet = new double[length];
    double decayPerSample =
        Math.log(1000) / (rt60Seconds * sampleRate); // amplitude falls 60 dB (×1/1000) in RT60
    for (int i = 0; i < EARLY_REFLECTIONS; i++) {
      double t =
          FIRST_REFLECTION_SECONDS
              + (LAST_REFLECTION_SECONDS - FIRST_REFLECTION_SECONDS) * random.nextDouble();
      int at = Math.min(length - 1, (int) Math.round(t * sampleRate));
      wet[at] +=
          (random.nextBoolean() ? 1 : -1)
              * (0.3 + 0.5 * random.nextDouble())
              * Math.exp(-decayPerSample * at);
    }
    int tailStart = (int) Math.round(FIRST_REFLECTION_SECONDS * sampleRate);
    for (int i = tailStart; i < length; i++) {
      // the tail fades in over the reflections' span, as the reflections grow dense
      double onset = Math.min(1, (i - tailStart) / (LAST_REFLECTION_SECONDS * sampleRate));
      wet[i] += 0.5 * onset * random.nextGaussian() * Math.exp(-decayPerSample * i);
    }
    double energy = 0;
    for (double w : wet) energy += w * w;
    double scale = Math.sqrt(Math.pow(10, reverbDb / 10) / energy);
    float[] ir = new float[length];
    ir[0] = 1;
    for (int i = 1; i < length; i++) ir[i] = (float) (wet[i] * scale);
    return ir;
  }
}
