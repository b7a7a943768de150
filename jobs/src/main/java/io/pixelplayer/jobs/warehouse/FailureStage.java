package io.pixelplayer.jobs.warehouse;

import java.util.Locale;

/**
 * Where a video was lost, in the order a video goes through the stages; the {@code stage} column of
 * the {@code failures} table holds the lower-case name.
 */
public enum FailureStage {
  /**
   * The file could not be read from its file system (permissions, a vanished object): the next run
   * tries again, as access may have been granted since.
   */
  READ,
  /** FFmpeg could not open it: empty, not a video, truncated before its index. */
  OPEN,
  /** It opened but lacks a video or an audio stream. */
  PROBE,
  /**
   * Decoding ended early (a cut-off file, a damaged stream) or was stopped at the length limit:
   * what was decoded is kept.
   */
  DECODE,
  /** Too little audio for one clip. */
  CLIP,
  /** The audio track holds no sound. */
  AUDIO,
  /**
   * The model failed on its clips (out of memory, a lost device): not the file's fault, so the next
   * run tries again.
   */
  MODEL;

  /**
   * Whether the video is still indexed with what was decoded (the failures row then says what was
   * lost).
   */
  public boolean keepsVideo() {
    return this == DECODE;
  }

  /** Whether an unchanged file that failed here is tried again by the next incremental run. */
  public boolean retried() {
    return this == READ || this == MODEL;
  }

  /** The name in the {@code stage} column. */
  public String column() {
    return name().toLowerCase(Locale.ROOT);
  }
}
