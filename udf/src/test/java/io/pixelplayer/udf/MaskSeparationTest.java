package io.pixelplayer.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskSeparationTest {
  private static final int SAMPLES = 127 * 256 + 255; // 32767: 128 STFT frames
  private static final Stft STFT = Stft.paper();
  private static final LogFrequencyWarp WARP = new LogFrequencyWarp(512, 128, 128);
  private static final MaskSeparation SEPARATION = new MaskSeparation(STFT, WARP);

  /** A low note with harmonics and a high one, far apart in frequency. */
  private static List<float[]> twoNotes() {
    float[] low = new float[SAMPLES];
    float[] high = new float[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      double t = i / 11025.0;
      low[i] =
          (float) (0.3 * Math.sin(2 * Math.PI * 220 * t) + 0.1 * Math.sin(2 * Math.PI * 440 * t));
      high[i] =
          (float)
              (0.2
                  * Math.sin(2 * Math.PI * 2637 * t)
                  * (0.6 + 0.4 * Math.sin(2 * Math.PI * 3 * t)));
    }
    return List.of(low, high);
  }

  @Test
  void theIdealBinaryMaskSeparatesDistinctNotes() {
    List<float[]> sources = twoNotes();
    List<float[]> estimates = SEPARATION.idealBinary(sources);
    BssEval.Result result =
        BssEval.bssEvalSources(sources.toArray(float[][]::new), estimates.toArray(float[][]::new));
    assertThat(Arrays.stream(result.sdr()).min().orElseThrow()).isGreaterThan(20);
  }

  @Test
  void aPredictedMaskOnTheLogGridIsUnwarpedAndAppliedToTheMixture() {
    List<float[]> sources = twoNotes();
    float[] mixture = new float[SAMPLES];
    for (float[] source : sources) {
      for (int i = 0; i < SAMPLES; i++) {
        mixture[i] += source[i];
      }
    }
    float[] mixtureMagnitude = STFT.forward(mixture).magnitude();
    float[][] estimates = new float[2][];
    for (int s = 0; s < 2; s++) {
      // What a perfect network would predict: the source's ideal mask, warped to the grid it sees.
      float[] ideal = Masks.idealBinary(STFT.forward(sources.get(s)).magnitude(), mixtureMagnitude);
      estimates[s] = SEPARATION.separate(mixture, WARP.warp(ideal), Masks.PAPER_THRESHOLD);
    }
    BssEval.Result result = BssEval.bssEvalSources(sources.toArray(float[][]::new), estimates);
    assertThat(Arrays.stream(result.sdr()).min().orElseThrow()).isGreaterThan(10);
    // A mask that keeps nothing gives silence; one that keeps everything gives the mixture back.
    assertThat(SEPARATION.separate(mixture, new float[128 * 128], 0.5f)).containsOnly(0f);
    float[] all = SEPARATION.separate(mixture, filled(128 * 128, 1f), 0.5f);
    double error = 0;
    for (int i = 0; i < SAMPLES; i++) {
      error = Math.max(error, Math.abs(all[i] - mixture[i]));
    }
    assertThat(error).isLessThan(1e-5);
  }

  @Test
  void mismatchedShapesAreRefused() {
    assertThatThrownBy(() -> new MaskSeparation(STFT, new LogFrequencyWarp(256, 128, 128)))
        .hasMessageContaining("256 linear bins, the STFT 512");
    assertThatThrownBy(() -> SEPARATION.separate(new float[65535], new float[128 * 128], 0.5f))
        .hasMessageContaining("65535 samples give 256 STFT frames, the warp expects 128");
    assertThatThrownBy(() -> SEPARATION.idealBinary(List.of(new float[SAMPLES], new float[10])))
        .hasMessageContaining("sources of 32767 and 10 samples");
  }

  private static float[] filled(int n, float value) {
    float[] a = new float[n];
    Arrays.fill(a, value);
    return a;
  }
}
