package io.pixelplayer.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.pixelplayer.model.Instruments;
import io.pixelplayer.model.infer.ClipAnalysis;
import io.pixelplayer.model.infer.ClipInput;
import io.pixelplayer.model.infer.ModelManifest;
import io.pixelplayer.model.infer.PixelPlayerModel;
import io.pixelplayer.model.infer.StoredClip;
import io.pixelplayer.model.net.ModelConfig;
import io.pixelplayer.model.net.PixelPlayerNet;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny model trained for a few steps on tones and coloured frames: it learns, checkpoints and
 * resumes exactly.
 */
class MixAndSeparateTrainingTest {
  private static final ModelConfig TINY =
      ModelConfig.builder()
          .channels(16)
          .frameSize(32)
          .videoWidth(16)
          .unetDepth(3)
          .unetChannels(16)
          .spectrogram(32, 32)
          .framesPerClip(2)
          .build();
  private static final int MOSAIC_STEPS = 40;
  private static final MixAndSeparate.Settings BATCHES =
      new MixAndSeparate.Settings(2, 31 * 256, 32, 2, 32, 3, false, false, 0, 0, 0);

  private static MixAndSeparate batches() throws Exception {
    return new MixAndSeparate(BATCHES, pool(), Instruments::index);
  }

  /** Four solo videos: a tone and a colour per instrument. */
  private static List<StoredClip> pool() throws Exception {
    return pool(0.3);
  }

  /** Four solo videos: a tone of amplitude {@code level} and a colour per instrument. */
  private static List<StoredClip> pool(double level) throws Exception {
    List<StoredClip> pool = new ArrayList<>();
    String[] instruments = {"cello", "flute", "drum", "piano"};
    Color[] colours = {Color.RED, Color.GREEN, Color.BLUE, Color.YELLOW};
    for (int v = 0; v < instruments.length; v++) {
      float[] audio = new float[16000];
      for (int i = 0; i < audio.length; i++) {
        audio[i] = (float) (level * Math.sin(2 * Math.PI * (220 * (v + 1)) * i / 11025.0));
      }
      List<byte[]> frames = List.of(jpeg(colours[v]), jpeg(colours[v]), jpeg(colours[v]));
      pool.add(
          new StoredClip(
              "video" + v,
              List.of(instruments[v]),
              11025,
              audio,
              audio.length,
              0,
              new double[] {0, 0.5, 1.0},
              frames));
    }
    return pool;
  }

  /** A curve line without its wall-clock column. */
  private static String withoutTime(String line) {
    return line.substring(0, line.lastIndexOf(','));
  }

  /** Every parameter of the model saved in {@code dir}, in order. */
  private static List<List<Float>> weights(Path dir) throws Exception {
    PixelPlayerNet net = PixelPlayerNet.of(TINY);
    try (Model model = Model.newInstance("check")) {
      model.setBlock(net);
      model.load(dir, "pixelplayer");
      List<List<Float>> weights = new ArrayList<>();
      for (Parameter parameter : net.getParameters().values()) {
        float[] values = parameter.getArray().toFloatArray();
        List<Float> boxed = new ArrayList<>(values.length);
        for (float v : values) {
          boxed.add(v);
        }
        weights.add(boxed);
      }
      return weights;
    }
  }

  private static byte[] jpeg(Color colour) throws Exception {
    BufferedImage image = new BufferedImage(48, 48, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, 48, 48);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", out);
    return out.toByteArray();
  }

  private static MixAndSeparateTraining.Settings steps(int steps) {
    return new MixAndSeparateTraining.Settings(steps, 4, 3e-3f, 2, 5f, 0.5f, 1f, 7, 0);
  }

