package io.pixelplayer.model.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.pixelplayer.model.net.ModelConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClipInputTest {
  private static final ModelConfig CPU = ModelConfig.cpu();

  private static List<byte[]> frames(int count) {
    List<byte[]> frames = new ArrayList<>();
    for (int k = 0; k < count; k++) frames.add(new byte[] {(byte) k});
    return frames;
  }

  private static int[] indices(ClipInput input) {
    return input.videos().get(0).stream().mapToInt(f -> f[0]).toArray();
  }

  @Test
  void aSceneIsHeardForTheModelsCropAndSeenInTheFramesOfThatSpan() {
    // An ingest clip: 6 s of audio, frames at 8 fps from its start.
    int samples = 6 * 11025;
    double[] times = new double[48];
    for (int k = 0; k < times.length; k++) times[k] = k / 8.0;

    ClipInput input = ClipInput.ofScene(new float[samples], times, frames(48), CPU);

    assertThat(input.mixture()).hasSize(CPU.cropSamples());
    double heard = (double) CPU.cropSamples() / 11025;
    assertThat(indices(input))
        .containsExactly(FramePicker.pick(times, 0, heard, CPU.framesPerClip(), false, null));
    for (int k : indices(input)) assertThat(times[k]).isLessThanOrEqualTo(heard);
  }

  @Test
  void framesCoveringTheAudioEvenlyAreTimedAsAVideosFramesAre() {
    double[] times = ClipInput.evenFrameTimes(48, 6 * 11025);

    assertThat(times[0]).isZero();
    assertThat(times[8]).isCloseTo(1.0, offset(1e-9));
    assertThat(times[47]).isCloseTo(47 / 8.0, offset(1e-9));
  }

  @Test
  void aShortSceneIsHeardWholeAndFramesRepeatWhenTooFew() {
    ClipInput input = ClipInput.ofScene(new float[1000], new double[] {0}, frames(1), CPU);

    assertThat(input.mixture()).hasSize(1000);
    assertThat(indices(input)).containsOnly(0).hasSize(CPU.framesPerClip());
  }

  @Test
  void frameTimesMustMatchTheFramesAndAscend() {
    assertThatThrownBy(() -> ClipInput.ofScene(new float[10], new double[] {0, 1}, frames(1), CPU))
        .hasMessageContaining("2 frame times for 1 frames");
    assertThatThrownBy(() -> ClipInput.ofScene(new float[10], new double[] {1, 0}, frames(2), CPU))
        .hasMessageContaining("ascending");
  }
}
