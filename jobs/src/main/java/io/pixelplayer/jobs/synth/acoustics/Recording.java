package io.pixelplayer.jobs.synth.acoustics;

import io.pixelplayer.udf.Compressor;
import io.pixelplayer.udf.Convolution;
import io.pixelplayer.udf.Loudness;
import java.util.Random;

/**
 * How one video's microphone in its room records the stage, from its {@link Acoustics}. The linear
 * stages (room, microphone) are applied to each source's channels alone, so that each source's
 * truth is that source through the same chain and the truths add up to the mix; compression is a
 * gain computed from the whole mix and applied to every part alike, so the sum stays exact; the
 * background noise is added to the mix only.
 */
public final class Recording {
  /**
   * The compressor's threshold sits this far above the mix's RMS level: it takes the peaks, not the
   * body.
   */
  private static final double THRESHOLD_OVER_RMS_DB = 3;

  private static final double ATTACK_SECONDS = 0.01;
  private static final double RELEASE_SECONDS = 0.15;

  /** Slow level drifts take 3 to 12 s a cycle: a player leaning in and out, not a tremolo. */
  private static final double SLOWEST_DRIFT_HZ = 1 / 12.0;

  private static final double FASTEST_DRIFT_HZ = 1 / 3.0;

  private final Acoustics acoustics;
  private final int sampleRate;
  private final float[] roomResponse;
  private final Equalizer microphone;
  private final Random random;

  public Recording(Acoustics acoustics, int sampleRate) {
    this.acoustics = acoustics;
    this.sampleRate = sampleRate;
    this.random = new Random(acoustics.noiseSeed());
    roomResponse =
        acoustics.rt60Seconds() > 0
            ? Room.impulseResponse(
                acoustics.rt60Seconds(), acoustics.reverbDb(), sampleRate, random)
            : null;
    microphone = new Equalizer(acoustics.tiltDb(), acoustics.resonances(), sampleRate);
  }

  /**
   * One source as the microphone hears it in the room, before it is panned: room and microphone are
   * linear and time-invariant, so they commute with the pan's gains, and one pass serves both
   * channels (half the work of one per channel; ingest hears the mean of the channels anyway).
   */
  public float[] hear(float[] source) {
    float[] roomed = roomResponse == null ? source : Convolution.convolve(source, roomResponse);
    return microphone.filter(roomed);
  }

  /**
   * A source's slowly drifting gain (linear, about 1), {@code frames} long; all ones when there is
   * no drift.
   */
  public float[] drift(int frames) {
    float[] gain = new float[frames];
    double hz =
        SLOWEST_DRIFT_HZ * Math.pow(FASTEST_DRIFT_HZ / SLOWEST_DRIFT_HZ, random.nextDouble());
    double phase = 2 * Math.PI * random.nextDouble();
    for (int i = 0; i < frames; i++) {
      double db = acoustics.driftDb() * Math.sin(2 * Math.PI * hz * i / sampleRate + phase);
      gain[i] = (float) Math.pow(10, db / 20);
    }
    return gain;
  }

  /**
   * The background noise's two channels, {@code snrDb} below {@code musicRmsDb}; null when the
   * video has none.
   */
  public float[][] noise(int frames, double musicRmsDb) {
    if (!acoustics.noisy()) return null;
    float[][] noise = BackgroundNoise.stereo(acoustics, frames, sampleRate, random);
    double level = Math.max(musicRmsDb, Loudness.SILENCE_FLOOR_DB) - acoustics.snrDb();
    float scale = (float) Math.pow(10, level / 20); // the noise channels are at unit RMS
    for (float[] channel : noise) {
      for (int i = 0; i < frames; i++) channel[i] *= scale;
    }
    return noise;
  }

  /** The compressor's gain for a mix (mono detector), or null when the video is not compressed. */
  public float[] compression(float[] mix) {
    if (acoustics.compressionRatio() <= 1) return null;
    double thresholdDb = Loudness.rmsDb(mix) + THRESHOLD_OVER_RMS_DB;
    return new Compressor(
            thresholdDb, acoustics.compressionRatio(), ATTACK_SECONDS, RELEASE_SECONDS)
        .gain(mix, sampleRate);
  }
}
