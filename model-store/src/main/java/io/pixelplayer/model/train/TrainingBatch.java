package io.pixelplayer.model.train;

import java.util.List;

/**
 * One Mix-and-Separate training batch: B mixtures of N sources each, as flat row-major float arrays
 * ready to wrap as tensors (F log-frequency rows, lowest frequency first; T STFT frames; K frames
 * per source; S pixels).
 *
 * <ul>
 *   <li>{@link #audioInput} {@code [B, 1, F, T]}: {@code log(mixture magnitude + 1e-10)}, the sound
 *       network's input;
 *   <li>{@link #weights} {@code [B, 1, F, T]}: {@code clamp(log1p(mixture magnitude), 1e-3, 10)},
 *       the per-bin loss weights;
 *   <li>{@link #targets} {@code [B, N, F, T]}: 1 where source n's magnitude exceeds half the
 *       mixture's, else 0;
 *   <li>{@link #frames} {@code [B, N, K, 3, S, S]}: RGB planes normalised with the ImageNet mean
 *       and std (SoP stacks a source's frames as {@code [3, K, S, S]}; here each frame is a
 *       contiguous CHW image);
 *   <li>{@link #tags} {@code [B, N]}: the class index of each source's instrument, or {@link
 *       #NO_TAG};
 *   <li>{@link #duets}: D duet clips for the instrument head alone (no mixing), their frames {@code
 *       [D, K, 3, S, S]} and the classes of their left and right instruments {@code [D, 2]};
 *   <li>{@link #mosaics}: M mosaics, mosaic m showing the N sources of mixture m and 4 - N silent
 *       solos in its four quadrants, their frames {@code [M, K, 3, S, S]}, the classes of their
 *       quadrants {@code [M, 4]} and which source each quadrant shows {@code [M, 4]} ({@link
 *       #sceneTargets}: what each quadrant sounds like).
 * </ul>
 *
 * <p>Magnitudes are of the log-frequency-warped STFTs of the mixture and of each source as it is in
 * the mixture (gain applied, divided by N). The arrays are handed over, not copied: the batch
 * belongs to whoever holds it.
 *
 * @param sources what went into each mixture, {@code B * N} entries in {@code [B, N]} order
 */
