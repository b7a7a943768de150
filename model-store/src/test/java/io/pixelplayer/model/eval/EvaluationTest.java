package io.pixelplayer.model.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import io.pixelplayer.model.infer.PixelPlayerModel;
import io.pixelplayer.model.infer.SourceFinder;
import io.pixelplayer.model.infer.StoredClip;
import io.pixelplayer.model.infer.TestModels;
import io.pixelplayer.model.net.ModelConfig;
import io.pixelplayer.udf.Box;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluation protocol on tones with an untrained model: what it scores, how it counts, that it
 * is repeatable. (What a trained model reaches is checked on samples/ in the jobs module.)
 */
class EvaluationTest {
  private static final ModelConfig TINY =
      ModelConfig.builder()
          .channels(16)
          .frameSize(32)
          .videoWidth(16)
          .videoStages(List.of(1, 1, 1, 1))
          .videoStride(8)
          .unetDepth(3)
          .unetChannels(16)
          .spectrogram(32, 32)
          .framesPerClip(2)
          .build();
  private static final int RATE = 11025;
  private static final int LENGTH = 9000;
  private static final Box LEFT = new Box(0, 0, 0.5, 1);
  private static final Box RIGHT = new Box(0.5, 0, 1, 1);

  @Test
  void scoresMixturesDuetsPointingAndRecognitionRepeatably(@TempDir Path dir) throws Exception {
    TestModels.saveRandom(TINY, dir);
    List<EvaluationClip> solos = fourSolos(v -> tone(220 * (v + 1)));
    float[] silence = new float[LENGTH];
    solos.add(
        clip(
            "solo-silent",
            List.of("violin"),
            silence,
            Color.BLACK,
            List.of(truth("violin", silence, LEFT))));
    float[] low = tone(200);
    float[] high = tone(1500);
    float[] both = new float[LENGTH];
    for (int i = 0; i < LENGTH; i++) both[i] = low[i] + high[i];
    List<EvaluationClip> duets =
        List.of(
            clip(
                "duet-0",
                List.of("cello", "flute"),
                both,
                Color.MAGENTA,
                List.of(truth("cello", low, LEFT), truth("flute", high, RIGHT))));

    List<EvaluationClip> nonMusic =
        List.of(
            clip("tone", List.of(), tone(1000), Color.GRAY, List.of()),
            clip("hum", List.of(), tone(50), Color.DARK_GRAY, List.of()),
            clip("quiet", List.of(), silence, Color.BLACK, List.of()));

    EvaluationReport report;
    EvaluationReport again;
    EvaluationReport strict;
    try (PixelPlayerModel model = PixelPlayerModel.load(dir, Device.cpu())) {
      Evaluation evaluation =
          new Evaluation(
              model, new Evaluation.Settings(5, 3, 2, new SourceFinder.Settings(0, 3, 0.5)));
      report = evaluation.run(solos, duets, nonMusic, null);
      again = evaluation.run(solos, duets, nonMusic, null);
      strict =
          new Evaluation(
                  model, new Evaluation.Settings(5, 3, 2, new SourceFinder.Settings(1, 3, 0.5)))
              .run(solos, duets, nonMusic, null);
      assertThat(report.modelVersion()).isEqualTo(model.version());
    }

    assertThat(again).isEqualTo(report);
    // Non-music: the two sounding clips count (the silent one gets no source anyway); any
    // confidence makes a source of
    // every class at a threshold of 0, none at 1.
    assertThat(report.nonMusicClips()).isEqualTo(2);
    assertThat(report.nonMusicSourceShare()).isEqualTo(1.0);
    assertThat(strict.nonMusicSourceShare()).isZero();
    // The same rule on the sounding solos: a confidence of 1 finds none of their instruments.
    assertThat(report.soloSourceRecall()).isBetween(0.0, 1.0);
    assertThat(strict.soloSourceRecall()).isZero();
    assertThat(report.toJson().get("solo_source_recall").getAsDouble())
        .isEqualTo(report.soloSourceRecall(), within(1e-4));
    // Both shares at every setting of a grid, whatever the setting evaluated at: never more clips
    // given a source at a higher setting.
    List<ConfidenceCurve.Point> curve = report.confidenceCurve().points();
    assertThat(strict.confidenceCurve()).isEqualTo(report.confidenceCurve());
    assertThat(curve).hasSize(19);
    for (int i = 1; i < curve.size(); i++) {
      assertThat(curve.get(i).nonMusicSourceShare())
          .isLessThanOrEqualTo(curve.get(i - 1).nonMusicSourceShare());
      assertThat(curve.get(i).soloSourceRecall())
          .isLessThanOrEqualTo(curve.get(i - 1).soloSourceRecall());
    }
    // Every sounding solo is mixed once as the first source; the silent one is counted, not mixed.
    assertThat(report.mixtures()).isEqualTo(4);
    assertThat(report.duets()).isEqualTo(1);
    assertThat(report.clips()).isEqualTo(6);
    assertThat(report.classes()).isEqualTo(5);
    assertThat(report.unscored()).isGreaterThanOrEqualTo(1);
    // Tones a few octaves apart: the ideal binary mask separates them almost perfectly, the mixture
    // does not.
    assertThat(report.ibmSdr()).isGreaterThan(report.mixtureSdr() + 10);
    assertThat(report.nsdr()).isCloseTo(report.sdr() - report.mixtureSdr(), within(1e-9));
    assertThat(report.pointingAccuracy()).isBetween(0.0, 1.0);
    assertThat(report.recognitionAccuracy()).isBetween(0.0, 1.0);
    // Each instrument's own figures: both sources of every mixture counted, under their instrument.
    int sources = report.instruments().values().stream().mapToInt(InstrumentFigures::sources).sum();
    assertThat(sources).isEqualTo(2 * report.mixtures());
    assertThat(report.instruments().values())
        .allSatisfy(f -> assertThat(f.pointing()).isBetween(0.0, 1.0));
    // the silent violin is in no mixture
    assertThat(report.instruments().keySet()).containsExactly("cello", "drum", "flute", "piano");
    assertThat(report.toJson().getAsJsonObject("instruments").keySet())
        .containsExactlyElementsOf(report.instruments().keySet());
    assertThat(report.toJson().keySet())
        .containsSubsequence(
            "sdr",
            "sir",
            "sar",
            "nsdr",
            "mixture_sdr",
            "ibm_sdr",
            "duet_sdr",
            "duet_sir",
            "pointing_accuracy",
            "recognition_accuracy",
            "classes",
            "clips",
            "model_version");
  }

