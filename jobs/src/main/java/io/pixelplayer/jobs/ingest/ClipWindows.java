package io.pixelplayer.jobs.ingest;

import io.pixelplayer.jobs.ingest.DecodedClip.EncodedFrame;
import io.pixelplayer.udf.Loudness;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The clip windows of one video while it streams in: windows of {@code clipSamples} every {@code
 * hopSamples}, filled with mono audio as it is decoded and with the kept frames whose timestamps
 * they span. Only the few windows around the current position are held, so memory does not grow
 * with the length of the video.
 *
 * <p>A window is complete when its audio is full and the video has passed its end. Audio and video
 * arrive interleaved but not in lockstep (muxer interleaving, decoder delay), so a full window
 * waits for the video, but only while the stream is less than {@link #MAX_STREAM_SKEW_SECONDS} past
 * its end: a video track that stalls or ends early must not hold windows, and their memory, until
 * the end of the file.
 */
final class ClipWindows {
  /** How far the two streams may drift apart before a window stops waiting for the lagging one. */
  static final double MAX_STREAM_SKEW_SECONDS = 2.0;

  private final ClipSpec spec;
  private final ArrayDeque<Window> open = new ArrayDeque<>();
  private int nextIndex;
  private long samples;
  private boolean audioEnded;
  private boolean videoEnded;
  private double videoSeconds = Double.NEGATIVE_INFINITY;
  private double streamSeconds;
  private int emitted;
  private int silent;

  ClipWindows(ClipSpec spec) {
    if (spec == null) throw new IllegalArgumentException("clip spec is null");
    this.spec = spec;
  }

  /**
   * Appends {@code count} mono samples at the current audio position to every window they fall in.
   */
  void addAudio(float[] mono, int offset, int count) {
    if (audioEnded) throw new IllegalStateException("audio already ended at sample " + samples);
    if (count <= 0) return;
    long end = samples + count;
    openWindowsStartingBefore(end);
    for (Window window : open) {
      long from = Math.max(window.startSample, samples);
      long to = Math.min(window.startSample + spec.clipSamples(), end);
      if (from < to) {
        System.arraycopy(
            mono,
            offset + (int) (from - samples),
            window.audio,
            (int) (from - window.startSample),
            (int) (to - from));
      }
    }
    samples = end;
    streamAt(audioSeconds());
  }

  /**
   * Whether a frame at {@code seconds} belongs in some window; opens the windows that start by
   * then, unless the video is too far ahead of the audio. Asked before a frame is encoded, so that
   * only frames some clip will hold are converted.
   */
  boolean wantsFrameAt(double seconds) {
    if (seconds < 0 || (audioEnded && seconds >= audioSeconds())) return false;
    if (seconds <= audioSeconds() + MAX_STREAM_SKEW_SECONDS) {
      openWindowsStartingBefore((long) Math.floor(seconds * spec.sampleRate()) + 1);
    }
    for (Window window : open) {
      if (window.contains(seconds)) return true;
    }
    return false;
  }

  /** Attaches a kept frame to every open window that spans its timestamp. */
  void addFrame(EncodedFrame frame) {
    for (Window window : open) {
      if (window.contains(frame.seconds())) window.frames.add(frame);
    }
  }

  /** Records that the video has been decoded up to a frame at {@code seconds}. */
  void videoAt(double seconds) {
    videoSeconds = Math.max(videoSeconds, seconds);
    streamAt(seconds);
  }

  /** Records that the stream (either track) has been read up to {@code seconds}. */
  void streamAt(double seconds) {
    streamSeconds = Math.max(streamSeconds, seconds);
  }

  /** No more audio: the last windows are complete with what they hold. */
  void endAudio() {
    audioEnded = true;
  }

  /** No more video: no window waits for frames any longer. */
  void endVideo() {
    videoEnded = true;
  }

  /**
   * The next complete clip, or null if none is complete yet; trailing windows with too little audio
   * are dropped.
   */
  DecodedClip poll() {
    while (!open.isEmpty() && isComplete(open.peekFirst())) {
      Window window = open.pollFirst();
      int valid = (int) Math.max(0, Math.min(spec.clipSamples(), samples - window.startSample));
      if (valid >= spec.minClipFraction() * spec.clipSamples()) return toClip(window, valid);
    }
    return null;
  }

  /** Whether every clip has been handed out: the audio has ended and no window is left. */
  boolean isDone() {
    return audioEnded && open.isEmpty();
  }

  boolean hasAudioEnded() {
    return audioEnded;
  }

  long samples() {
    return samples;
  }

  int emitted() {
    return emitted;
  }

  int silent() {
    return silent;
  }

  private double audioSeconds() {
    return samples / (double) spec.sampleRate();
  }

  private void openWindowsStartingBefore(long sample) {
    while (true) {
      long start = (long) nextIndex * spec.hopSamples();
      if (start >= sample || (audioEnded && start >= samples)) return;
      open.addLast(new Window(nextIndex++, start));
    }
  }

  private boolean isComplete(Window window) {
    long end = window.startSample + spec.clipSamples();
    if (samples < end && !audioEnded) return false;
    if (videoEnded) return true;
    // Past the end of the audio there is nothing to wait for.
    double videoEnd =
        Math.min(window.endSeconds, audioEnded ? audioSeconds() : Double.POSITIVE_INFINITY);
    return videoSeconds >= videoEnd || streamSeconds - videoEnd > MAX_STREAM_SKEW_SECONDS;
  }

  private DecodedClip toClip(Window window, int valid) {
    float loudness = (float) Loudness.rmsDb(window.audio, 0, valid);
    boolean isSilent = loudness < spec.silenceDb();
    emitted++;
    if (isSilent) silent++;
    return new DecodedClip(
        window.index,
        window.startSample,
        window.startSeconds,
        window.endSeconds,
        window.audio,
        valid,
        loudness,
        isSilent,
        Collections.unmodifiableList(window.frames));
  }

  /** One clip window being filled. */
  private final class Window {
    final int index;
    final long startSample;
    final double startSeconds;
    final double endSeconds;
    final float[] audio = new float[spec.clipSamples()];
    final List<EncodedFrame> frames = new ArrayList<>();

    Window(int index, long startSample) {
      this.index = index;
      this.startSample = startSample;
      this.startSeconds = startSample / (double) spec.sampleRate();
      this.endSeconds = (startSample + spec.clipSamples()) / (double) spec.sampleRate();
    }

    boolean contains(double seconds) {
      return seconds >= startSeconds && seconds < endSeconds;
    }
  }
}
