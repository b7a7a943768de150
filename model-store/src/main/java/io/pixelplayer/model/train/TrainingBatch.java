package io.pixelplayer.model.train;

import java.util.List;

/**
 * One Mix-and-Separate training batch: B mixtures of N sources each, as flat row-major float arrays ready to
 * wrap as tensors (F log-frequency rows, lowest frequency first; T STFT frames; K frames per source; S pixels).
 *
 * <ul>
 *   <li>{@link #audioInput} {@code [B, 1, F, T]}: {@code log(mixture magnitude + 1e-10)}, the sound network's
 *       input;
 *   <li>{@link #weights} {@code [B, 1, F, T]}: {@code clamp(log1p(mixture magnitude), 1e-3, 10)}, the per-bin
 *       loss weights;
 *   <li>{@link #targets} {@code [B, N, F, T]}: 1 where source n's magnitude exceeds half the mixture's, else 0;
 *   <li>{@link #frames} {@code [B, N, K, 3, S, S]}: RGB planes normalised with the ImageNet mean and std (SoP
 *       stacks a source's frames as {@code [3, K, S, S]}; here each frame is a contiguous CHW image);
 *   <li>{@link #tags} {@code [B, N]}: the class index of each source's instrument, or {@link #NO_TAG};
 *   <li>{@link #duets}: D duet clips for the instrument head alone (no mixing), their frames
 *       {@code [D, K, 3, S, S]} and the classes of their left and right instruments {@code [D, 2]}.
 * </ul>
 *
 * <p>Magnitudes are of the log-frequency-warped STFTs of the mixture and of each source as it is in the
 * mixture (gain applied, divided by N). The arrays are handed over, not copied: the batch belongs to whoever
 * holds it.
 *
 * @param sources what went into each mixture, {@code B * N} entries in {@code [B, N]} order
 */
public record TrainingBatch(int size, int sourcesPerMix, int logBins, int stftFrames, int framesPerSource,
    int frameSize, float[] audioInput, float[] weights, float[] targets, float[] frames, int[] tags,
    List<MixedSource> sources, Duets duets) {

  /** Tag of a source whose clip has no single instrument (untagged, or a duet): no class target. */
  public static final int NO_TAG = -1;

  public TrainingBatch {
    if (size < 1 || sourcesPerMix < 1 || logBins < 1 || stftFrames < 1 || framesPerSource < 1 || frameSize < 1) {
      throw new IllegalArgumentException("batch dimensions must be positive: B " + size + ", N " + sourcesPerMix
          + ", F " + logBins + ", T " + stftFrames + ", K " + framesPerSource + ", S " + frameSize);
    }
    long spectrogram = (long) logBins * stftFrames;
    requireLength("audio input", audioInput, size * spectrogram);
    requireLength("weights", weights, size * spectrogram);
    requireLength("targets", targets, size * sourcesPerMix * spectrogram);
    requireLength("frames", frames, (long) size * sourcesPerMix * framesPerSource * 3 * frameSize * frameSize);
    if (tags == null || tags.length != size * sourcesPerMix) {
      throw new IllegalArgumentException("tags must have B x N = " + size * sourcesPerMix + " entries");
    }
    if (sources == null || sources.size() != size * sourcesPerMix) {
      throw new IllegalArgumentException("sources must have B x N = " + size * sourcesPerMix + " entries");
    }
    sources = List.copyOf(sources);
    if (duets == null) throw new IllegalArgumentException("duets are null (use Duets.NONE)");
    requireLength("duet frames", duets.frames(), (long) duets.count() * framesPerSource * 3 * frameSize * frameSize);
  }

  /** {@code [D, K, 3, S, S]}. */
  public long[] duetFrameShape() {
    return new long[] {duets.count(), framesPerSource, 3, frameSize, frameSize};
  }

  /**
   * Duet clips for learning where instruments are: the instrument head must find the left instrument in the left
   * half of the frame and the right one in the right half (the manifest's tags are in left-to-right order).
   *
   * @param count  D
   * @param frames {@code [D, K, 3, S, S]}
   * @param tags   {@code [D, 2]}: class of the left instrument, class of the right one (as shown: a mirrored
   *               frame has them swapped)
   */
  public record Duets(int count, float[] frames, int[] tags) {
    public static final Duets NONE = new Duets(0, new float[0], new int[0]);

    public Duets {
      if (count < 0 || frames == null || tags == null || tags.length != 2 * count) {
        throw new IllegalArgumentException("duets: " + count + " clips need 2 x " + count + " tags");
      }
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
   * @param videoId      the clip's video
   * @param instruments  the clip's tags
   * @param cropOffset   first sample of the crop in the clip's audio
   * @param cropValid    samples of the crop inside the clip's valid audio (the rest is silence)
   * @param gainDb       the random gain applied before mixing
   * @param cropStart    video time of the crop's first sample (s)
   * @param cropEnd      video time just after its last valid sample (s)
   * @param frameIndices which stored frames of the clip were used, in order
   */
  public record MixedSource(String videoId, List<String> instruments, int cropOffset, int cropValid,
      double gainDb, double cropStart, double cropEnd, int[] frameIndices) {}

  private static void requireLength(String what, float[] values, long expected) {
    if (values == null || values.length != expected) {
      throw new IllegalArgumentException(what + " must have " + expected + " values, has "
          + (values == null ? "none" : values.length));
    }
  }
}
