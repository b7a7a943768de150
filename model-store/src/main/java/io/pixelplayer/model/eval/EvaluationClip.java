package io.pixelplayer.model.eval;

import io.pixelplayer.model.infer.StoredClip;
import java.util.List;

/**
 * A held-out clip with the truth of each instrument in it (one for a solo, several for a duet, none
 * for a non-music clip).
 */
public record EvaluationClip(StoredClip clip, List<TruthSource> truth) {
  public EvaluationClip {
    if (clip == null) throw new IllegalArgumentException("evaluation clip is null");
    truth = List.copyOf(truth);
    for (TruthSource source : truth) {
      if (source.audio().length != clip.audio().length) {
        throw new IllegalArgumentException(
            "truth of "
                + source.instrument()
                + " in "
                + clip.videoId()
                + " has "
                + source.audio().length
                + " samples, the clip "
                + clip.audio().length);
      }
    }
  }
}
