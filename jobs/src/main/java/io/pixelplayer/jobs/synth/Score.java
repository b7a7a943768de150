package io.pixelplayer.jobs.synth;

import java.util.List;

/**
 * What one instrument plays in a video: its notes in time order over {@code seconds}. The video
 * renderer moves the instrument's picture at each onset and keeps it still in rests.
 */
public record Score(String instrument, List<Note> notes, double seconds) {
  public Score {
    notes = List.copyOf(notes);
  }
}