  @Test
  void aSourceThatShowsNoInstrumentIsChargedForAnyClassItFavours() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray logits =
          manager.create(new float[] {0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0}, new Shape(3, 4));
      NDArray none =
          manager.create(
              new int[] {
                TrainingBatch.NO_INSTRUMENT, TrainingBatch.NO_INSTRUMENT, TrainingBatch.NO_TAG
              });
      float[] perRow = new float[3];
      for (int r = 0; r < 3; r++) {
        perRow[r] =
            MixAndSeparateTraining.taggedCrossEntropy(
                    logits.get(r + ":" + (r + 1)), none.get(r + ":" + (r + 1)))
                .getFloat();
      }
      // Uniform logits cost log C, the least there is; a favoured class costs more; an untagged row
      // nothing.
      assertThat(perRow[0]).isCloseTo((float) Math.log(4), offset(1e-5f));
      assertThat(perRow[1]).isGreaterThan(perRow[0] + 1);
      assertThat(perRow[2]).isZero();
      NDArray tagged =
          manager.create(new int[] {2, TrainingBatch.NO_INSTRUMENT, TrainingBatch.NO_TAG});
      assertThat(MixAndSeparateTraining.taggedCrossEntropy(logits, tagged).getFloat())
          .isCloseTo((float) (Math.log(4) + perRow[1]), offset(1e-4f));
    }
  }

  @Test
  void stepsWhoseLossIsNotFiniteAreSkippedAndARunOfThemStopsTraining(@TempDir Path dir)
      throws Exception {
    MixAndSeparate poisoned = new MixAndSeparate(BATCHES, pool(Double.NaN), Instruments::index);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    assertThatThrownBy(
            () ->
                MixAndSeparateTraining.Run.of(TINY, poisoned, steps(20), dir)
                    .reportingTo(new PrintStream(log, true, StandardCharsets.UTF_8))
                    .train())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "training diverged: loss or gradients not finite for 10 steps in a row, up to step 10;"
                + " resume from the last checkpoint with a lower learning rate");
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("train: step 1 skipped: loss or gradients not finite");
    // No checkpoint holds the weights of a skipped step.
    assertThat(dir.resolve("checkpoint").resolve("state.properties")).doesNotExist();
  }

  @Test
  void lossFallsAndACheckpointedRunResumesExactly(@TempDir Path dir) throws Exception {
    MixAndSeparate batches = batches();
    Path straight = dir.resolve("straight");
    MixAndSeparateTraining.Result all =
        MixAndSeparateTraining.Run.of(TINY, batches, steps(8), straight).stoppingAfter(8).train();
    List<String> curve = Files.readAllLines(straight.resolve(ModelManifest.TRAINING_CURVE));
    assertThat(curve).hasSize(1 + 8);
    float firstLoss = Float.parseFloat(curve.get(1).split(",")[1]);
    assertThat(all.lastLoss()).isFinite().isLessThan(firstLoss);

    Path interrupted = dir.resolve("interrupted");
    MixAndSeparateTraining.Run.of(TINY, batches, steps(8), interrupted).stoppingAfter(5).train();
    MixAndSeparateTraining.Result resumed =
        MixAndSeparateTraining.Run.of(TINY, batches, steps(8), interrupted)
            .resuming(true)
            .stoppingAfter(8)
            .train();
    assertThat(resumed.firstStep()).isEqualTo(5);
    assertThat(ModelConfig.fromJson(Files.readString(interrupted.resolve(PixelPlayerModel.CONFIG))))
        .isEqualTo(TINY);
    List<String> resumedCurve =
        Files.readAllLines(interrupted.resolve(ModelManifest.TRAINING_CURVE));
    assertThat(resumedCurve).hasSize(1 + 8);
    // The resumed run retraces the uninterrupted one step for step, to the last bit of every
    // weight.
    assertThat(resumedCurve.stream().map(MixAndSeparateTrainingTest::withoutTime).toList())
        .isEqualTo(curve.stream().map(MixAndSeparateTrainingTest::withoutTime).toList());
    assertThat(resumed.lastLoss()).isEqualTo(all.lastLoss());
    assertThat(weights(interrupted)).containsExactlyElementsOf(weights(straight));
    // Each save replaces the one weights file (DJL would number every save as a new epoch).
    for (Path folder : List.of(interrupted, interrupted.resolve("checkpoint"))) {
      try (var files = Files.list(folder)) {
        assertThat(
                files
                    .map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".params"))
                    .toList())
            .containsExactly("pixelplayer-0000.params");
      }
    }
  }

  @Test
  void duetsTrainTheHeadAndAWarmStartBeginsFromTheGivenWeights(@TempDir Path dir) throws Exception {
    MixAndSeparate solosOnly = batches();
    Path first = dir.resolve("first");
    MixAndSeparateTraining.Run.of(TINY, solosOnly, steps(6), first).stoppingAfter(6).train();
    float coldStart =
        Float.parseFloat(
            Files.readAllLines(first.resolve(ModelManifest.TRAINING_CURVE)).get(1).split(",")[1]);

    // Two-colour duets (cello red on the left, flute green on the right) next to the solos.
    BufferedImage image = new BufferedImage(48, 48, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, 24, 48);
    g.setColor(Color.GREEN);
    g.fillRect(24, 0, 24, 48);
    g.dispose();
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", jpeg);
    byte[] frame = jpeg.toByteArray();
    StoredClip duet =
        new StoredClip(
            "duet",
            List.of("cello", "flute"),
            11025,
            new float[16000],
            16000,
            0,
            new double[] {0, 0.5, 1.0},
            List.of(frame, frame, frame));
    MixAndSeparate withDuets =
        new MixAndSeparate(BATCHES, pool(), List.of(duet), 2, 0, Instruments::index);
    Path warm = dir.resolve("warm");
    MixAndSeparateTraining.Result result =
        MixAndSeparateTraining.Run.of(TINY, withDuets, steps(2), warm)
            .startingFrom(first)
            .stoppingAfter(2)
            .train();
    assertThat(result.lastLoss()).isFinite();
    // The curve goes on from the earlier one: every step that led to these weights.
    List<String> warmCurve = Files.readAllLines(warm.resolve(ModelManifest.TRAINING_CURVE));
    assertThat(warmCurve)
        .hasSize(1 + 6 + 2)
        .startsWith(
            Files.readAllLines(first.resolve(ModelManifest.TRAINING_CURVE)).toArray(String[]::new));
    float warmStart = Float.parseFloat(warmCurve.get(1 + 6).split(",")[1]);
    // Starting from trained weights, the first step's loss is already below a cold start's.
    assertThat(warmStart).isLessThan(coldStart);
    // A wider U-Net takes them widened: it starts out computing the same, so its first loss is the
    // same.
    ModelConfig wide = TINY.toBuilder().unetChannels(32).build();
    Path widened = dir.resolve("widened");
    MixAndSeparateTraining.Run.of(wide, withDuets, steps(2), widened)
        .startingFrom(first)
        .stoppingAfter(1)
        .train();
    List<String> widenedCurve = Files.readAllLines(widened.resolve(ModelManifest.TRAINING_CURVE));
    assertThat(Float.parseFloat(widenedCurve.get(1 + 6).split(",")[1]))
        .isCloseTo(warmStart, within(1e-4f));
    assertThat(ModelConfig.fromJson(Files.readString(widened.resolve(PixelPlayerModel.CONFIG))))
        .isEqualTo(wide);
    // Another output stride takes the same weights (dilation instead of stride); other networks do
    // not.
    ModelConfig dilated = TINY.toBuilder().videoStride(8).build();
    assertThat(
            MixAndSeparateTraining.Run.of(dilated, solosOnly, steps(1), dir.resolve("dilated"))
                .startingFrom(first)
                .stoppingAfter(1)
                .train()
                .lastLoss())
        .isFinite();
    assertThatThrownBy(
            () ->
                MixAndSeparateTraining.Run.of(
                        TINY.toBuilder().channels(32).build(),
                        solosOnly,
                        steps(1),
                        dir.resolve("wider"))
                    .startingFrom(first)
                    .stoppingAfter(1)
                    .train())
        .hasMessage("cannot start from " + first + ": other networks than the settings");
    assertThatThrownBy(
            () ->
                MixAndSeparateTraining.Run.of(TINY, solosOnly, steps(1), dir.resolve("none"))
                    .startingFrom(dir.resolve("missing"))
                    .stoppingAfter(1)
                    .train())
        .hasMessage(
            "no trained model to start from in "
                + dir.resolve("missing")
                + " (no model-config.json)");
  }

  @Test
  void mosaicsTeachTheHeadTheirQuadrantsAndThePixelsTheirOwnSound(@TempDir Path dir)
      throws Exception {
    // The four tone-and-colour solos as mosaics, one a mixture: both losses fall.
    MixAndSeparate withMosaics =
        new MixAndSeparate(BATCHES, pool(), List.of(), 0, 4, Instruments::index);
    assertThat(withMosaics.next(4, new Random(1)).mosaics().count()).isEqualTo(4);
    Path out = dir.resolve("mosaics");
    MixAndSeparateTraining.Run.of(TINY, withMosaics, steps(MOSAIC_STEPS), out)
        .stoppingAfter(MOSAIC_STEPS)
        .train();
    List<String> curve = Files.readAllLines(out.resolve(ModelManifest.TRAINING_CURVE));
    assertThat(curve).hasSize(1 + MOSAIC_STEPS);
    for (int column : new int[] {2, 3}) {
      double[] loss =
          curve.subList(1, curve.size()).stream()
              .mapToDouble(line -> Double.parseDouble(line.split(",")[column]))
              .toArray();
      assertThat(Arrays.stream(loss).boxed().toList())
          .allSatisfy(value -> assertThat(value).isFinite().isPositive());
      int n = loss.length;
      assertThat((loss[n - 3] + loss[n - 2] + loss[n - 1]) / 3)
          .as("column %d", column)
          .isLessThan((loss[0] + loss[1] + loss[2]) / 3);
    }

    // A mosaic of all four instruments over the cello's and the flute's tones: their pixels hold
    // more of its
    // energy than the silent drum's and piano's (one map cell a quadrant at this size).
    Color[] quadrants = {Color.RED, Color.BLUE, Color.YELLOW, Color.GREEN};
    BufferedImage image = new BufferedImage(48, 48, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    for (int q = 0; q < 4; q++) {
      g.setColor(quadrants[q]);
      g.fillRect(24 * (q % 2), 24 * (q / 2), 24, 24);
    }
    g.dispose();
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", jpeg);
    List<StoredClip> solos = pool();
    float[] mixture = new float[TINY.cropSamples()];
    for (int i = 0; i < mixture.length; i++)
      mixture[i] = (solos.get(0).audio()[i] + solos.get(1).audio()[i]) / 2;
    try (PixelPlayerModel model = PixelPlayerModel.load(out, Device.cpu());
        Predictor<ClipInput, ClipAnalysis> predictor = model.newPredictor()) {
      ClipAnalysis analysis =
          predictor.predict(
              new ClipInput(mixture, List.of(List.of(jpeg.toByteArray(), jpeg.toByteArray()))));
      float[] energy = analysis.video(0).pixelEnergy();
      int h = analysis.height();
      int w = analysis.width();
      double[] byQuadrant = new double[4];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) byQuadrant[(2 * y / h) * 2 + 2 * x / w] += energy[y * w + x];
      }
      // Cello top left and flute bottom right sound; drum top right and piano bottom left do not.
      assertThat(byQuadrant[0] + byQuadrant[3]).isGreaterThan(2 * (byQuadrant[1] + byQuadrant[2]));
    }
  }

  @Test
  void sceneRegionsTakeTheCellsWhollyInsideThem() {
    // An odd map leaves its middle cell to neither half; a one-row grid takes every row.
    assertThat(
            new long[] {
              MixAndSeparateTraining.firstCell(0, 2, 7), MixAndSeparateTraining.endCell(0, 2, 7)
            })
        .containsExactly(0, 3);
    assertThat(
            new long[] {
              MixAndSeparateTraining.firstCell(1, 2, 7), MixAndSeparateTraining.endCell(1, 2, 7)
            })
        .containsExactly(4, 7);
    assertThat(
            new long[] {
              MixAndSeparateTraining.firstCell(1, 2, 14), MixAndSeparateTraining.endCell(1, 2, 14)
            })
        .containsExactly(7, 14);
    assertThat(
            new long[] {
              MixAndSeparateTraining.firstCell(0, 1, 7), MixAndSeparateTraining.endCell(0, 1, 7)
            })
        .containsExactly(0, 7);
  }
}
