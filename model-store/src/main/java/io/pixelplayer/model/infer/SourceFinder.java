package io.pixelplayer.model.infer;

import io.pixelplayer.model.Instruments;
import io.pixelplayer.udf.Box;
import io.pixelplayer.udf.PixelEnergyMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The sources of one analysed video: the instruments the instrument head is confident of, each with
 * where its sound comes from and the mask that separates it. A source's energy map is the video's
 * per-pixel sound energy times each pixel's probability of showing that instrument, so the maps of
 * all instruments add up to the whole sound's map and a source's energy share is its part of the
 * clip's sound as the pixels place it.
 */
public final class SourceFinder {
  /**
   * @param minConfidence an instrument is a source when the clip's probability of it is at least
   *     this
   * @param maxSources at most this many sources per clip, the most confident first
   * @param boxFraction a source's box holds the cells with at least this share of its peak energy
   */
  public record Settings(double minConfidence, int maxSources, double boxFraction)
      implements java.io.Serializable {
    public Settings {
      if (!(minConfidence >= 0 && minConfidence <= 1))
        throw new IllegalArgumentException(
            "minimum confidence " + minConfidence + " not in [0, 1]");
      if (maxSources < 1)
        throw new IllegalArgumentException("maximum sources " + maxSources + " < 1");
      if (!(boxFraction > 0 && boxFraction <= 1))
        throw new IllegalArgumentException("box fraction " + boxFraction + " not in (0, 1]");
    }
  }

  /**
   * One instrument found in a clip.
   *
   * @param index 0-based, in order of confidence
   * @param classIndex the instrument's class in {@link Instruments#ALL}
   * @param confidence the clip's probability of the instrument
   * @param energyShare the source's share of the clip's sound energy (0..1)
   * @param map where its sound is, over the whole frame
   * @param centroid the energy-weighted centre of its map
   * @param box the box of its loud cells
   * @param mask its mask on the model's log-frequency grid ({@code logBins x frames}), for
   *     separating it
   */
  public record Source(
      int index,
      int classIndex,
      double confidence,
      double energyShare,
      PixelEnergyMap map,
      PixelEnergyMap.Point centroid,
      Box box,
      float[] mask) {
    public String instrument() {
      return Instruments.ALL.get(classIndex);
    }
  }

  private final Settings settings;

  public SourceFinder(Settings settings) {
    this.settings = settings;
  }

  /** The whole sound's energy map of video {@code n}. */
  public static PixelEnergyMap soundMap(ClipAnalysis analysis, int n) {
    return PixelEnergyMap.of(analysis.height(), analysis.width(), analysis.video(n).pixelEnergy());
  }

  /**
   * The highest {@code minConfidence} at which instrument {@code classIndex} is still one of video
   * {@code n}'s sources ({@link #find}): its probability when it is among the {@code maxSources}
   * most probable (ties to the lower class), else -1, as no setting finds it.
   */
  public double foundUpTo(ClipAnalysis analysis, int n, int classIndex) {
    float[] probabilities = analysis.video(n).classes();
    float p = probabilities[classIndex];
    int ahead = 0;
    for (int c = 0; c < probabilities.length; c++) {
      if (probabilities[c] > p || (probabilities[c] == p && c < classIndex)) ahead++;
    }
    return ahead < settings.maxSources() ? p : -1;
  }

  /**
   * The highest {@code minConfidence} at which video {@code n} has any source ({@link #find}): the
   * probability of its most probable instrument.
   */
  public static double anyFoundUpTo(ClipAnalysis analysis, int n) {
    double highest = 0;
    for (float p : analysis.video(n).classes()) highest = Math.max(highest, p);
    return highest;
  }

  /** The sources of video {@code n} of {@code analysis}, the most confident first. */
  public List<Source> find(ClipAnalysis analysis, int n) {
    float[] probabilities = analysis.video(n).classes();
    PixelEnergyMap whole = soundMap(analysis, n);
    int[] chosen =
        IntStream.range(0, probabilities.length)
            .boxed()
            .filter(c -> probabilities[c] >= settings.minConfidence())
            .sorted(
                Comparator.comparingDouble((Integer c) -> probabilities[c])
                    .reversed()
                    .thenComparing(c -> c))
            .limit(settings.maxSources())
            .mapToInt(Integer::intValue)
            .toArray();
    List<Source> sources = new ArrayList<>();
    for (int i = 0; i < chosen.length; i++) {
      int c = chosen[i];
      PixelEnergyMap map =
          PixelEnergyMap.of(analysis.height(), analysis.width(), analysis.classEnergy(n, c));
      sources.add(
          new Source(
              i,
              c,
              probabilities[c],
              map.shareOf(whole),
              map,
              map.centroid(),
              map.box(settings.boxFraction()),
              analysis.classMask(n, c)));
    }
    return sources;
  }
}
