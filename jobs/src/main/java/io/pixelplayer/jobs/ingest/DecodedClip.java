package io.pixelplayer.jobs.ingest;

import io.pixelplayer.model.infer.ClipInput;
import io.pixelplayer.model.infer.FramePicker;
import java.util.Arrays;
import java.util.List;

/**
 * One clip window of a video: mono audio at the spec's rate and the frames kept in that window.
 *
 * @param index 0-based position of the clip in its video
 * @param startSample first sample of the window in the decoded audio
 * @param startSeconds window start in seconds of decoded audio
 * @param endSeconds window end in seconds (start + clip length, even when the tail is zero-padded)
 * @param audio {@code clipSamples} samples in [-1, 1]; zero-padded past {@code validSamples}
 * @param validSamples how many samples were really decoded (less than the window only for the last
 *     clip)
 * @param loudnessDb RMS loudness of the decoded part in dBFS
 * @param silent loudness below the spec's silence threshold
 * @param frames the frames kept at the spec's frame rate whose timestamps fall in the window, in
 *     order
 */
public record DecodedClip(
    int index,
    long startSample,
    double startSeconds,
    double endSeconds,
    float[] audio,
    int validSamples,
    float loudnessDb,
    boolean silent,
    List<EncodedFrame> frames) {

  /**
   * What the model hears and sees of this clip: its audio, and {@code framesPerClip} of its frames
   * spread evenly over the window (the frames nearest to the middles of equal parts, as training
   * and evaluation pick them).
   *
   * @throws IllegalStateException when the clip has no frames (sound past the end of the picture)
   */
  public ClipInput modelInput(int framesPerClip) {
    if (frames.isEmpty()) throw new IllegalStateException("clip " + index + " has no video frames");
    double[] times = frames.stream().mapToDouble(EncodedFrame::seconds).toArray();
    int[] picked = FramePicker.pick(times, startSeconds, endSeconds, framesPerClip, false, null);
    return new ClipInput(
        audio, List.of(Arrays.stream(picked).mapToObj(k -> frames.get(k).jpeg()).toList()));
  }

  /** A kept video frame, resized to the spec's size and stored as JPEG. */
  public record EncodedFrame(double seconds, byte[] jpeg) {}
}