public record TrainingBatch(
    int size,
    int sourcesPerMix,
    int logBins,
    int stftFrames,
    int framesPerSource,
    int frameSize,
    float[] audioInput,
    float[] weights,
    float[] targets,
    float[] frames,
    int[] tags,
    List<MixedSource> sources,
    Scenes duets,
    Scenes mosaics) {

  /** Tag of a source whose clip has no single instrument (untagged, or a duet): no class target. */
  public static final int NO_TAG = -1;

  /**
   * The tag of a source that shows no instrument (speech, noise, a test pattern): the head must
   * name none of them.
   */
  public static final int NO_INSTRUMENT = -2;

  public TrainingBatch {
    if (size < 1
        || sourcesPerMix < 1
        || logBins < 1
        || stftFrames < 1
        || framesPerSource < 1
        || frameSize < 1) {
      throw new IllegalArgumentException(
          "batch dimensions must be positive: B "
              + size
              + ", N "
              + sourcesPerMix
              + ", F "
              + logBins
              + ", T "
              + stftFrames
              + ", K "
              + framesPerSource
              + ", S "
              + frameSize);
    }
    long spectrogram = (long) logBins * stftFrames;
    requireLength("audio input", audioInput, size * spectrogram);
    requireLength("weights", weights, size * spectrogram);
    requireLength("targets", targets, size * sourcesPerMix * spectrogram);
    requireLength(
        "frames",
        frames,
        (long) size * sourcesPerMix * framesPerSource * 3 * frameSize * frameSize);
    if (tags == null || tags.length != size * sourcesPerMix) {
      throw new IllegalArgumentException(
          "tags must have B x N = " + size * sourcesPerMix + " entries");
    }
    if (sources == null || sources.size() != size * sourcesPerMix) {
      throw new IllegalArgumentException(
          "sources must have B x N = " + size * sourcesPerMix + " entries");
    }
    sources = List.copyOf(sources);
    for (Scenes scenes : new Scenes[] {duets, mosaics}) {
      if (scenes == null)
        throw new IllegalArgumentException("duets or mosaics are null (use Scenes.none)");
      requireLength(
          "scene frames",
          scenes.frames(),
          (long) scenes.count() * framesPerSource * 3 * frameSize * frameSize);
    }
  }

  /**
   * {@code [D, regions, F, T]}: for scenes made from this batch's mixtures (scene d from mixture
   * d), the target mask of the source each region shows, all 0 for a silent region.
   */
  public float[] sceneTargets(Scenes scenes) {
    if (!scenes.sounding()) throw new IllegalArgumentException("these scenes have no sound");
    int spectrogram = logBins * stftFrames;
    float[] sceneTargets = new float[scenes.count() * scenes.regions() * spectrogram];
    for (int d = 0; d < scenes.count(); d++) {
      for (int r = 0; r < scenes.regions(); r++) {
        int source = scenes.sources()[d * scenes.regions() + r];
        if (source != Scenes.SILENT) {
          System.arraycopy(
              targets,
              (d * sourcesPerMix + source) * spectrogram,
              sceneTargets,
              (d * scenes.regions() + r) * spectrogram,
              spectrogram);
        }
      }
    }
    return sceneTargets;
  }

  /** {@code [D, K, 3, S, S]} of {@code scenes} (the duets or the mosaics). */
  public long[] sceneFrameShape(Scenes scenes) {
    return new long[] {scenes.count(), framesPerSource, 3, frameSize, frameSize};
  }

  /**
   * Frames for learning where instruments are: each is cut into a grid of {@code columns x rows}
   * equal regions, each showing one instrument, and the instrument head must find each region's
   * instrument in that region. Duets are a 2 x 1 grid (the manifest's tags are in left-to-right
   * order). Mosaics are a 2 x 2 grid that also sounds: the pixels of each quadrant must separate
   * from the mixture what that quadrant's instrument plays, and nothing of what it does not.
   *
   * @param count D
   * @param frames {@code [D, K, 3, S, S]}
   * @param tags {@code [D, columns * rows]}: the class of each region's instrument, row by row from
   *     the top left (as shown: a mirrored duet has its two swapped), or {@link #NO_TAG}
   * @param sources empty for scenes without sound (duets); else {@code [D, columns * rows]}: the
   *     index n of the source of mixture d that region shows, or {@link #SILENT} for a picture
   *     whose sound is not in it
   */
  public record Scenes(
      int count, int columns, int rows, float[] frames, int[] tags, int[] sources) {
    /** The source of a region whose instrument is seen but not heard. */
    public static final int SILENT = -1;

    public Scenes {
      if (count < 0
          || columns < 1
          || rows < 1
          || frames == null
          || tags == null
          || tags.length != columns * rows * count
          || sources == null
          || (sources.length != 0 && sources.length != tags.length)) {
        throw new IllegalArgumentException(
            "scenes: "
                + count
                + " of "
                + columns
                + " x "
                + rows
                + " regions need "
                + columns * rows * count
                + " tags, and as many sources or none");
      }
    }

    /** No scenes of this grid. */
    public static Scenes none(int columns, int rows) {
      return new Scenes(0, columns, rows, new float[0], new int[0], new int[0]);
    }

    /** Whether the regions say which of their mixture's sources they show. */
    public boolean sounding() {
      return count > 0 && sources.length > 0;
    }

    public int regions() {
      return columns * rows;
    }
  }

  /** {@code [B, 1, F, T]}: shape of {@link #audioInput} and {@link #weights}. */
  public long[] mixtureShape() {
    return new long[] {size, 1, logBins, stftFrames};
  }

  /** {@code [B, N, F, T]}. */
  public long[] targetShape() {
    return new long[] {size, sourcesPerMix, logBins, stftFrames};
  }

  /** {@code [B, N, K, 3, S, S]}. */
  public long[] frameShape() {
    return new long[] {size, sourcesPerMix, framesPerSource, 3, frameSize, frameSize};
  }

  /** {@code [B, N]}. */
  public long[] tagShape() {
    return new long[] {size, sourcesPerMix};
  }

  /**
   * One source of one mixture, for logs and checks.
   *
   * @param videoId the clip's video
   * @param instruments the clip's tags
   * @param cropOffset first sample of the crop in the clip's audio
   * @param cropValid samples of the crop inside the clip's valid audio (the rest is silence)
   * @param gainDb the random gain applied before mixing
   * @param cropStart video time of the crop's first sample (s)
   * @param cropEnd video time just after its last valid sample (s)
   * @param frameIndices which stored frames of the clip were used, in order
   */
  public record MixedSource(
      String videoId,
      List<String> instruments,
      int cropOffset,
      int cropValid,
      double gainDb,
      double cropStart,
      double cropEnd,
      int[] frameIndices) {}

  private static void requireLength(String what, float[] values, long expected) {
    if (values == null || values.length != expected) {
      throw new IllegalArgumentException(
          what
              + " must have "
              + expected
              + " values, has "
              + (values == null ? "none" : values.length));
    }
  }
}
