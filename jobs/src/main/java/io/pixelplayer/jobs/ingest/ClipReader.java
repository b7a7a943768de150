package io.pixelplayer.jobs.ingest;

import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;

import io.pixelplayer.jobs.ingest.DecodedClip.EncodedFrame;
import io.pixelplayer.jobs.media.FfmpegLog;
import io.pixelplayer.jobs.warehouse.FailureRecord;
import io.pixelplayer.jobs.warehouse.FailureStage;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Streams one local video file into {@link DecodedClip}s: audio resampled by FFmpeg to the spec's
 * rate, mixed to mono, cut into windows of {@code clipSamples} every {@code hopSamples}; video
 * frames kept at the spec's frame rate, resized to the spec's size and stored as JPEG. Clips come
 * out as soon as they are complete; only the windows around the current position are in memory.
 *
 * <p>Audio time is the number of decoded samples over the rate (what was decoded is what counts,
 * not what the header says); frame times are the grabber's timestamps, both measured from the start
 * of the audio track. A mid-stream decoding error ends the iteration early instead of throwing: see
 * {@link #truncation()}.
 *
 * <p>Not thread-safe. Close it (or exhaust it) to free the native decoder.
 */
public final class ClipReader implements Iterator<DecodedClip>, AutoCloseable {
  /**
   * Frame timestamps are floored to microseconds: a frame this close before a tick still counts as
   * reaching it.
   */
  private static final long TICK_TOLERANCE_US = 1000;

  /**
   * Audio decoded past the length the header gives the audio track is held back up to this much:
   * codecs pad their last frame (AAC decodes whole 1024-sample frames), and that padding is dropped
   * at the end. If more comes, the header was wrong (an estimate) and everything is kept.
   */
  private static final double PADDING_TOLERANCE_SECONDS = 0.25;

  /**
   * A decoded length this much (or this share) short of the header's is reported as a truncation.
   */
  private static final double TRUNCATION_MIN_SECONDS = 0.5;

  /**
   * The same, when only the container gives a length (Matroska and WebM keep none per stream): it
   * runs to the end of the last packet of any stream, and muxers that write the last packet's
   * duration loosely overstate it by up to a second.
   */
  private static final double TRUNCATION_MIN_SECONDS_CONTAINER = 1.5;

  private static final double TRUNCATION_MIN_SHARE = 0.02;

  static {
    FfmpegLog.configure();
  }

  private final ClipSpec spec;
  private final VideoInfo info;
  private final ClipWindows windows;
  private final JpegFrameEncoder encoder;

  /** Start of the audio track in grabber time: the zero of clip time. */
  private final long originMicros;

  /** The audio track's length by its header in seconds, or NaN if the header does not give it. */
  private final double audioHeaderSeconds;

  private final long maxSamples;

  /** The audio track's length by its header in samples at the spec's rate, or -1 if unknown. */
  private final long headerSamples;

  private final float[] heldPadding;
  private int heldCount;
  private boolean pastHeader;
  private float[] interleaved = new float[0];
  private float[] mono = new float[0];
  private int nextTick;
  private int framesKept;
  private String truncation;
  private final double truncationMinSeconds;
  private FFmpegFrameGrabber grabber;
  private DecodedClip next;
  private boolean closed;

  /**
   * Opens a local video file. Fails with stage {@code open} when FFmpeg cannot read the file and
   * with stage {@code probe} when it lacks a video or an audio track.
   */
  public ClipReader(String source, ClipSpec spec) throws IngestFailure {
    if (source == null || source.isBlank())
      throw new IllegalArgumentException("source path is empty");
    if (spec == null) throw new IllegalArgumentException("clip spec is null");
    this.spec = spec;
    Path file = Path.of(source);
    String unopenable = OpenFailures.beforeOpening(file);
    if (unopenable != null) throw new IngestFailure(FailureStage.OPEN, unopenable);

    FFmpegFrameGrabber opened = new FFmpegFrameGrabber(file.toFile());
    // Video stays in its decoded format: only kept frames are converted (see JpegFrameEncoder).
    opened.setImageMode(FrameGrabber.ImageMode.RAW);
    // Resampled to the target rate as packed floats; the channels are kept and averaged here (see
    // mixToMono).
    opened.setSampleMode(FrameGrabber.SampleMode.FLOAT);
    opened.setSampleRate(spec.sampleRate());
    try {
      try {
        opened.start();
      } catch (FrameGrabber.Exception | RuntimeException e) {
        if (String.valueOf(e.getMessage()).startsWith("Did not find a video or audio stream")) {
          throw new IngestFailure(FailureStage.PROBE, "no video or audio stream", e);
        }
        throw new IngestFailure(FailureStage.OPEN, OpenFailures.afterFailedStart(file, e), e);
      }
      AVFormatContext format = opened.getFormatContext();
      if (!opened.hasVideo())
        throw new IngestFailure(FailureStage.PROBE, "no video stream (audio only)");
      AVStream video = format.streams(opened.getVideoStream());
      if ((video.disposition() & AV_DISPOSITION_ATTACHED_PIC) != 0) {
        throw new IngestFailure(FailureStage.PROBE, "no video stream (audio only, with cover art)");
      }
      if (!opened.hasAudio()) throw new IngestFailure(FailureStage.PROBE, "no audio stream");
      AVStream audio = format.streams(opened.getAudioStream());

      double fps =
          opened.getVideoFrameRate(); // num/den of the stream's frame rate: NaN or 0 if unknown
      info =
          new VideoInfo(
              video.codecpar().width(),
              video.codecpar().height(),
              fps > 0 && !Double.isInfinite(fps) ? fps : Double.NaN,
              audio.codecpar().sample_rate(),
              audio.codecpar().ch_layout().nb_channels(),
              opened.getVideoCodecName(),
              opened.getAudioCodecName(),
              format.duration() == AV_NOPTS_VALUE
                  ? Double.NaN
                  : format.duration() / (double) AV_TIME_BASE);
      double audioTrackSeconds =
          audio.duration() == AV_NOPTS_VALUE || audio.duration() <= 0
              ? Double.NaN
              : audio.duration() * toDouble(audio.time_base());
      audioHeaderSeconds =
          Double.isNaN(audioTrackSeconds) ? info.headerSeconds() : audioTrackSeconds;
      truncationMinSeconds =
          Double.isNaN(audioTrackSeconds)
              ? TRUNCATION_MIN_SECONDS_CONTAINER
              : TRUNCATION_MIN_SECONDS;
      headerSamples =
          Double.isNaN(audioTrackSeconds) ? -1 : Math.round(audioTrackSeconds * spec.sampleRate());
      if (audio.start_time() != AV_NOPTS_VALUE) {
        originMicros = Math.round(audio.start_time() * toDouble(audio.time_base()) * 1e6);
      } else {
        originMicros = format.start_time() == AV_NOPTS_VALUE ? 0 : format.start_time();
      }
      encoder = new JpegFrameEncoder(spec.frameWidth(), spec.frameHeight(), spec.jpegQuality());
    } catch (IngestFailure e) {
      release(opened);
      throw e;
    } catch (RuntimeException e) {
      release(opened);
      throw new IngestFailure(
          FailureStage.PROBE,
          "FFmpeg: " + OpenFailures.withoutHints(String.valueOf(e.getMessage()), file),
          e);
    }
    maxSamples = Math.round(spec.maxSeconds() * spec.sampleRate());
    heldPadding = new float[(int) Math.ceil(PADDING_TOLERANCE_SECONDS * spec.sampleRate())];
    windows = new ClipWindows(spec);
    grabber = opened;
  }

  /** What the container says about the video, read when it was opened. */
  public VideoInfo info() {
    return info;
  }

  @Override
  public boolean hasNext() {
    while (next == null && !closed) {
      next = windows.poll();
      if (next != null || grabber == null) break;
      if (windows.isDone()) {
        endStream(); // reached maxSeconds: nothing more is needed from the file
      } else {
        decodeOneFrame();
      }
    }
    return next != null;
  }

  @Override
  public DecodedClip next() {
    if (!hasNext()) throw new NoSuchElementException("no more clips in this video");
    DecodedClip clip = next;
    next = null;
    return clip;
  }

  /** Seconds of audio decoded so far (all of it once iteration is over). */
  public double decodedSeconds() {
    return windows.samples() / (double) spec.sampleRate();
  }

  public int clipsEmitted() {
    return windows.emitted();
  }

  public int silentClips() {
    return windows.silent();
  }

  /** Frames converted to JPEG: those at the spec's frame rate that fall in some clip. */
  public int framesKept() {
    return framesKept;
  }

  /**
   * Null if the stream ended normally; otherwise one line on why it ended early: a decoding error,
   * or decoded audio much shorter than the header claims (a truncated file that still opens).
   */
  public String truncation() {
    return truncation;
  }

  @Override
  public void close() {
    if (closed) return;
    closed = true;
    next = null;
    endStream();
  }

  private void decodeOneFrame() {
    Frame frame;
    try {
      frame = grabber.grabFrame(true, true, true, false, false);
    } catch (FrameGrabber.Exception | RuntimeException e) {
      truncation =
          String.format(
              Locale.ROOT,
              "decoding failed after %.1f s: %s",
              decodedSeconds(),
              FailureRecord.oneLine(e.getMessage()));
      frame = null;
    }
    if (frame == null) {
      if (truncation == null) truncation = shortfall();
      endAudio();
      windows.endVideo();
      endStream();
    } else if (frame.samples != null) {
      windows.streamAt((frame.timestamp - originMicros) / 1e6);
      if (!windows.hasAudioEnded()) addAudio(frame);
    } else if (frame.image != null) {
      addVideo(frame);
    }
  }

  private void addAudio(Frame frame) {
    int count = mixToMono(frame);
    // Audio past maxSeconds, or past the header's length once the tail is over, is not decoded any
    // further.
    int wanted = (int) Math.min(count, maxSamples - windows.samples() - heldCount);
    if (headerSamples < 0 || pastHeader) {
      windows.addAudio(mono, 0, wanted);
    } else {
      int withinHeader = (int) Math.max(0, Math.min(wanted, headerSamples - windows.samples()));
      windows.addAudio(mono, 0, withinHeader);
      int beyond = wanted - withinHeader;
      if (heldCount + beyond <= heldPadding.length) {
        System.arraycopy(mono, withinHeader, heldPadding, heldCount, beyond);
        heldCount += beyond;
      } else {
        pastHeader = true; // the header's length was an estimate: keep everything
        windows.addAudio(heldPadding, 0, heldCount);
        heldCount = 0;
        windows.addAudio(mono, withinHeader, beyond);
      }
    }
    if (windows.samples() + heldCount >= maxSamples) endAudio();
  }

  /**
   * Averages the channels of one resampled audio frame into {@link #mono}; returns the sample
   * count. FFmpeg's own downmix to mono sums stereo at 1/sqrt(2) each, which makes a centred source
   * 3 dB louder than either channel and can leave [-1, 1]; the plain average keeps the level and
   * the range.
   */
  private int mixToMono(Frame frame) {
    FloatBuffer samples = (FloatBuffer) frame.samples[0];
    int channels = frame.audioChannels;
    int values = samples.remaining();
    int count = values / channels;
    if (mono.length < count) mono = new float[count];
    if (channels == 1) {
      samples.get(samples.position(), mono, 0, count);
      return count;
    }
    if (interleaved.length < values) interleaved = new float[values];
    samples.get(samples.position(), interleaved, 0, values);
    float scale = 1f / channels;
    for (int i = 0, j = 0; i < count; i++) {
      float sum = 0;
      for (int c = 0; c < channels; c++) sum += interleaved[j++];
      mono[i] = sum * scale;
    }
    return count;
  }

  private void addVideo(Frame frame) {
    long micros = frame.timestamp - originMicros;
    double seconds = micros / 1e6;
    if (micros + TICK_TOLERANCE_US >= tickMicros(nextTick) && windows.wantsFrameAt(seconds)) {
      byte[] jpeg = encoder.encode((AVFrame) frame.opaque);
      if (jpeg != null) {
        windows.addFrame(new EncodedFrame(seconds, jpeg));
        framesKept++;
      }
    }
    while (tickMicros(nextTick) <= micros + TICK_TOLERANCE_US) nextTick++;
    windows.videoAt(seconds);
  }

  private long tickMicros(int tick) {
    return Math.round(tick * 1e6 / spec.framesPerSecond());
  }

  /** The audio is over: what is held past the header's length was the codec's padding. */
  private void endAudio() {
    heldCount = 0;
    windows.endAudio();
  }

  /** Null, or a note that the decoded audio falls well short of what the header claims. */
  private String shortfall() {
    if (Double.isNaN(audioHeaderSeconds)) return null;
    double expected = Math.min(audioHeaderSeconds, spec.maxSeconds());
    double decoded = decodedSeconds();
    if (expected - decoded <= Math.max(truncationMinSeconds, TRUNCATION_MIN_SHARE * expected))
      return null;
    return String.format(
        Locale.ROOT,
        "decoded %.1f s of %.1f s the header claims (truncated file?)",
        decoded,
        audioHeaderSeconds);
  }

  /** Frees the native decoder and converter as soon as the file is no longer needed. */
  private void endStream() {
    if (grabber != null) {
      release(grabber);
      grabber = null;
    }
    encoder.close();
  }

  private static void release(FFmpegFrameGrabber grabber) {
    try {
      grabber.release();
    } catch (FrameGrabber.Exception | RuntimeException e) {
      // Only closing an input stream can fail here, and there is none: nothing left to free.
    }
  }

  private static double toDouble(AVRational rational) {
    return rational.num() / (double) rational.den();
  }
}
