package io.pixelplayer.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IngestSettingsTest {
  @ParameterizedTest
  @CsvSource({
    "pixelplayer.audio.sampleRate, 16000, 11025",
    "pixelplayer.stft.nFft, 1024, 1022",
    "pixelplayer.stft.hop, 512, 256"
  })
  void audioSettingsTheModelsWereNotTrainedOnAreRefused(String key, String value, String trained) {
    assertThat(IngestSettings.from(PixelPlayerConf.defaults()).clips().sampleRate())
        .isEqualTo(11025);
    assertThatThrownBy(() -> IngestSettings.from(PixelPlayerConf.defaults().with(key, value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "setting "
                + key
                + "="
                + value
                + " does not match the models, which were trained on "
                + trained
                + " (11025 Hz audio, STFT n_fft 1022, hop 256)");
  }
}
