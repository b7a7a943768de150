package io.pixelplayer.model.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class SynthesizerTest {
  @Test
  void maskLogitIsTheScaledInnerProductPlusBias() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Synthesizer synthesizer = new Synthesizer(2);
      synthesizer.initialize(manager, DataType.FLOAT32, new Shape(1, 2), new Shape(1, 2, 1, 2));
      synthesizer.getParameters().get("scale").getArray().set(new float[] {2f, -1f});
      synthesizer.getParameters().get("bias").getArray().set(new float[] {0.25f});
      NDArray visual = manager.create(new float[] {0.5f, 2f}, new Shape(1, 2));
      // S_1 = [1, 2], S_2 = [3, 4] over two time-frequency points.
      NDArray audio = manager.create(new float[] {1f, 2f, 3f, 4f}, new Shape(1, 2, 1, 2));

      NDArray logits =
          synthesizer
              .forward(new ParameterStore(manager, false), new NDList(visual, audio), false)
              .singletonOrThrow();

      // 2·0.5·1 − 1·2·3 + 0.25 and 2·0.5·2 − 1·2·4 + 0.25
      assertThat(logits.getShape()).isEqualTo(new Shape(1, 1, 1, 2));
      assertThat(logits.toFloatArray())
          .containsExactly(new float[] {-4.75f, -5.75f}, within(1e-6f));
    }
  }

  @Test
  void pixelWiseMasksAreEachPixelsMask() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Synthesizer synthesizer = new Synthesizer(3);
      synthesizer.initialize(manager, DataType.FLOAT32, new Shape(2, 3), new Shape(2, 3, 4, 5));
      synthesizer.getParameters().get("scale").getArray().set(new float[] {0.5f, -2f, 1.5f});
      ParameterStore store = new ParameterStore(manager, false);
      NDArray pixels = manager.randomUniform(0, 1, new Shape(2, 3, 2, 3));
      NDArray audio = manager.randomNormal(new Shape(2, 3, 4, 5));

      NDArray all = synthesizer.forward(store, new NDList(pixels, audio), false).singletonOrThrow();

      assertThat(all.getShape()).isEqualTo(new Shape(2, 2, 3, 4, 5));
      for (int y = 0; y < 2; y++) {
        for (int x = 0; x < 3; x++) {
          NDArray vector = pixels.get(new NDIndex(":, :, {}, {}", y, x));
          NDArray one =
              synthesizer.forward(store, new NDList(vector, audio), false).singletonOrThrow();
          assertThat(
                  one.squeeze(1)
                      .sub(all.get(new NDIndex(":, {}, {}", y, x)))
                      .abs()
                      .max()
                      .getFloat())
              .isLessThan(1e-5f);
        }
      }
    }
  }

  @Test
  void rejectsMismatchedFeatures() {
    Synthesizer synthesizer = new Synthesizer(2);
    assertThatThrownBy(
            () -> synthesizer.getOutputShapes(new Shape[] {new Shape(1, 3), new Shape(1, 2, 4, 4)}))
        .hasMessage("synthesizer expects visual features [1, 2] or [1, 2, h, w], got (1, 3)");
    assertThatThrownBy(
            () -> synthesizer.getOutputShapes(new Shape[] {new Shape(1, 2), new Shape(1, 2, 4)}))
        .hasMessage("synthesizer expects audio features [B, 2, F, T], got (1, 2, 4)");
  }
}
