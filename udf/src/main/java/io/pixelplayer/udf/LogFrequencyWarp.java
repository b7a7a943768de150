package io.pixelplayer.udf;

/**
 * The paper's log-frequency resampling of spectrograms and masks: SoP's {@code warpgrid} followed
 * by {@code F.grid_sample} (bilinear, zero padding, the {@code align_corners=True} behaviour of the
 * PyTorch it was written for), along the frequency axis only.
 *
 * <p>{@link #warp} turns {@code linearBins} STFT bins into {@code logBins} rows spaced
 * logarithmically (the domain where SoP's networks see spectrograms and where masks are trained and
 * predicted): log row i of n reads linear row {@code (21^(i/(n-1)) - 1) / 20 * (linearBins - 1)},
 * so row 0 is DC, the last row is Nyquist, and the lowest tenth of the log rows are less than half
 * a linear row apart. {@link #unwarp} is SoP's {@code warp=False} grid that brings predicted masks
 * back to STFT bins: linear row j of m reads log row {@code log(1 + 20 j/(m-1)) / log(21) *
 * (logBins - 1)}. Both interpolate linearly between the two nearest rows.
 *
 * <p>Coordinates are computed as the reference does (the grid in float32, then PyTorch's
 * unnormalisation in float32) so that results match it to float rounding. The time axis is copied
 * unchanged: the reference's time grid is the identity. Arrays are row-major by frequency, {@code
 * index = row * frames + frame}, as in {@link ComplexSpectrogram}.
 *
 * <p>Immutable and thread-safe.
 */
public final class LogFrequencyWarp {
  /** STFT bins of the paper's spectrograms (n_fft 1022). */
  public static final int PAPER_LINEAR_BINS = 512;

  /** Log-frequency rows the paper's networks see. */
  public static final int PAPER_LOG_BINS = 256;

  /** Frames of a paper clip (65535 samples, hop 256). */
  public static final int PAPER_FRAMES = 256;

  private final int linearBins;
  private final int logBins;
  private final int frames;
  private final RowInterpolation toLog;
  private final RowInterpolation toLinear;

  /**
   * @param linearBins rows of the linear-frequency side (STFT bins), at least 2
   * @param logBins rows of the log-frequency side, at least 2
   * @param frames time frames, the same on both sides, at least 1
   */
  public LogFrequencyWarp(int linearBins, int logBins, int frames) {
    if (linearBins < 2) throw new IllegalArgumentException("linear bins " + linearBins + " < 2");
    if (logBins < 2) throw new IllegalArgumentException("log bins " + logBins + " < 2");
    if (frames < 1) throw new IllegalArgumentException("frames " + frames + " < 1");
    this.linearBins = linearBins;
    this.logBins = logBins;
    this.frames = frames;
    // SoP's warpgrid, rows normalised to [-1, 1]: log row y reads linear row (21^((y+1)/2) - 11) /
    // 10, and
    // linear row y reads log row log(10 y + 11) / log(21) * 2 - 1, the inverse map.
    double[] toLogGrid = new double[logBins];
    for (int i = 0; i < logBins; i++) {
      toLogGrid[i] = (Math.pow(21, (linspace(i, logBins) + 1) / 2) - 11) / 10;
    }
    double[] toLinearGrid = new double[linearBins];
    for (int j = 0; j < linearBins; j++) {
      toLinearGrid[j] = Math.log(linspace(j, linearBins) * 10 + 11) / Math.log(21) * 2 - 1;
    }
    this.toLog = new RowInterpolation(toLogGrid, linearBins);
    this.toLinear = new RowInterpolation(toLinearGrid, logBins);
  }

  /** The paper's warp: 512 STFT bins to 256 log-frequency rows, 256 frames. */
  public static LogFrequencyWarp paper() {
    return new LogFrequencyWarp(PAPER_LINEAR_BINS, PAPER_LOG_BINS, PAPER_FRAMES);
  }

  public int linearBins() {
    return linearBins;
  }

  public int logBins() {
    return logBins;
  }

  public int frames() {
    return frames;
  }

  /**
   * {@code linearBins x frames} values (e.g. STFT magnitudes) resampled to {@code logBins x
   * frames}.
   */
  public float[] warp(float[] linear) {
    return toLog.apply(linear, linearBins, frames, "linear-frequency input");
  }

  /**
   * {@code logBins x frames} values (e.g. predicted masks) resampled back to {@code linearBins x
   * frames}.
   */
  public float[] unwarp(float[] log) {
    return toLinear.apply(log, logBins, frames, "log-frequency input");
  }

  /** {@code numpy.linspace(-1, 1, count)[index]}. */
  private static double linspace(int index, int count) {
    return index == count - 1 ? 1.0 : -1 + index * (2.0 / (count - 1));
  }

  /**
   * For each output row, the two input rows around its sampling coordinate and their bilinear
   * weights; a row outside the input (only ever reached with weight 0 by SoP's grids) contributes
   * nothing, as with {@code padding_mode='zeros'}.
   */
  private static final class RowInterpolation {
    private final int[] lowerRow;
    private final float[] lowerWeight;
    private final float[] upperWeight;

    RowInterpolation(double[] grid, int inputRows) {
      lowerRow = new int[grid.length];
      lowerWeight = new float[grid.length];
      upperWeight = new float[grid.length];
      for (int row = 0; row < grid.length; row++) {
        // float arithmetic on purpose: the grid is float32 and PyTorch unnormalises it in float32.
        float coordinate = (((float) grid[row] + 1f) / 2f) * (inputRows - 1);
        int below = (int) Math.floor(coordinate);
        // The stored pair is kept inside the input; a neighbour outside it gets no weight.
        int pair = Math.max(0, Math.min(below, inputRows - 2));
        lowerRow[row] = pair;
        lowerWeight[row] = bilinearWeight(pair, below, coordinate);
        upperWeight[row] = bilinearWeight(pair + 1, below, coordinate);
      }
    }

    /**
     * Weight of input row {@code inputRow} when sampling at {@code coordinate}, whose floor is
     * {@code below}.
     */
    private static float bilinearWeight(int inputRow, int below, float coordinate) {
      if (inputRow == below) return (below + 1) - coordinate;
      if (inputRow == below + 1) return coordinate - below;
      return 0f;
    }

    float[] apply(float[] input, int inputRows, int frames, String what) {
      if (input == null) throw new IllegalArgumentException(what + " is null");
      if (input.length != inputRows * frames) {
        throw new IllegalArgumentException(
            what
                + " has "
                + input.length
                + " values, expected "
                + inputRows
                + " rows x "
                + frames
                + " frames");
      }
      float[] output = new float[lowerRow.length * frames];
      for (int row = 0; row < lowerRow.length; row++) {
        int lower = lowerRow[row] * frames;
        int upper = lower + frames;
        float wLower = lowerWeight[row];
        float wUpper = upperWeight[row];
        int out = row * frames;
        for (int t = 0; t < frames; t++) {
          output[out + t] = input[lower + t] * wLower + input[upper + t] * wUpper;
        }
      }
      return output;
    }
  }

  @Override
  public String toString() {
    return "LogFrequencyWarp["
        + linearBins
        + " linear bins <-> "
        + logBins
        + " log bins, "
        + frames
        + " frames]";
  }
}
