package io.pixelplayer.jobs.synth;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.synth.acoustics.AcousticsSettings;

/**
 * How synthetic videos look and sound (from conf/pixelplayer.properties).
 *
 * @param truthRate the rate of the truth files, the model's rate (a divisor of {@code audioRate})
 * @param acoustics what rooms, microphones and players may do to the sound
 * @param camera what the camera may do to the pictures
 * @param espeak the espeak-ng program that speaks in non-music videos
 * @param silentInViewShare share of solos with a second instrument in view that does not play (not
 *     in the tags)
 * @param distractorShare share of music videos with props in view (lamp, chair, plant, cup, book,
 *     window)
 */
public record SynthSettings(
    int width,
    int height,
    double fps,
    int audioRate,
    int audioBitrate,
    int videoBitrate,
    int truthRate,
    String artStyle,
    int threads,
    AcousticsSettings acoustics,
    CameraSettings camera,
    String espeak,
    double silentInViewShare,
    double distractorShare) {
  // The keys, documented in conf/pixelplayer.properties.
  public static final String WIDTH = "pixelplayer.synth.width";
  public static final String HEIGHT = "pixelplayer.synth.height";
  public static final String FPS = "pixelplayer.synth.fps";
  public static final String AUDIO_RATE = "pixelplayer.synth.audioRate";
  public static final String AUDIO_BITRATE = "pixelplayer.synth.audioBitrate";
  public static final String VIDEO_BITRATE = "pixelplayer.synth.videoBitrate";
  public static final String ART_STYLE = "pixelplayer.synth.artStyle";
  public static final String THREADS = "pixelplayer.synth.threads";
  public static final String ESPEAK = "pixelplayer.synth.espeak";
  public static final String SILENT_IN_VIEW = "pixelplayer.synth.silentInView";
  public static final String DISTRACTORS = "pixelplayer.synth.distractors";

  public SynthSettings {
    if (width < 320 || height < 240) {
      throw new IllegalArgumentException(
          "video size " + width + "x" + height + " is below 320x240");
    }
    if (width % 2 != 0 || height % 2 != 0) {
      throw new IllegalArgumentException(
          "video size " + width + "x" + height + " must be even (H.264 4:2:0)");
    }
    if (fps < 1 || fps > 60) {
      throw new IllegalArgumentException("frame rate " + fps + " not in 1..60");
    }
    if (audioRate % truthRate != 0) {
      throw new IllegalArgumentException(
          "audio rate "
              + audioRate
              + " Hz must be a multiple of the model's "
              + truthRate
              + " Hz (e.g. 44100)");
    }
    if (threads < 0) {
      throw new IllegalArgumentException("threads " + threads + " < 0");
    }
    if (!(silentInViewShare >= 0
        && silentInViewShare <= 1
        && distractorShare >= 0
        && distractorShare <= 1)) {
      throw new IllegalArgumentException(
          "silent-in-view share "
              + silentInViewShare
              + " and distractor share "
              + distractorShare
              + " must be in 0..1");
    }
  }

  public static SynthSettings from(PixelPlayerConf conf) {
    return new SynthSettings(
        conf.getInt(WIDTH),
        conf.getInt(HEIGHT),
        conf.getDouble(FPS),
        conf.getInt(AUDIO_RATE),
        conf.getInt(AUDIO_BITRATE),
        conf.getInt(VIDEO_BITRATE),
        conf.getInt(PixelPlayerConf.AUDIO_SAMPLE_RATE),
        conf.getString(ART_STYLE),
        conf.getInt(THREADS),
        AcousticsSettings.from(conf),
        CameraSettings.from(conf),
        conf.getString(ESPEAK),
        conf.getDouble(SILENT_IN_VIEW),
        conf.getDouble(DISTRACTORS));
  }

  /** The same settings with other acoustics. */
  public SynthSettings withAcoustics(AcousticsSettings other) {
    return new SynthSettings(
        width,
        height,
        fps,
        audioRate,
        audioBitrate,
        videoBitrate,
        truthRate,
        artStyle,
        threads,
        other,
        camera,
        espeak,
        silentInViewShare,
        distractorShare);
  }

  /** The same settings with another camera. */
  public SynthSettings withCamera(CameraSettings other) {
    return new SynthSettings(
        width,
        height,
        fps,
        audioRate,
        audioBitrate,
        videoBitrate,
        truthRate,
        artStyle,
        threads,
        acoustics,
        other,
        espeak,
        silentInViewShare,
        distractorShare);
  }

  /** Threads to render with: the setting, or one per core. */
  public int renderThreads() {
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }
}
