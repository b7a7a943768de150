package io.pixelplayer.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ConvolutionTest {
  @Test
  void itIsTheDirectSumCutToTheSignalsLength() {
    Random random = new Random(3);
    float[] signal = new float[1000];
    float[] ir = new float[77];
    for (int i = 0; i < signal.length; i++) signal[i] = (float) random.nextGaussian();
    for (int i = 0; i < ir.length; i++) ir[i] = (float) random.nextGaussian();

    float[] out = Convolution.convolve(signal, ir);

    assertThat(out).hasSize(signal.length);
    for (int n = 0; n < out.length; n++) {
      double direct = 0;
      for (int k = 0; k < ir.length && k <= n; k++) direct += ir[k] * signal[n - k];
      assertThat(out[n]).isCloseTo((float) direct, within(1e-4f));
    }
  }

  @Test
  void aUnitImpulseChangesNothing() {
    float[] signal = {1, -2, 3, 0.5f};

    assertThat(Convolution.convolve(signal, new float[] {1}))
        .containsExactly(new float[] {1, -2, 3, 0.5f}, within(1e-6f));
    assertThatThrownBy(() -> Convolution.convolve(signal, new float[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
