package io.pixelplayer.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.tracker.Tracker;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumableAdamTest {
  private static final float[] START = {0.5f, -1.5f, 2f};

  /** The gradient of sum((w - 1)^2 * c) with c = 1, 2, 3. */
  private static NDArray gradient(NDArray w) {
    return w.sub(1).mul(w.getManager().create(new float[] {2f, 4f, 6f}));
  }

  @Test
  void oneStepMatchesTheAdamFormula() {
    try (NDManager manager = NDManager.newBaseManager()) {
      ResumableAdam adam =
          new ResumableAdam(Tracker.fixed(0.1f), 0.9f, 0.999f, 1e-8f, manager, Map.of());
      NDArray w = manager.create(START);
      adam.update("w", w, gradient(w));
      float[] after = w.toFloatArray();
      for (int i = 0; i < START.length; i++) {
        double g = (START[i] - 1) * 2 * (i + 1);
        double m = 0.1 * g;
        double v = 0.001 * g * g;
        double lr = 0.1 * Math.sqrt(1 - 0.999) / (1 - 0.9);
        assertThat(after[i])
            .isCloseTo((float) (START[i] - lr * m / (Math.sqrt(v) + 1e-8)), within(1e-6f));
      }
      assertThat(adam.steps()).isEqualTo(1);
    }
  }

  @Test
  void aResumedOptimizerContinuesExactly(@TempDir Path dir) throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      Tracker schedule =
          Tracker.cosine().setBaseValue(0.05f).optFinalValue(0.001f).setMaxUpdates(10).build();
      ResumableAdam straight = ResumableAdam.standard(schedule, manager, Map.of());
      NDArray a = manager.create(START);
      for (int i = 0; i < 5; i++) {
        straight.update("w", a, gradient(a));
      }

      ResumableAdam first = ResumableAdam.standard(schedule, manager, Map.of("id-of-run-1", "w"));
      NDArray b = manager.create(START);
      for (int i = 0; i < 3; i++) {
        first.update("w", b, gradient(b));
      }
      first.save(dir.resolve("adam.state"));
      ResumableAdam resumed = ResumableAdam.standard(schedule, manager, Map.of("id-of-run-2", "w"));
      resumed.load(dir.resolve("adam.state"));
      assertThat(resumed.steps()).isEqualTo(3);
      for (int i = 0; i < 2; i++) {
        resumed.update("id-of-run-2", b, gradient(b));
      }
      assertThat(b.toFloatArray()).containsExactly(a.toFloatArray());
      // and it is still minimising
      assertThat(gradient(b).abs().sum().getFloat())
          .isLessThan(gradient(manager.create(START)).abs().sum().getFloat());
    }
  }
}
