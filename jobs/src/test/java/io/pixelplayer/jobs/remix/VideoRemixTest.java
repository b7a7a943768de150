package io.pixelplayer.jobs.remix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.index.IndexSettings;
import io.pixelplayer.jobs.ingest.ClipReader;
import io.pixelplayer.jobs.ingest.ClipSpec;
import io.pixelplayer.jobs.ingest.DecodedClip;
import io.pixelplayer.model.infer.PixelPlayerModel;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A sample duet (drum and trumpet) remixed with the shipped model. */
class VideoRemixTest {
  private static final Path ROOT = Path.of(System.getProperty("pixelplayer.root"));
  private static final Path DUET = ROOT.resolve("samples/videos/duet-0003.mp4");
  private static PixelPlayerModel model;
  private static ClipSpec tiling;
  private static VideoRemix remix;

  @BeforeAll
  static void analyse() throws Exception {
    model = PixelPlayerModel.load(ROOT.resolve("model-store/model"), Device.cpu());
    IndexSettings settings = IndexSettings.from(PixelPlayerConf.defaults(), model.config());
    tiling = settings.clips().tiling();
    remix = VideoRemix.analyse(DUET, model, tiling, settings.sources(), 8);
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void theOriginalIsTheWholeDecodedSoundtrack() throws Exception {
    float[] original = remix.original();
    float[] decoded = new float[original.length];
    try (ClipReader reader = new ClipReader(DUET.toString(), tiling)) {
      while (reader.hasNext()) {
        DecodedClip clip = reader.next();
        System.arraycopy(
            clip.audio(),
            0,
            decoded,
            (int) clip.startSample(),
            Math.min(clip.validSamples(), decoded.length - (int) clip.startSample()));
      }
    }
    assertThat(original.length).isCloseTo((int) Math.round(6.0 * 11025), within(300));
    assertThat(original).containsExactly(decoded);
    assertThat(remix.render(Map.of("drum", 0.0))).containsExactly(original, within(1e-6f));
  }

  @Test
  void onlyTheChangedSourceChangesAndTheResidualMatches() {
    assertThat(remix.instruments()).containsKey("drum");
    float[] original = remix.original();
    float[] drum = remix.source("drum");
    double gain = Math.pow(10, 6 / 20.0);
    float[] louder = remix.render(Map.of("drum", 6.0));

    // The residual outside the drum, out - gain * drum, is the original's residual, original -
    // drum.
    for (int i = 0; i < original.length; i++) {
      assertThat(louder[i] - gain * drum[i]).isCloseTo(original[i] - drum[i], within(1e-5));
    }
    // The drum is a real part of the mix: neither silence nor all of it.
    double mix = energy(original);
    assertThat(energy(drum)).isBetween(0.01 * mix, 0.99 * mix);
    float[] rest = new float[original.length];
    for (int i = 0; i < rest.length; i++) rest[i] = original[i] - drum[i];
    assertThat(energy(rest)).isGreaterThan(0.01 * mix);
    // An instrument that is not there changes nothing.
    assertThat(remix.render(Map.of("bagpipe", 12.0))).containsExactly(original);
  }

  @Test
  void aClickPicksAnInstrumentFoundInTheVideo() {
    assertThat(remix.instruments()).containsKey(remix.instrumentAt(0.25, 0.5));
    assertThat(remix.instruments()).containsKey(remix.instrumentAt(0.75, 0.5));
    assertThatThrownBy(() -> remix.instrumentAt(1.5, 0.5)).hasMessageContaining("0..1");
  }

  private static double energy(float[] signal) {
    double sum = 0;
    for (float v : signal) sum += v * (double) v;
    return sum;
  }
}
