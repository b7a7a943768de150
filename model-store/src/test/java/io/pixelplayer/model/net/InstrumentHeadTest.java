package io.pixelplayer.model.net;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class InstrumentHeadTest {

  @Test
  void aClipScoresAClassByItsBestPixel() {
    try (NDManager manager = NDManager.newBaseManager()) {
      // Two clips, two classes, 2x2 pixels.
      NDArray classMap =
          manager.create(
              new float[] {
                1, -3, 0, 2, /* clip 0 class 0 */ -1, -2, -5, -4, /* clip 0 class 1 */
                7, 7, 0, 1, /* clip 1 class 0 */ 0, 9, 3, 2 /* clip 1 class 1 */
              },
              new Shape(2, 2, 2, 2));

      NDArray logits = InstrumentHead.poolPixels(classMap);

      assertThat(logits.getShape()).isEqualTo(new Shape(2, 2));
      assertThat(logits.toFloatArray()).containsExactly(2, -1, 7, 9);
    }
  }

  @Test
  void classifiesEveryPixel() {
    ModelConfig config = ModelConfig.builder().channels(16).classes(21).build();
    try (NDManager manager = NDManager.newBaseManager()) {
      InstrumentHead head = InstrumentHead.of(config);
      Shape pixels = new Shape(2, 16, 14, 14);
      head.initialize(manager, DataType.FLOAT32, pixels);

      NDList out =
          head.forward(
              new ParameterStore(manager, false),
              new NDList(manager.randomUniform(0, 1, pixels)),
              false);

      assertThat(out.getShapes()).containsExactly(new Shape(2, 21, 14, 14), new Shape(2, 21));
      assertThat(head.getOutputShapes(new Shape[] {pixels})).containsExactly(out.getShapes());
      assertThat(out.get(1).toFloatArray())
          .containsExactly(InstrumentHead.poolPixels(out.get(0)).toFloatArray());
    }
  }
}
