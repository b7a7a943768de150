package io.pixelplayer.model.infer;

import java.util.Arrays;
import java.util.List;

/**
 * What the model made of one {@link ClipInput}: per video, as {@link ClipAnalyser} computes it.
 * Spectrogram-shaped arrays are on the model's log-frequency grid, {@code logBins x frames},
 * bin-major; maps are {@code height x width}, row-major, covering the whole video frame.
 */
public record ClipAnalysis(int logBins, int frames, int height, int width, List<Video> videos) {
  public ClipAnalysis {
    videos = List.copyOf(videos);
  }

  /**
   * @param mask the video's mask probabilities ({@code logBins x frames})
   * @param classes instrument probabilities (C)
   * @param pixelClasses per-pixel instrument probabilities ({@code C x height x width})
   * @param pixelEnergy the mixture energy each pixel's mask keeps ({@code height x width})
   * @param classMasks per class, the mask of its best pixel ({@code C x logBins x frames})
   */
  public record Video(
      float[] mask,
      float[] classes,
      float[] pixelClasses,
      float[] pixelEnergy,
      float[] classMasks) {}

  public Video video(int n) {
    return videos.get(n);
  }

  /** The mask of class {@code c}'s best pixel in video {@code n}. */
  public float[] classMask(int n, int c) {
    int cells = logBins * frames;
    return Arrays.copyOfRange(videos.get(n).classMasks(), c * cells, (c + 1) * cells);
  }

  /**
   * Video {@code n}'s energy map weighted by the probability of class {@code c} at each pixel: that
   * source's map.
   */
  public float[] classEnergy(int n, int c) {
    Video video = videos.get(n);
    int pixels = height * width;
    float[] map = new float[pixels];
    for (int p = 0; p < pixels; p++) {
      map[p] = video.pixelEnergy()[p] * video.pixelClasses()[c * pixels + p];
    }
    return map;
  }

  /** The most probable class of video {@code n}. */
  public int topClass(int n) {
    return argMax(videos.get(n).classes());
  }

  /** Index of the largest value (the first on a tie). */
  public static int argMax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) best = i;
    }
    return best;
  }
}
