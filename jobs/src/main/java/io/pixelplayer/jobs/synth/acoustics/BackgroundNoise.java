package io.pixelplayer.jobs.synth.acoustics;

import io.pixelplayer.udf.Biquad;
import java.util.Random;

/**
 * What a microphone hears besides the music: room tone (a dull, pinkish rumble), the murmur of
 * people talking (speech-band noise swelling at syllable rate) and, in some videos, mains hum (50
 * or 60 Hz and its harmonics). Part of the mixture, never of a source's truth.
 */
public final class BackgroundNoise {
  private BackgroundNoise() {}

  /**
   * Two channels of noise, {@code frames} long, at about unit RMS (the caller sets the level): room
   * tone and murmur of their own in each channel, hum the same in both, as mains is.
   */
  static float[][] stereo(Acoustics acoustics, int frames, int sampleRate, Random random) {
    float[][] channels = {channel(frames, sampleRate, random), channel(frames, sampleRate, random)};
    if (acoustics.humHz() > 0) {
      // about as loud as the rest of the noise, falling with each harmonic
      for (int i = 0; i < frames; i++) {
        double hum = 0;
        for (int h = 1; h <= 5; h++)
          hum += 0.6 / h * Math.sin(2 * Math.PI * h * acoustics.humHz() * i / sampleRate);
        channels[0][i] += (float) hum;
        channels[1][i] += (float) hum;
      }
    }
    return channels;
  }

  private static float[] channel(int frames, int sampleRate, Random random) {
    float[] tone = roomTone(frames, sampleRate, random);
    float[] murmur = murmur(frames, sampleRate, random);
    double murmurShare = random.nextDouble();
    float[] out = new float[frames];
    for (int i = 0; i < frames; i++) {
      out[i] = (float) ((1 - murmurShare) * tone[i] + murmurShare * murmur[i]);
    }
    return out;
  }

  /** Brownish noise: white noise through a gentle low-pass, normalised to unit RMS. */
  public static float[] roomTone(int frames, int sampleRate, Random random) {
    float[] white = white(frames, random);
    float[] dull = Biquad.highShelf(sampleRate, 300, -18).filter(white);
    return normalised(dull);
  }

  /** Speech-band noise (300-3000 Hz) whose level swells and fades at 3-6 syllables a second. */
  private static float[] murmur(int frames, int sampleRate, Random random) {
    float[] band =
        Biquad.peaking(sampleRate, 900, 0.7, 15)
            .filter(Biquad.highShelf(sampleRate, 3000, -20).filter(white(frames, random)));
    double rate = 3 + 3 * random.nextDouble();
    double rate2 = rate * (1.3 + 0.4 * random.nextDouble());
    for (int i = 0; i < frames; i++) {
      double t = (double) i / sampleRate;
      band[i] *=
          (float)
              (0.55
                  + 0.25 * Math.sin(2 * Math.PI * rate * t)
                  + 0.2 * Math.sin(2 * Math.PI * rate2 * t + 1));
    }
    return normalised(band);
  }

  private static float[] white(int frames, Random random) {
    float[] white = new float[frames];
    for (int i = 0; i < frames; i++) white[i] = (float) random.nextGaussian();
    return white;
  }

  private static float[] normalised(float[] signal) {
    double energy = 0;
    for (float v : signal) energy += v * v;
    float scale = (float) (1 / Math.sqrt(energy / Math.max(1, signal.length) + 1e-20));
    for (int i = 0; i < signal.length; i++) signal[i] *= scale;
    return signal;
  }
}
