package io.pixelplayer.model.eval;

import io.pixelplayer.model.infer.FramePicker;
import io.pixelplayer.udf.Box;

/**
 * One instrument's ground truth over a clip (evaluation only; training never sees it).
 *
 * @param instrument the instrument's name
 * @param audio the source alone, sample-aligned with the clip's audio (same rate, same start, same
 *     length)
 * @param boxTimes times (seconds in the video, ascending) at which its box is known
 * @param boxes its box at each of those times
 */
public record TruthSource(String instrument, float[] audio, double[] boxTimes, Box[] boxes) {
  public TruthSource {
    if (instrument == null || instrument.isEmpty())
      throw new IllegalArgumentException("truth source without an instrument");
    if (audio == null)
      throw new IllegalArgumentException("truth audio of " + instrument + " is null");
    if (boxTimes.length == 0 || boxTimes.length != boxes.length) {
      throw new IllegalArgumentException(
          instrument + " has " + boxTimes.length + " box times and " + boxes.length + " boxes");
    }
  }

  /**
   * The union of its boxes at the times nearest to {@code times} (where it was while those frames
   * were shown).
   */
  public Box boxOver(double[] times) {
    Box union = null;
    for (double t : times) {
      Box box = boxes[FramePicker.nearest(boxTimes, t)];
      union = union == null ? box : union.union(box);
    }
    return union;
  }
}
