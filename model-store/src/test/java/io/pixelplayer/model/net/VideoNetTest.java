package io.pixelplayer.model.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class VideoNetTest {

  @Test
  void paperFrameGivesFourteenByFourteenFeatures() {
    // The paper's sizes and ResNet-18 depths, at the narrowest width allowed.
    ModelConfig config = ModelConfig.builder().videoWidth(16).channels(16).build();
    try (NDManager manager = NDManager.newBaseManager()) {
      VideoNet net = VideoNet.of(config);
      Shape frames = new Shape(1, 2, 3, 224, 224);
      net.initialize(manager, DataType.FLOAT32, frames);
      NDList out =
          net.forward(
              new ParameterStore(manager, false), new NDList(manager.randomNormal(frames)), false);

      assertThat(out.getShapes()).containsExactly(new Shape(1, 16, 14, 14), new Shape(1, 16));
      assertThat(net.getOutputShapes(new Shape[] {frames})).containsExactly(out.getShapes());
      NDArray pixels = out.get(0);
      // After the sigmoid (untrained, in inference mode, many saturate).
      assertThat(pixels.min().getFloat()).isGreaterThanOrEqualTo(0f);
      assertThat(pixels.max().getFloat()).isLessThanOrEqualTo(1f);
      assertThat(out.get(1).toFloatArray())
          .containsExactly(pixels.reshape(1, 16, -1).max(new int[] {2}).toFloatArray());
    }
  }

  @Test
  void outputStrideFollowsTheConfig() {
    ModelConfig config =
        ModelConfig.builder()
            .videoWidth(16)
            .channels(16)
            .videoStages(List.of(1, 1, 1, 1))
            .videoStride(8)
            .frameSize(64)
            .build();
    try (NDManager manager = NDManager.newBaseManager()) {
      VideoNet net = VideoNet.of(config);
      Shape frames = new Shape(2, 1, 3, 64, 64);
      net.initialize(manager, DataType.FLOAT32, frames);
      NDList out =
          net.forward(
              new ParameterStore(manager, false), new NDList(manager.randomNormal(frames)), false);

      assertThat(out.getShapes()).containsExactly(new Shape(2, 16, 8, 8), new Shape(2, 16));
    }
  }

  @Test
  void framesArePooledOverTime() {
    ModelConfig config =
        ModelConfig.builder()
            .videoWidth(16)
            .channels(16)
            .videoStages(List.of(1, 1))
            .videoStride(8)
            .frameSize(32)
            .build();
    try (NDManager manager = NDManager.newBaseManager()) {
      VideoNet net = VideoNet.of(config);
      net.initialize(manager, DataType.FLOAT32, new Shape(1, 2, 3, 32, 32));
      ParameterStore store = new ParameterStore(manager, false);
      NDArray first = manager.randomNormal(new Shape(1, 1, 3, 32, 32));
      NDArray second = manager.randomNormal(new Shape(1, 1, 3, 32, 32));

      NDArray both = net.forward(store, new NDList(first.concat(second, 1)), false).get(0);
      NDArray each =
          net.forward(store, new NDList(first), false)
              .get(0)
              .maximum(net.forward(store, new NDList(second), false).get(0));
      assertThat(both.sub(each).abs().max().getFloat()).isLessThan(1e-5f);
    }
  }

  @Test
  void rejectsFramesWithoutTime() {
    VideoNet net = VideoNet.of(ModelConfig.paper());
    assertThatThrownBy(() -> net.getOutputShapes(new Shape[] {new Shape(2, 3, 224, 224)}))
        .hasMessage("video net expects frames [B, T, 3, H, W], got (2, 3, 224, 224)");
  }
}
