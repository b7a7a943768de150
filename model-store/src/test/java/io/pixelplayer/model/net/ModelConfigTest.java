package io.pixelplayer.model.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelConfigTest {

  @Test
  void paperSizes() {
    ModelConfig paper = ModelConfig.paper();
    assertThat(paper.channels()).isEqualTo(32);
    assertThat(paper.featureSize()).isEqualTo(14);
    assertThat(paper.videoStages()).containsExactly(2, 2, 2, 2);
    assertThat(paper.unetDepth()).isEqualTo(7);
    assertThat(paper.classes()).isEqualTo(21);
    assertThat(ModelConfig.cpu().featureSize()).isEqualTo(7);
  }

  @Test
  void mapAndJsonRoundTrip() {
    ModelConfig config =
        ModelConfig.builder().channels(16).videoStages(List.of(1, 2, 3)).videoStride(8).build();
    assertThat(config.toMap().keySet()).containsExactlyElementsOf(ModelConfig.KEYS);
    assertThat(config.toMap()).containsEntry("videoStages", "1,2,3");
    assertThat(ModelConfig.fromMap(config.toMap())).isEqualTo(config);
    assertThat(config.toJson()).contains("\"videoStages\":[1,2,3]", "\"channels\":16");
    assertThat(ModelConfig.fromJson(config.toJson())).isEqualTo(config);
  }

  @Test
  void theOutputStrideChangesNoWeight() {
    ModelConfig cpu = ModelConfig.cpu();
    ModelConfig dense = cpu.toBuilder().videoStride(8).build();
    assertThat(dense.featureSize()).isEqualTo(14);
    assertThat(dense.sameWeightsAs(cpu)).isTrue();
    assertThat(cpu.sameWeightsAs(dense)).isTrue();
    assertThat(cpu.sameWeightsAs(cpu.toBuilder().channels(16).build())).isFalse();
    assertThat(cpu.sameWeightsAs(null)).isFalse();
    // The same parameters, name by name and shape by shape.
    try (NDManager manager = NDManager.newBaseManager()) {
      PixelPlayerNet strided = PixelPlayerNet.of(cpu);
      PixelPlayerNet dilated = PixelPlayerNet.of(dense);
      strided.initialize(manager, DataType.FLOAT32, strided.inputShapes(1, 1));
      dilated.initialize(manager, DataType.FLOAT32, dilated.inputShapes(1, 1));
      assertThat(
              dilated.getParameters().stream()
                  .map(p -> p.getKey() + p.getValue().getArray().getShape())
                  .toList())
          .isEqualTo(
              strided.getParameters().stream()
                  .map(p -> p.getKey() + p.getValue().getArray().getShape())
                  .toList());
    }
  }

  @Test
  void uNetLevelsDoubleUpToTheirCap() {
    ModelConfig cpu = ModelConfig.cpu();
    assertThat(java.util.stream.IntStream.range(0, 6).map(cpu::unetWidth).toArray())
        .containsExactly(32, 64, 128, 256, 256, 256);
    ModelConfig wide = cpu.toBuilder().unetChannels(64).build();
    assertThat(java.util.stream.IntStream.range(0, 6).map(wide::unetWidth).toArray())
        .containsExactly(64, 128, 256, 256, 256, 256);
    // Configs written before the cap meant 8 times the first level.
    Map<String, String> written = new java.util.LinkedHashMap<>(cpu.toMap());
    written.remove(ModelConfig.UNET_MAX_CHANNELS);
    written.put(ModelConfig.UNET_CHANNELS, "16");
    assertThat(ModelConfig.fromMap(written).unetMaxChannels()).isEqualTo(128);
    assertThatThrownBy(() -> cpu.toBuilder().unetMaxChannels(16).build())
        .hasMessage("unetMaxChannels 16 is below unetChannels 32");
  }

  @Test
  void aWiderUNetWidensANarrowerOneOnly() {
    ModelConfig cpu = ModelConfig.cpu();
    ModelConfig wide = cpu.toBuilder().unetChannels(64).videoStride(8).build();
    assertThat(wide.widens(cpu)).isTrue();
    assertThat(wide.widens(wide)).isTrue();
    assertThat(cpu.widens(wide)).isFalse();
    // Wider at the top but narrower further down.
    assertThat(cpu.toBuilder().unetChannels(48).unetMaxChannels(192).build().widens(cpu)).isFalse();
    assertThat(wide.widens(cpu.toBuilder().channels(16).build())).isFalse();
    assertThat(wide.widens(cpu.toBuilder().unetDepth(5).build())).isFalse();
    assertThat(wide.widens(null)).isFalse();
  }

  @Test
  void overridesByKey() {
    ModelConfig config =
        ModelConfig.cpu().withOverrides(Map.of("channels", " 16", "videoStages", "1,1,1,1"));
    assertThat(config.channels()).isEqualTo(16);
    assertThat(config.videoStages()).containsExactly(1, 1, 1, 1);
    assertThat(config.frameSize()).isEqualTo(ModelConfig.cpu().frameSize());
  }

  @Test
  void aFailedBuildLeavesTheBuilderUsable() {
    ModelConfig.Builder builder = ModelConfig.builder().channels(4);
    assertThatThrownBy(builder::build).hasMessageStartingWith("channels 4 is not a multiple of 16");
    assertThat(builder.channels(48).build().channels()).isEqualTo(48);
    assertThat(builder.build()).isEqualTo(builder.build());
  }

  @Test
  void badValuesAreNamed() {
    assertThatThrownBy(() -> ModelConfig.builder().frameSize(200).build())
        .hasMessage("frameSize 200 is not divisible by videoStride 16");
    assertThatThrownBy(() -> ModelConfig.builder().spectrogram(250, 256).build())
        .hasMessage("logBins 250 is not divisible by 2^unetDepth = 128");
    assertThatThrownBy(() -> ModelConfig.builder().spectrogram(256, 192).build())
        .hasMessage("specFrames 192 is not divisible by 2^unetDepth = 128");
    assertThatThrownBy(() -> ModelConfig.builder().videoStride(12).build())
        .hasMessage("videoStride 12 must be a power of two from 4 to 32 (4 stages)");
    assertThatThrownBy(() -> ModelConfig.builder().videoStages(List.of(2, 2)).build())
        .hasMessage("videoStride 16 must be a power of two from 4 to 8 (2 stages)");
    assertThatThrownBy(() -> ModelConfig.builder().videoStages(List.of(2, 0)).build())
        .hasMessage("videoStages 2,0: every stage needs at least one block");
    assertThatThrownBy(() -> ModelConfig.builder().unetDepth(1).build())
        .hasMessage("unetDepth 1 must be from 2 to 12");
    assertThatThrownBy(() -> ModelConfig.builder().channels(0).build())
        .hasMessage("channels 0 must be positive");
    assertThatThrownBy(() -> ModelConfig.builder().videoWidth(24).build())
        .hasMessage(
            "videoWidth 24 is not a multiple of 16 (the CPU engine computes wrong convolution gradients for other channel counts)");
  }

  @Test
  void badSettingsAreNamed() {
    assertThatThrownBy(() -> ModelConfig.paper().withOverrides(Map.of("chanels", "8")))
        .hasMessageStartingWith("unknown model setting 'chanels' (known: channels, frameSize,");
    assertThatThrownBy(() -> ModelConfig.paper().withOverrides(Map.of("unetDepth", "seven")))
        .hasMessage("unetDepth 'seven' is not an integer");
    assertThatThrownBy(() -> ModelConfig.paper().withOverrides(Map.of("videoStages", "2,,2")))
        .hasMessage("videoStages '' is not an integer");
    assertThatThrownBy(() -> ModelConfig.fromMap(Map.of("channels", "8")))
        .hasMessageStartingWith("model config lacks classes, frameSize, framesPerClip,");
    assertThatThrownBy(() -> ModelConfig.fromJson("[1, 2]"))
        .hasMessage("model config is not a JSON object: [1, 2]");
  }
}
