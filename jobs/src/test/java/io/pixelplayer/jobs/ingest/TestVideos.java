package io.pixelplayer.jobs.ingest;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Writes small test videos, good and bad, with {@link FFmpegFrameRecorder}: H.264 (the LGPL build's
 * libopenh264; MPEG-4 part 2 where no H.264 encoder is available) and AAC at 44.1 kHz stereo in
 * MP4. A good video shows a coloured square moving left to right over a plain background while a
 * sine tone plays, so frames differ over time and videos differ by pitch.
 */
public final class TestVideos {
  static final int AUDIO_RATE = 44_100;
  static final int AUDIO_CHANNELS = 2;

  /** Peak amplitude of the tone in {@link #good}, in full scale: about -12 dBFS peak. */
  static final double TONE_AMPLITUDE = 0.25;

  /** The encoder the good videos use: H.264 where this FFmpeg build has one. */
  static final int VIDEO_CODEC =
      avcodec_find_encoder(AV_CODEC_ID_H264) != null ? AV_CODEC_ID_H264 : AV_CODEC_ID_MPEG4;

  static {
    // FFmpeg logs at INFO by default: every recorder would dump its output format to stderr.
    av_log_set_level(AV_LOG_ERROR);
  }

  private TestVideos() {}

  /** Name of the video encoder (e.g. "libopenh264"), for reports. */
  static String videoEncoderName() {
    AVCodec codec = avcodec_find_encoder(VIDEO_CODEC);
    return codec.name().getString();
  }

  /** Name of the audio encoder, for reports. */
  static String audioEncoderName() {
    return avcodec_find_encoder(AV_CODEC_ID_AAC).name().getString();
  }

  /**
   * A good video: moving square over {@code seconds} at {@code fps}, and a tone of {@code toneHz}
   * at {@link #TONE_AMPLITUDE}.
   */
  public static Path good(
      Path dir, String name, double seconds, int width, int height, double fps, double toneHz)
      throws IOException {
    Path file = dir.resolve(name);
    write(file, seconds, width, height, fps, toneHz, TONE_AMPLITUDE, AUDIO_CHANNELS, false);
    return file;
  }

  /** A video with no audio track at all. */
  public static Path noAudio(Path dir, double seconds) throws IOException {
    Path file = dir.resolve("no-audio.mp4");
    write(file, seconds, 160, 120, 25, 0, 0, 0, false);
    return file;
  }

  /** An .mp4 with an AAC track and no video track. */
  public static Path audioOnly(Path dir, double seconds) throws IOException {
    Path file = dir.resolve("audio-only.mp4");
    write(file, seconds, 0, 0, 0, 440, TONE_AMPLITUDE, AUDIO_CHANNELS, false);
    return file;
  }

  /** A video whose audio track holds only zeros. */
  public static Path silentAudio(Path dir, double seconds) throws IOException {
    Path file = dir.resolve("silent.mp4");
    write(file, seconds, 160, 120, 25, 440, 0, AUDIO_CHANNELS, false);
    return file;
  }

  /** A good MP4 with its index (moov) at the end, cut in half: the index is gone. */
  public static Path truncatedWithoutMoov(Path dir) throws IOException {
    Path file = dir.resolve("truncated.mp4");
    write(file, 3, 160, 120, 25, 440, TONE_AMPLITUDE, AUDIO_CHANNELS, false);
    cut(file, 0.5);
    return file;
  }

  /**
   * A faststart MP4 (index first) of {@code seconds} cut after {@code keptFraction} of its bytes:
   * it opens and its header claims the full length, but the media data ends early.
   */
  public static Path faststartCutShort(Path dir, double seconds, double keptFraction)
      throws IOException {
    Path file = dir.resolve("faststart-cut.mp4");
    write(file, seconds, 160, 120, 25, 440, TONE_AMPLITUDE, AUDIO_CHANNELS, true);
    cut(file, keptFraction);
    return file;
  }

