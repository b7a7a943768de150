package io.pixelplayer.model.infer;

import io.pixelplayer.model.net.ModelConfig;
import io.pixelplayer.udf.Stft;
import java.util.Arrays;
import java.util.List;

/**
 * One question for the model: a mixture's audio and the frames of the videos whose sounds are in
 * it.
 *
 * @param mixture mono samples at 11025 Hz, at most {@link
 *     io.pixelplayer.model.net.ModelConfig#cropSamples()} long (shorter is padded with silence)
 * @param videos per video, its {@link io.pixelplayer.model.net.ModelConfig#framesPerClip()} frames
 *     as JPEG, in time order; one video to separate or localise the sounds of one scene, N to
 *     separate a mix of N
 */
public record ClipInput(float[] mixture, List<List<byte[]>> videos) {
  public ClipInput {
    if (mixture == null || mixture.length == 0)
      throw new IllegalArgumentException("the mixture has no samples");
    if (videos == null || videos.isEmpty())
      throw new IllegalArgumentException("no video frames to analyse the mixture with");
    videos = videos.stream().map(List::copyOf).toList();
  }

  /**
   * What the model hears and sees of one scene: {@code audio} from its first sample, as much as the
   * model hears (its crop), and the frames {@link FramePicker} picks for that span, as the index
   * job, training and evaluation pick them.
   *
   * @param audio mono samples at 11025 Hz
   * @param frameTimes seconds of each frame after {@code audio[0]}, ascending
   * @param frames the frames as JPEG, one per frame time
   */
  public static ClipInput ofScene(
      float[] audio, double[] frameTimes, List<byte[]> frames, ModelConfig config) {
    if (frameTimes.length == 0 || frameTimes.length != frames.size()) {
      throw new IllegalArgumentException(
          frameTimes.length
              + " frame times for "
              + frames.size()
              + " frames; needs one per frame, at least one");
    }
    FramePicker.requireAscending(frameTimes, "frame times");
    float[] heard = Arrays.copyOf(audio, Math.min(audio.length, config.cropSamples()));
    int[] picked =
        FramePicker.pick(
            frameTimes,
            0,
            (double) heard.length / Stft.PAPER_SAMPLE_RATE,
            config.framesPerClip(),
            false,
            null);
    return new ClipInput(heard, List.of(Arrays.stream(picked).mapToObj(frames::get).toList()));
  }

  /**
   * Times of {@code count} frames that cover {@code samples} of audio evenly, as a video's frames
   * do (k / fps).
   */
  public static double[] evenFrameTimes(int count, int samples) {
    double[] times = new double[count];
    for (int k = 0; k < count; k++)
      times[k] = (double) k * samples / Stft.PAPER_SAMPLE_RATE / count;
    return times;
  }
}
