package io.pixelplayer.model.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class AudioUNetTest {

  @Test
  void paperSpectrogramKeepsItsSizeAtDepthSeven() {
    // The paper's depth and 256 × 256 input, at the narrowest width allowed.
    ModelConfig config = ModelConfig.builder().unetChannels(16).channels(16).build();
    try (NDManager manager = NDManager.newBaseManager()) {
      AudioUNet net = AudioUNet.of(config);
      Shape mixture = new Shape(1, 1, 256, 256);
      net.initialize(manager, DataType.FLOAT32, mixture);
      NDList out =
          net.forward(
              new ParameterStore(manager, false), new NDList(manager.randomNormal(mixture)), false);

      assertThat(out.getShapes()).containsExactly(new Shape(1, 16, 256, 256));
      assertThat(net.getOutputShapes(new Shape[] {mixture})).containsExactly(out.getShapes());
    }
  }

  @Test
  void channelsDoubleUpToEightTimesTheBase() {
    ModelConfig config =
        ModelConfig.builder()
            .unetDepth(5)
            .unetChannels(16)
            .channels(32)
            .spectrogram(32, 64)
            .build();
    try (NDManager manager = NDManager.newBaseManager()) {
      AudioUNet net = AudioUNet.of(config);
      net.initialize(manager, DataType.FLOAT32, new Shape(2, 1, 32, 64));

      // Down convs (4x4): 1→16, 16→32, 32→64, 64→128, 128→128; the innermost up conv maps 128 back
      // to 128.
      assertThat(net.getParameters().get("02down0_01Conv2d_weight").getArray().getShape())
          .isEqualTo(new Shape(16, 1, 4, 4));
      assertThat(net.getParameters().get("06down4_02Conv2d_weight").getArray().getShape())
          .isEqualTo(new Shape(128, 128, 4, 4));
      assertThat(
              net.getParameters()
                  .get("11up4_03SequentialBlock_01Conv2d_weight")
                  .getArray()
                  .getShape())
          .isEqualTo(new Shape(128, 128, 3, 3));
      // The outermost up conv sees level 1's input (16) and its up path (16) and maps them to K =
      // 32.
      assertThat(net.getParameters().get("07up0_03Conv2d_weight").getArray().getShape())
          .isEqualTo(new Shape(32, 32, 3, 3));
      NDList out =
          net.forward(
              new ParameterStore(manager, false),
              new NDList(manager.randomNormal(new Shape(2, 1, 32, 64))),
              false);
      assertThat(out.singletonOrThrow().getShape()).isEqualTo(new Shape(2, 32, 32, 64));
    }
  }

  @Test
  void rejectsSpectrogramsTheDepthCannotHalve() {
    AudioUNet net = AudioUNet.of(ModelConfig.paper());
    assertThatThrownBy(() -> net.getOutputShapes(new Shape[] {new Shape(1, 1, 256, 200)}))
        .hasMessage(
            "audio U-Net of depth 7 expects a log magnitude [B, 1, F, T] with F and T divisible by 128, got (1, 1, 256, 200)");
  }
}
