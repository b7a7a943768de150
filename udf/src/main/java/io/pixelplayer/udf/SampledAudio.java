package io.pixelplayer.udf;

import java.util.Arrays;

/**
 * Audio as floats, nominally in [-1, 1] (floating-point files may exceed it), channels interleaved:
 * {@code samples[frame * channels + channel]}.
 *
 * <p>The array is held, not copied (audio can be long): whoever builds or receives one must not
 * modify it. Equality compares the samples' values.
 *
 * @param samples interleaved samples, a whole number of frames
 * @param sampleRate frames per second (Hz)
 * @param channels samples per frame
 */
public record SampledAudio(float[] samples, int sampleRate, int channels) {

  public SampledAudio {
    if (samples == null) throw new IllegalArgumentException("samples are null");
    if (sampleRate < 1)
      throw new IllegalArgumentException("sample rate " + sampleRate + " Hz must be positive");
    if (channels < 1)
      throw new IllegalArgumentException("channel count " + channels + " must be positive");
    if (samples.length % channels != 0) {
      throw new IllegalArgumentException(
          samples.length
              + " samples are not a whole number of frames of "
              + channels
              + " channels");
    }
  }

  /** One channel. */
  public static SampledAudio mono(float[] samples, int sampleRate) {
    return new SampledAudio(samples, sampleRate, 1);
  }

  /** Samples per channel. */
  public int frames() {
    return samples.length / channels;
  }

  public double seconds() {
    return frames() / (double) sampleRate;
  }

  /** The average of the channels, frame by frame; this instance if it is already mono. */
  public SampledAudio toMono() {
    if (channels == 1) return this;
    float[] mono = new float[frames()];
    for (int frame = 0, i = 0; frame < mono.length; frame++) {
      double sum = 0;
      for (int channel = 0; channel < channels; channel++) sum += samples[i++];
      mono[frame] = (float) (sum / channels);
    }
    return mono(mono, sampleRate);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SampledAudio that
        && sampleRate == that.sampleRate
        && channels == that.channels
        && Arrays.equals(samples, that.samples);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(samples) + sampleRate) + channels;
  }

  @Override
  public String toString() {
    return "SampledAudio["
        + frames()
        + " frames x "
        + channels
        + " channels at "
        + sampleRate
        + " Hz]";
  }
}