  /** A faststart MP4 cut where its media data begins: the ftyp and moov boxes, no samples. */
  public static Path headerOnly(Path dir) throws IOException {
    Path file = Recording.of(3, 160, 120, 25).faststart().writeTo(dir, "header-only.mp4");
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
    int position = 0;
    while (position + 8 <= bytes.limit()) {
      String type = new String(bytes.array(), position + 4, 4, StandardCharsets.US_ASCII);
      if (type.equals("mdat")) break;
      position += bytes.getInt(position);
    }
    Files.write(file, Arrays.copyOf(bytes.array(), position));
    return file;
  }

  /** 64 KiB of seeded random bytes named .mp4. */
  public static Path randomBytes(Path dir) throws IOException {
    byte[] bytes = new byte[64 * 1024];
    new Random(20180908L).nextBytes(bytes);
    return Files.write(dir.resolve("random.mp4"), bytes);
  }

  /** A plain text file named .mp4. */
  public static Path textFile(Path dir) throws IOException {
    String text =
        "This is not a video.\nIt is a text file that someone named .mp4 by mistake.\n".repeat(40);
    return Files.writeString(dir.resolve("text.mp4"), text, StandardCharsets.UTF_8);
  }

  /** A zero-byte .mp4. */
  public static Path empty(Path dir) throws IOException {
    return Files.write(dir.resolve("empty.mp4"), new byte[0]);
  }

  /**
   * What one test video holds: a moving square and a tone, as {@link #good} writes; a width of 0
   * leaves out the video track, 0 audio channels the audio track.
   */
  public static final class Recording {
    private final double seconds;
    private final int width;
    private final int height;
    private final double fps;
    private double toneHz = 440;
    private double amplitude = TONE_AMPLITUDE;
    private int audioChannels = AUDIO_CHANNELS;
    private int audioRate = AUDIO_RATE;
    private boolean faststart;
    private String format = "mp4";
    private int videoCodec = VIDEO_CODEC;
    private int audioCodec = AV_CODEC_ID_AAC;
    private double frameJitter;

    private Recording(double seconds, int width, int height, double fps) {
      this.seconds = seconds;
      this.width = width;
      this.height = height;
      this.fps = fps;
    }

    /** An MP4 (H.264 and AAC) of {@code seconds}. */
    public static Recording of(double seconds, int width, int height, double fps) {
      return new Recording(seconds, width, height, fps);
    }

    public Recording audio(int rate, int channels) {
      audioRate = rate;
      audioChannels = channels;
      return this;
    }

    public Recording tone(double hz, double peak) {
      toneHz = hz;
      amplitude = peak;
      return this;
    }

    /** The index (moov) first. */
    public Recording faststart() {
      faststart = true;
      return this;
    }

    /** Another container and codecs (FFmpeg's names and ids), e.g. WebM with VP9 and Opus. */
    public Recording container(String container, int video, int audio) {
      format = container;
      videoCodec = video;
      audioCodec = audio;
      return this;
    }

    /**
     * Each frame's display time moved by up to {@code jitter} of a frame interval, forwards or
     * back: a variable frame rate.
     */
    public Recording variableFrameRate(double jitter) {
      frameJitter = jitter;
      return this;
    }

    /** Writes it to {@code dir/name}. */
    public Path writeTo(Path dir, String name) throws IOException {
      Path file = dir.resolve(name);
      write(file, this);
      return file;
    }
  }

  private static void write(
      Path file,
      double seconds,
      int width,
      int height,
      double fps,
      double toneHz,
      double amplitude,
      int audioChannels,
      boolean faststart)
      throws IOException {
    Recording recording =
        Recording.of(seconds, width, height, fps)
            .tone(toneHz, amplitude)
            .audio(AUDIO_RATE, audioChannels);
    write(file, faststart ? recording.faststart() : recording);
  }

