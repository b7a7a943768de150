package io.pixelplayer.model.infer;

import java.util.List;

/**
 * One question for the model: a mixture's audio and the frames of the videos whose sounds are in it.
 *
 * @param mixture mono samples at 11025 Hz, at most {@link io.pixelplayer.model.net.ModelConfig#cropSamples()}
 *                long (shorter is padded with silence)
 * @param videos  per video, its {@link io.pixelplayer.model.net.ModelConfig#framesPerClip()} frames as JPEG, in
 *                time order; one video to separate or localise the sounds of one scene, N to separate a mix of N
 */
public record ClipInput(float[] mixture, List<List<byte[]>> videos) {
  public ClipInput {
    if (mixture == null || mixture.length == 0) throw new IllegalArgumentException("the mixture has no samples");
    if (videos == null || videos.isEmpty()) throw new IllegalArgumentException("no video frames to analyse the mixture with");
    videos = videos.stream().map(List::copyOf).toList();
  }
}