  @Test
  void mixesThreeSolosAtATime(@TempDir Path dir) throws Exception {
    TestModels.saveRandom(TINY, dir);
    Random noise = new Random(3);
    // A little noise under each tone: pure tones make BSS-eval's Gram matrix singular (slow).
    List<EvaluationClip> solos =
        fourSolos(
            v -> {
              float[] sound = tone(220 * (v + 1) + 37 * v);
              for (int i = 0; i < LENGTH; i++) sound[i] += (float) (0.01 * noise.nextGaussian());
              return sound;
            });
    SourceFinder.Settings sources = new SourceFinder.Settings(0, 3, 0.5);
    EvaluationReport ofTwo;
    EvaluationReport ofThree;
    try (PixelPlayerModel model = PixelPlayerModel.load(dir, Device.cpu())) {
      ofTwo =
          new Evaluation(model, new Evaluation.Settings(5, 3, 2, sources))
              .run(solos, List.of(), List.of(), null);
      ofThree =
          new Evaluation(model, new Evaluation.Settings(5, 3, 3, sources))
              .run(solos, List.of(), List.of(), null);
    }
    // Every solo first in one mixture, with two partners of other videos and instruments; all
    // three sources scored.
    assertThat(ofTwo.sourcesPerMix()).isEqualTo(2);
    assertThat(ofThree.sourcesPerMix()).isEqualTo(3);
    assertThat(ofThree.toJson().get("sources_per_mix").getAsInt()).isEqualTo(3);
    assertThat(ofThree.mixtures()).isEqualTo(4);
    assertThat(ofThree.instruments().values().stream().mapToInt(InstrumentFigures::sources).sum())
        .isEqualTo(3 * ofThree.mixtures());
    // A source is a third of its mixture, not a half: the unseparated mixture scores lower.
    assertThat(ofThree.mixtureSdr()).isLessThan(ofTwo.mixtureSdr() - 2);
    assertThat(ofThree.ibmSdr()).isGreaterThan(ofThree.mixtureSdr() + 10);
    assertThat(ofThree.nsdr()).isCloseTo(ofThree.sdr() - ofThree.mixtureSdr(), within(1e-9));
    assertThat(ofThree.toText()).contains("4 mixtures of 3 solos");
    assertThatThrownBy(() -> new Evaluation.Settings(5, 3, 1, sources))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2");
  }

  /**
   * Four solos of four instruments, each in a colour of its own, solo v sounding {@code sound(v)}.
   */
  private static List<EvaluationClip> fourSolos(IntFunction<float[]> sound) throws Exception {
    String[] instruments = {"cello", "flute", "drum", "piano"};
    Color[] colours = {Color.RED, Color.GREEN, Color.BLUE, Color.YELLOW};
    List<EvaluationClip> solos = new ArrayList<>();
    for (int v = 0; v < instruments.length; v++) {
      float[] audio = sound.apply(v);
      solos.add(
          clip(
              "solo-" + v,
              List.of(instruments[v]),
              audio,
              colours[v],
              List.of(truth(instruments[v], audio, LEFT))));
    }
    return solos;
  }

  private static float[] tone(double hz) {
    float[] tone = new float[LENGTH];
    for (int i = 0; i < LENGTH; i++)
      tone[i] = (float) (0.4 * Math.sin(2 * Math.PI * hz * i / RATE));
    return tone;
  }

  private static TruthSource truth(String instrument, float[] audio, Box box) {
    return new TruthSource(instrument, audio, new double[] {0, 0.5}, new Box[] {box, box});
  }

  private static EvaluationClip clip(
      String video, List<String> instruments, float[] audio, Color colour, List<TruthSource> truth)
      throws Exception {
    double[] times = new double[6];
    List<byte[]> frames = new ArrayList<>();
    for (int k = 0; k < times.length; k++) {
      times[k] = (k + 0.5) / 8;
      frames.add(TestModels.jpeg(colour));
    }
    return new EvaluationClip(
        new StoredClip(video, instruments, RATE, audio, LENGTH, 0, times, frames), truth);
  }
}
