package io.pixelplayer.jobs.remix;

import io.pixelplayer.jobs.media.FfmpegLog;
import io.pixelplayer.jobs.media.MusicVideoWriter;
import io.pixelplayer.udf.SampledAudio;
import io.pixelplayer.udf.Wav;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Writes a remixed soundtrack: a WAV, or the source video's pictures with the new sound as an MP4.
 */
public final class RemixOutput {
  static {
    FfmpegLog.configure();
  }

  private RemixOutput() {}

  /**
   * Writes {@code audio} (mono) to {@code out}: {@code .wav} (16-bit) or {@code .mp4} (H.264 + AAC,
   * pictures of {@code video}).
   */
  public static void write(Path video, float[] audio, int sampleRate, Path out) throws IOException {
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".wav")) {
      Wav.write(out, SampledAudio.mono(audio, sampleRate), Wav.Encoding.PCM_16);
    } else if (name.endsWith(".mp4")) {
      mp4(video, audio, sampleRate, out);
    } else {
      throw new IllegalArgumentException(
          "--out must end in .wav or .mp4, got " + out.getFileName());
    }
  }

  private static void mp4(Path video, float[] audio, int sampleRate, Path out) throws IOException {
    float[] stereo = new float[audio.length * 2];
    for (int i = 0; i < audio.length; i++) {
      float sample = Math.max(-1f, Math.min(1f, audio[i]));
      stereo[2 * i] = sample;
      stereo[2 * i + 1] = sample;
    }
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
        Java2DFrameConverter converter = new Java2DFrameConverter()) {
      grabber.start();
      double fps = grabber.getVideoFrameRate() > 0 ? grabber.getVideoFrameRate() : 25;
      int bitrate = grabber.getVideoBitrate() > 0 ? grabber.getVideoBitrate() : 1_000_000;
      // H.264 wants even sizes.
      int width = grabber.getImageWidth() & ~1;
      int height = grabber.getImageHeight() & ~1;
      try (MusicVideoWriter writer =
          new MusicVideoWriter(out, width, height, fps, bitrate, sampleRate, 96_000, stereo)) {
        Frame frame;
        while ((frame = grabber.grabImage()) != null) {
          BufferedImage image = converter.convert(frame);
          writer.writeFrame(
              image.getWidth() == width && image.getHeight() == height
                  ? image
                  : image.getSubimage(0, 0, width, height));
        }
      }
      grabber.stop();
    }
  }
}
