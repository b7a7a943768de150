package io.pixelplayer.jobs.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

/**
 * FFmpeg logs to stderr from native code ("moov atom not found", stream dumps, encoder notices).
 * Our jobs report what matters in one line each (the failures table, errors), so FFmpeg's own log
 * is shown only when asked for with --verbose (which sets {@code pixelplayer.log.level=info}).
 */
public final class FfmpegLog {
  static {
    boolean verbose =
        System.getProperty("pixelplayer.log.level", "warn").matches("(?i)info|debug|trace");
    av_log_set_level(verbose ? AV_LOG_WARNING : AV_LOG_QUIET);
  }

  private FfmpegLog() {}

  /** Sets FFmpeg's log level once per JVM (the class initialiser does the work). */
  public static void configure() {
    // Nothing more to do: loading this class applied the level.
  }
}
