package io.pixelplayer.jobs.synth.acoustics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoomTest {
  private static final int RATE = 11_025;

  @ParameterizedTest
  @ValueSource(doubles = {0.2, 0.5, 1.2})
  void theTailDecaysBy60DbInRt60AndHoldsTheAskedReverbLevel(double rt60) {
    float[] ir = Room.impulseResponse(rt60, -6, RATE, new Random(4));

    double measured = schroederRt60(ir);
    System.out.printf("room: RT60 asked %.2f s, measured %.3f s%n", rt60, measured);
    assertThat(measured).isCloseTo(rt60, within(0.15 * rt60));
    double wet = 0;
    for (int i = 1; i < ir.length; i++) wet += ir[i] * ir[i];
    assertThat(ir[0]).isEqualTo(1f);
    assertThat(10 * Math.log10(wet)).isCloseTo(-6, within(0.01));
  }

  /**
   * RT60 from Schroeder's backward-integrated energy decay, fitted between -5 and -25 dB (T20 × 3).
   */
  static double schroederRt60(float[] ir) {
    double[] decay = new double[ir.length];
    double sum = 0;
    for (int i = ir.length - 1; i >= 0; i--) {
      sum += ir[i] * ir[i];
      decay[i] = sum;
    }
    int from = -1;
    int to = -1;
    for (int i = 1; i < ir.length; i++) {
      double db = 10 * Math.log10(decay[i] / decay[1]);
      if (from < 0 && db <= -5) from = i;
      if (to < 0 && db <= -25) to = i;
    }
    return 3.0 * (to - from) / RATE;
  }
}
