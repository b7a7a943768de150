package io.pixelplayer.model.infer;

import java.util.Arrays;
import java.util.Random;

/**
 * Which stored frames of a clip the networks see: the one rule for training, evaluation, indexing,
 * remix and the SQL functions, so that a clip is looked at the same way wherever it is analysed.
 */
public final class FramePicker {
  private FramePicker() {}

  /**
   * Indices of {@code count} stored frames for the time span [from, to]: those nearest the centres
   * of {@code count} equal parts of it; with jitter each moves by -1, 0 or +1 frame if it stays in
   * the span.
   */
  public static int[] pick(
      double[] frameTimes, double from, double to, int count, boolean jitter, Random rng) {
    int[] picked = new int[count];
    for (int k = 0; k < count; k++) {
      int nearest = nearest(frameTimes, from + (k + 0.5) * (to - from) / count);
      picked[k] = nearest;
      if (jitter) {
        int moved = nearest + rng.nextInt(3) - 1;
        if (moved >= 0
            && moved < frameTimes.length
            && frameTimes[moved] >= from
            && frameTimes[moved] <= to) {
          picked[k] = moved;
        }
      }
    }
    return picked;
  }

  /**
   * Refuses frame times that {@link #pick} cannot search: not finite, or not ascending.
   *
   * @param what names the times in the message, e.g. "frame times of solo-0001"
   */
  public static void requireAscending(double[] times, String what) {
    for (int i = 0; i < times.length; i++) {
      if (!Double.isFinite(times[i]) || (i > 0 && times[i] < times[i - 1])) {
        throw new IllegalArgumentException(what + " are not finite and ascending at index " + i);
      }
    }
  }

  /** Index of the ascending {@code times} closest to {@code t} (the earlier on a tie). */
  public static int nearest(double[] times, double t) {
    int at = Arrays.binarySearch(times, t);
    if (at >= 0) return at;
    int after = -at - 1;
    if (after == 0) return 0;
    if (after == times.length) return times.length - 1;
    return t - times[after - 1] <= times[after] - t ? after - 1 : after;
  }
}
