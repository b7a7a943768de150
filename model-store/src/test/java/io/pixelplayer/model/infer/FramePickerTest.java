package io.pixelplayer.model.infer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FramePickerTest {
  @Test
  void framesAreTheNearestToEqualPartsOfTheSpanAndJitterStaysInside() {
    double[] times = new double[48];
    for (int k = 0; k < times.length; k++) times[k] = k / 8.0;

    // Centres of thirds of [1, 4] s: 1.5, 2.5 and 3.5 s, frames 12, 20 and 28.
    assertThat(FramePicker.pick(times, 1, 4, 3, false, new Random(0))).containsExactly(12, 20, 28);
    // 1.55 s lies between frames 12 (1.5) and 13 (1.625): the nearer wins.
    assertThat(FramePicker.pick(times, 1.55, 1.55, 1, false, new Random(0))).containsExactly(12);
    // Past the last stored frame: the last one.
    assertThat(FramePicker.pick(times, 9, 10, 1, false, new Random(0))).containsExactly(47);

    Random rng = new Random(4);
    Set<Integer> seen = new HashSet<>();
    for (int trial = 0; trial < 50; trial++) {
      int[] picked = FramePicker.pick(times, 1.5, 2.5, 1, true, rng);
      assertThat(picked[0]).isBetween(15, 17);
      seen.add(picked[0]);
      // At the span's edge a jitter outward is refused.
      assertThat(FramePicker.pick(times, 1.5, 1.5, 1, true, rng)).containsExactly(12);
    }
    assertThat(seen).containsExactlyInAnyOrder(15, 16, 17);
  }
}
