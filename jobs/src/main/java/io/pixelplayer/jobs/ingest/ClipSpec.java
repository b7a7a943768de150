package io.pixelplayer.jobs.ingest;

import java.io.Serializable;

/**
 * How a video is cut into clips: the audio the model hears and the frames it sees. Plain values,
 * built on the driver from the configuration and shipped to executors.
 *
 * @param sampleRate audio rate after resampling (Hz, mono); the paper uses 11025
 * @param clipSamples samples per clip window; the paper uses 65535 (about 6 s at 11025 Hz)
 * @param hopSamples samples between the starts of consecutive clip windows
 * @param framesPerSecond rate at which video frames are kept (the paper samples at 8 fps)
 * @param frameWidth width of a kept frame after resizing, in pixels
 * @param frameHeight height of a kept frame after resizing, in pixels
 * @param jpegQuality quality (1-100) of the JPEG each kept frame is stored as
 * @param silenceDb a clip whose loudness (dBFS) is below this is flagged silent
 * @param minClipFraction the last, partial window is kept (zero-padded) if at least this share of
 *     it was decoded
 * @param maxSeconds decoding stops after this many seconds of media (a guard against endless
 *     streams)
 */
public record ClipSpec(
    int sampleRate,
    int clipSamples,
    int hopSamples,
    double framesPerSecond,
    int frameWidth,
    int frameHeight,
    int jpegQuality,
    double silenceDb,
    double minClipFraction,
    double maxSeconds)
    implements Serializable {

  public ClipSpec {
    if (sampleRate < 1000)
      throw new IllegalArgumentException("sample rate " + sampleRate + " Hz < 1000 Hz");
    if (clipSamples < 1024)
      throw new IllegalArgumentException("clip length " + clipSamples + " samples < 1024");
    if (hopSamples < 1)
      throw new IllegalArgumentException("clip hop " + hopSamples + " samples < 1");
    if (!(framesPerSecond > 0))
      throw new IllegalArgumentException("frame rate " + framesPerSecond + " must be > 0");
    if (frameWidth < 8 || frameHeight < 8) {
      throw new IllegalArgumentException(
          "frame size " + frameWidth + "x" + frameHeight + " is smaller than 8x8");
    }
    if (jpegQuality < 1 || jpegQuality > 100)
      throw new IllegalArgumentException("JPEG quality " + jpegQuality + " not in 1..100");
    if (!(minClipFraction > 0 && minClipFraction <= 1)) {
      throw new IllegalArgumentException(
          "minimum clip fraction " + minClipFraction + " not in (0, 1]");
    }
    if (!(maxSeconds > 0))
      throw new IllegalArgumentException("maximum seconds " + maxSeconds + " must be > 0");
  }

  /** These clips with other windows (e.g. the model's crop), everything else the same. */
  public ClipSpec withWindows(int clipSamples, int hopSamples, double minClipFraction) {
    return new ClipSpec(
        sampleRate,
        clipSamples,
        hopSamples,
        framesPerSecond,
        frameWidth,
        frameHeight,
        jpegQuality,
        silenceDb,
        minClipFraction,
        maxSeconds);
  }

  /**
   * These clips laid end to end over the whole audio: hop = length, and a last clip kept however
   * short.
   */
  public ClipSpec tiling() {
    return withWindows(clipSamples, clipSamples, Double.MIN_VALUE);
  }

  /** Seconds covered by one clip window. */
  public double clipSeconds() {
    return clipSamples / (double) sampleRate;
  }
}