  /**
   * Writes one video; the audio chunk of each video frame is written right after it so that the
   * file is interleaved like a real one.
   */
  private static void write(Path file, Recording r) throws IOException {
    boolean hasVideo = r.width > 0;
    int rate = r.audioRate;
    int channels = r.audioChannels;
    // Without video, audio is written in chunks of a notional 10 "frames" per second.
    double chunksPerSecond = hasVideo ? r.fps : 10;
    int chunks = (int) Math.round(r.seconds * chunksPerSecond);
    Random jitter = new Random(7);
    try (FFmpegFrameRecorder recorder =
            new FFmpegFrameRecorder(file.toFile(), r.width, r.height, channels);
        MovingSquare picture = hasVideo ? new MovingSquare(r.width, r.height) : null) {
      recorder.setFormat(r.format);
      if (hasVideo) {
        recorder.setVideoCodec(r.videoCodec);
        recorder.setFrameRate(r.fps);
        recorder.setGopSize((int) Math.round(r.fps));
        recorder.setVideoBitrate(r.width * r.height * 4);
        if (r.frameJitter > 0) {
          // A millisecond time base, so that frames can sit off the nominal grid.
          recorder.setFrameRate(1000);
        }
      }
      if (channels > 0) {
        recorder.setAudioCodec(r.audioCodec);
        recorder.setSampleRate(rate);
        // 96 kb/s for 44.1 kHz stereo, in proportion for other rates and layouts.
        recorder.setAudioBitrate((int) Math.max(16_000, 48_000L * channels * rate / AUDIO_RATE));
      }
      if (r.faststart) {
        recorder.setOption("movflags", "faststart");
      }
      recorder.start();

      FloatBuffer audio =
          FloatBuffer.allocate((int) Math.ceil(rate / chunksPerSecond + 1) * Math.max(1, channels));
      double phaseStep = 2 * Math.PI * r.toneHz / rate;
      long written = 0;
      for (int i = 0; i < chunks; i++) {
        if (picture != null) {
          if (r.frameJitter > 0) {
            double shift = i == 0 ? 0 : (jitter.nextDouble() * 2 - 1) * r.frameJitter;
            recorder.setTimestamp(Math.round((i + shift) * 1_000_000 / r.fps));
          }
          recorder.record(picture.draw(i / (double) chunks));
        }
        if (channels > 0) {
          long end = Math.round((i + 1) * rate / chunksPerSecond);
          audio.clear();
          for (long n = written; n < end; n++) {
            float sample = (float) (r.amplitude * Math.sin(phaseStep * n));
            for (int c = 0; c < channels; c++) {
              audio.put(sample);
            }
          }
          audio.flip();
          recorder.recordSamples(rate, channels, audio);
          written = end;
        }
      }
      recorder.stop();
    } catch (FFmpegFrameRecorder.Exception e) {
      throw new IOException("could not write test video " + file + ": " + e.getMessage(), e);
    }
  }

  /** Keeps the first {@code keptFraction} of the file's bytes. */
  private static void cut(Path file, double keptFraction) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, (int) (bytes.length * keptFraction)));
  }

  /**
   * A BGR frame: dark blue background, a yellow square a quarter of the height wide moving left to
   * right.
   */
  private static final class MovingSquare implements AutoCloseable {
    private final Frame frame;
    private final byte[] backgroundRow;
    private final byte[] squareRow;
    private final int side;

    MovingSquare(int width, int height) {
      frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
      side = Math.max(2, height / 4);
      backgroundRow = new byte[frame.imageStride];
      for (int x = 0; x < width; x++) {
        backgroundRow[3 * x] = (byte) 120; // B
        backgroundRow[3 * x + 1] = (byte) 40; // G
        backgroundRow[3 * x + 2] = (byte) 20; // R
      }
      squareRow = new byte[3 * side];
      for (int x = 0; x < side; x++) {
        squareRow[3 * x] = (byte) 30;
        squareRow[3 * x + 1] = (byte) 220;
        squareRow[3 * x + 2] = (byte) 240;
      }
    }

    /** The picture at {@code progress} in [0, 1) of the video. */
    Frame draw(double progress) {
      ByteBuffer pixels = (ByteBuffer) frame.image[0];
      int left = (int) (progress * (frame.imageWidth - side));
      int top = (frame.imageHeight - side) / 2;
      for (int y = 0; y < frame.imageHeight; y++) {
        pixels.put(y * frame.imageStride, backgroundRow);
        if (y >= top && y < top + side) {
          pixels.put(y * frame.imageStride + 3 * left, squareRow);
        }
      }
      return frame;
    }

    @Override
    public void close() {
      frame.close();
    }
  }
}
