package io.pixelplayer.jobs.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Writes an MP4 like a consumer camera's: H.264 video, AAC stereo audio, index at the front
 * (faststart). Audio for each frame's time span is written right after the frame, so the streams
 * are interleaved.
 */
public final class MusicVideoWriter implements AutoCloseable {
  static {
    FfmpegLog.configure();
  }

  private final FFmpegFrameRecorder recorder;
  private final Java2DFrameConverter converter = new Java2DFrameConverter();
  private final int audioRate;
  private final double fps;
  private final float[] stereo;
  private long framesWritten;
  private long samplesWritten;

  /**
   * @param stereo the whole soundtrack, interleaved left/right, at {@code audioRate}
   */
  public MusicVideoWriter(
      Path file,
      int width,
      int height,
      double fps,
      int videoBitrate,
      int audioRate,
      int audioBitrate,
      float[] stereo)
      throws IOException {
    this.audioRate = audioRate;
    this.fps = fps;
    this.stereo = stereo;
    recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 2);
    recorder.setFormat("mp4");
    recorder.setVideoCodec(AV_CODEC_ID_H264);
    recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
    recorder.setFrameRate(fps);
    recorder.setGopSize((int) Math.round(fps * 2));
    recorder.setVideoBitrate(videoBitrate);
    recorder.setAudioCodec(AV_CODEC_ID_AAC);
    recorder.setSampleRate(audioRate);
    recorder.setAudioBitrate(audioBitrate);
    recorder.setOption("movflags", "faststart");
    // One encoder thread per video: rendering already runs one video per core.
    recorder.setVideoOption("threads", "1");
    try {
      recorder.start();
    } catch (FFmpegFrameRecorder.Exception e) {
      throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  public void writeFrame(BufferedImage image) throws IOException {
    try {
      recorder.record(converter.convert(image));
      framesWritten++;
      long end = Math.min(stereo.length / 2, Math.round(framesWritten * audioRate / fps));
      if (end > samplesWritten) {
        recorder.recordSamples(
            audioRate,
            2,
            FloatBuffer.wrap(
                stereo, (int) (2 * samplesWritten), (int) (2 * (end - samplesWritten))));
        samplesWritten = end;
      }
    } catch (FFmpegFrameRecorder.Exception e) {
      throw new IOException("encoding failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      if (samplesWritten < stereo.length / 2) {
        recorder.recordSamples(
            audioRate,
            2,
            FloatBuffer.wrap(
                stereo, (int) (2 * samplesWritten), (int) (stereo.length - 2 * samplesWritten)));
        samplesWritten = stereo.length / 2;
      }
      recorder.stop();
      recorder.release();
    } catch (FFmpegFrameRecorder.Exception e) {
      throw new IOException("finishing the video failed: " + e.getMessage(), e);
    } finally {
      converter.close();
    }
  }
}
