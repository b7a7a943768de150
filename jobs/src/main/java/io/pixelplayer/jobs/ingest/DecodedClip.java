package io.pixelplayer.jobs.ingest;

import java.util.List;

/**
 * One clip window of a video: mono audio at the spec's rate and the frames kept in that window.
 *
 * @param index        0-based position of the clip in its video
 * @param startSample  first sample of the window in the decoded audio
 * @param startSeconds window start in seconds of decoded audio
 * @param endSeconds   window end in seconds (start + clip length, even when the tail is zero-padded)
 * @param audio        {@code clipSamples} samples in [-1, 1]; zero-padded past {@code validSamples}
 * @param validSamples how many samples were really decoded (less than the window only for the last clip)
 * @param loudnessDb   RMS loudness of the decoded part in dBFS
 * @param silent       loudness below the spec's silence threshold
 * @param frames       the frames kept at the spec's frame rate whose timestamps fall in the window, in order
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

  /** A kept video frame, resized to the spec's size and stored as JPEG. */
  public record EncodedFrame(double seconds, byte[] jpeg) {}
}
