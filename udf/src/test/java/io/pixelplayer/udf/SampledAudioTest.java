package io.pixelplayer.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SampledAudioTest {
  @Test
  void downmixAveragesTheChannelsOfEachFrame() {
    SampledAudio stereo = new SampledAudio(new float[] {1f, 0f, 0.5f, -0.5f, -1f, -0.5f}, 44100, 2);

    SampledAudio mono = stereo.toMono();

    assertThat(stereo.frames()).isEqualTo(3);
    assertThat(mono.samples()).containsExactly(0.5f, 0f, -0.75f);
    assertThat(mono.sampleRate()).isEqualTo(44100);
    assertThat(mono.toMono()).isSameAs(mono);
    assertThat(mono.seconds()).isEqualTo(3 / 44100.0);
  }

  @Test
  void equalityComparesSampleValues() {
    assertThat(SampledAudio.mono(new float[] {1, 2}, 8000))
        .isEqualTo(SampledAudio.mono(new float[] {1, 2}, 8000))
        .hasSameHashCodeAs(SampledAudio.mono(new float[] {1, 2}, 8000))
        .isNotEqualTo(SampledAudio.mono(new float[] {1, 2}, 16000))
        .hasToString("SampledAudio[2 frames x 1 channels at 8000 Hz]");
  }

  @Test
  void rejectsInconsistentValues() {
    assertThatThrownBy(() -> new SampledAudio(new float[3], 8000, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("3 samples are not a whole number of frames of 2 channels");
    assertThatThrownBy(() -> new SampledAudio(new float[2], 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SampledAudio(new float[2], 8000, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SampledAudio.mono(null, 8000))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
