package io.pixelplayer.jobs.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.model.net.ModelConfig;
import org.junit.jupiter.api.Test;

class TrainingSetupTest {

  @Test
  void emptyModelKeysKeepTheScalesValues() {
    TrainingSetup setup = TrainingSetup.from(PixelPlayerConf.defaults(), null, null, null);

    assertThat(setup.model()).isEqualTo(ModelConfig.cpu());
  }

  @Test
  void eachDocumentedModelKeyOverridesOneValueOfTheScale() {
    PixelPlayerConf conf =
        PixelPlayerConf.defaults()
            .with(TrainingSetup.SCALE, "paper")
            .with(TrainingSetup.MODEL + ModelConfig.UNET_CHANNELS, "32")
            .with(TrainingSetup.MODEL + ModelConfig.VIDEO_STRIDE, "8")
            .with(TrainingSetup.MODEL + ModelConfig.FRAMES_PER_CLIP, "2");

    ModelConfig model = TrainingSetup.from(conf, null, null, null).model();

    ModelConfig paper = ModelConfig.paper();
    assertThat(model.unetChannels()).isEqualTo(32).isNotEqualTo(paper.unetChannels());
    assertThat(model.videoStride()).isEqualTo(8);
    assertThat(model.framesPerClip()).isEqualTo(2);
    assertThat(model.logBins()).isEqualTo(paper.logBins());
    assertThat(model.videoWidth()).isEqualTo(paper.videoWidth());
  }

  @Test
  void anUnknownScaleIsRefusedByName() {
    PixelPlayerConf conf = PixelPlayerConf.defaults().with(TrainingSetup.SCALE, "huge");

    assertThatThrownBy(() -> TrainingSetup.from(conf, null, null, null))
        .hasMessageContaining(TrainingSetup.SCALE)
        .hasMessageContaining("huge");
  }
}
