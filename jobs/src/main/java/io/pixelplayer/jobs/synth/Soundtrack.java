package io.pixelplayer.jobs.synth;

import io.pixelplayer.jobs.synth.acoustics.Acoustics;
import io.pixelplayer.jobs.synth.acoustics.Recording;
import io.pixelplayer.udf.Loudness;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The mix of a video's sources: each played on its instrument's {@link
 * io.pixelplayer.jobs.synth.acoustics.Timbre}, brought to a natural, varied loudness, panned
 * towards where it stands (left to right), recorded through the video's room and microphone ({@link
 * Recording}), summed into a stereo track with the background noise, and compressed. Each source's
 * own part of the mix is kept as its truth and the noise's as the background, so that truths and
 * background add up to the mixture exactly (up to the codec).
 */
final class Soundtrack {
  /** Typical loudness of a source (dBFS RMS) and how far it varies between videos either way. */
  static final double TARGET_DB = -20;

  static final double SPREAD_DB = 4;

  /** Mixture peak kept below this, leaving the AAC encoder headroom. */
  static final float PEAK_LIMIT = 0.9f;

  /** How far (−1..1) sources at the left and right edges are panned. */
  static final double PAN_WIDTH = 0.4;

  private final float[] stereo;
  private final List<float[]> sourcesMono;
  private final float[] backgroundMono;

  private Soundtrack(float[] stereo, List<float[]> sourcesMono, float[] backgroundMono) {
    this.stereo = stereo;
    this.sourcesMono = sourcesMono;
    this.backgroundMono = backgroundMono;
  }

  /**
   * @param sources each source's dry render (mono), left to right, all of the same length
   * @param random draws each source's level
   */
  static Soundtrack mix(List<float[]> sources, Random random, Acoustics acoustics, int sampleRate) {
    Recording recording = new Recording(acoustics, sampleRate);
    int n = sources.get(0).length;
    List<float[]> left = new ArrayList<>();
    List<float[]> right = new ArrayList<>();
    for (int s = 0; s < sources.size(); s++) {
      float[] dry = acoustics.timbres().get(s).play(sources.get(s), sampleRate);
      double level = Loudness.rmsDb(dry);
      double gainDb =
          TARGET_DB + (random.nextDouble() * 2 - 1) * SPREAD_DB - level + acoustics.levelDb();
      double gain = level <= Loudness.SILENCE_FLOOR_DB ? 0 : Math.pow(10, gainDb / 20);
      double pan = sources.size() == 1 ? 0 : PAN_WIDTH * (2.0 * s / (sources.size() - 1) - 1);
      // Equal-power pan: the source keeps its loudness wherever it stands.
      double angle = (pan + 1) * Math.PI / 4;
      float gl = (float) (gain * Math.cos(angle) * Math.sqrt(2));
      float gr = (float) (gain * Math.sin(angle) * Math.sqrt(2));
      float[] drift = acoustics.driftDb() > 0 ? recording.drift(n) : null;
      float[] played = dry;
      if (drift != null) {
        played = new float[n];
        for (int i = 0; i < n; i++) played[i] = dry[i] * drift[i];
      }
      float[] heard = recording.hear(played);
      float[] l = new float[n];
      float[] r = new float[n];
      for (int i = 0; i < n; i++) {
        l[i] = heard[i] * gl;
        r[i] = heard[i] * gr;
      }
      left.add(l);
      right.add(r);
    }
    float[] stereo = new float[2 * n];
    float[] music = new float[n];
    for (int i = 0; i < n; i++) {
      float l = 0;
      float r = 0;
      for (int s = 0; s < sources.size(); s++) {
        l += left.get(s)[i];
        r += right.get(s)[i];
      }
      stereo[2 * i] = l;
      stereo[2 * i + 1] = r;
      music[i] = (l + r) * 0.5f;
    }
    float[][] noise = recording.noise(n, Loudness.rmsDb(music));
    float[] background = new float[n];
    if (noise != null) {
      for (int i = 0; i < n; i++) {
        stereo[2 * i] += noise[0][i];
        stereo[2 * i + 1] += noise[1][i];
        background[i] = (noise[0][i] + noise[1][i]) * 0.5f;
      }
    }
    float[] mixMono = new float[n];
    for (int i = 0; i < n; i++) mixMono[i] = (stereo[2 * i] + stereo[2 * i + 1]) * 0.5f;
    float[] compression = recording.compression(mixMono);
    float peak = 0;
    for (int i = 0; i < n; i++) {
      float g = compression == null ? 1f : compression[i];
      stereo[2 * i] *= g;
      stereo[2 * i + 1] *= g;
      peak = Math.max(peak, Math.max(Math.abs(stereo[2 * i]), Math.abs(stereo[2 * i + 1])));
    }
    float limit = peak > PEAK_LIMIT ? PEAK_LIMIT / peak : 1f;
    List<float[]> mono = new ArrayList<>();
    for (int s = 0; s < sources.size(); s++) {
      // What ingest hears of this source: the average of the two channels, through the same gains
      // as the mix.
      float[] m = new float[n];
      for (int i = 0; i < n; i++) {
        float g = compression == null ? limit : compression[i] * limit;
        m[i] = (left.get(s)[i] + right.get(s)[i]) * 0.5f * g;
      }
      mono.add(m);
    }
    for (int i = 0; i < n; i++) {
      background[i] *= compression == null ? limit : compression[i] * limit;
    }
    if (limit < 1f) {
      for (int i = 0; i < stereo.length; i++) {
        stereo[i] *= limit;
      }
    }
    return new Soundtrack(stereo, mono, noise == null ? null : background);
  }

  /** The mix, interleaved left/right. */
  float[] stereo() {
    return stereo;
  }

  /**
   * Source i's part of the mix as a mono signal (the mean of its two channels), at the render rate.
   */
  float[] sourceMono(int i) {
    return sourcesMono.get(i);
  }

  /** The background noise's part of the mix (mono), or null when the video has none. */
  float[] backgroundMono() {
    return backgroundMono;
  }
}
