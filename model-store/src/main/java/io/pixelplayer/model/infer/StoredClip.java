package io.pixelplayer.model.infer;

import java.util.List;

/**
 * One stored clip: a row of the ingest job's {@code clips} table, as training and evaluation read
 * it.
 *
 * <p>Arrays are not copied (a clip is about 0.5 MB of audio and frames and a training pool holds
 * thousands): callers must not change them afterwards.
 *
 * @param videoId the video the clip was cut from; mixtures never take two clips of one video
 * @param instruments the video's weak tags (empty when the corpus has no manifest)
 * @param sampleRate Hz; the paper's STFT needs {@value io.pixelplayer.udf.Stft#PAPER_SAMPLE_RATE}
 * @param audio mono samples in [-1, 1], zero past {@code validSamples}
 * @param validSamples how many samples were really decoded (less than {@code audio.length} only at
 *     the end of a video)
 * @param startSeconds time of {@code audio[0]} in the video
 * @param frameTimes time of each stored frame in the video (seconds), ascending
 * @param framesJpeg the stored frames as JPEG (224x224 at 8 fps from ingest), one per frame time
 */
public record StoredClip(
    String videoId,
    List<String> instruments,
    int sampleRate,
    float[] audio,
    int validSamples,
    double startSeconds,
    double[] frameTimes,
    List<byte[]> framesJpeg) {

  public StoredClip {
    if (videoId == null || videoId.isEmpty())
      throw new IllegalArgumentException("video id is null or empty");
    if (instruments == null)
      throw new IllegalArgumentException(
          "instruments of " + videoId + " is null (use an empty list)");
    instruments = List.copyOf(instruments);
    if (sampleRate <= 0)
      throw new IllegalArgumentException(
          "sample rate " + sampleRate + " of " + videoId + " must be positive");
    if (audio == null) throw new IllegalArgumentException("audio of " + videoId + " is null");
    if (validSamples < 1 || validSamples > audio.length) {
      throw new IllegalArgumentException(
          "valid samples "
              + validSamples
              + " of "
              + videoId
              + " not in 1.."
              + audio.length
              + " (the audio's length)");
    }
    if (!Double.isFinite(startSeconds))
      throw new IllegalArgumentException(
          "start " + startSeconds + " of " + videoId + " is not finite");
    if (frameTimes == null || framesJpeg == null)
      throw new IllegalArgumentException("frames of " + videoId + " are null");
    if (frameTimes.length == 0 || frameTimes.length != framesJpeg.size()) {
      throw new IllegalArgumentException(
          "clip of "
              + videoId
              + " has "
              + frameTimes.length
              + " frame times and "
              + framesJpeg.size()
              + " frames; needs the same number, at least one");
    }
    FramePicker.requireAscending(frameTimes, "frame times of " + videoId);
    framesJpeg = List.copyOf(framesJpeg);
  }

  /** Time of sample {@code index} of {@link #audio} in the video. */
  public double secondsAt(int index) {
    return startSeconds + (double) index / sampleRate;
  }
}
