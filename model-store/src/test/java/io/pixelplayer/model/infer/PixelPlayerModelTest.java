package io.pixelplayer.model.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import io.pixelplayer.model.net.InstrumentHead;
import io.pixelplayer.model.net.ModelConfig;
import io.pixelplayer.model.net.PixelPlayerNet;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A randomly initialised tiny model saved as training saves it, loaded through Criteria, checked
 * against the bare network.
 */
class PixelPlayerModelTest {
  private static final ModelConfig TINY = TestModels.TINY;

  @Test
  void analysesAClipAsTheTrainedNetworkSeesIt(@TempDir Path dir) throws Exception {
    TestModels.saveRandom(TINY, dir);
    ClipInput input = input(new Random(3), Color.RED, Color.BLUE);
    try (PixelPlayerModel model = PixelPlayerModel.load(dir, Device.cpu());
        Predictor<ClipInput, ClipAnalysis> predictor = model.newPredictor();
        NDManager manager = NDManager.newBaseManager()) {
      assertThat(model.version()).matches("pixelplayer-[0-9a-f]{12}");
      ClipAnalysis analysis = predictor.predict(input);

      // The same inputs, each video in its four orientations, through the bare network loaded from
      // the same file.
      PixelPlayerNet net = PixelPlayerNet.of(TINY);
      try (Model bare = Model.newInstance("bare")) {
        bare.setBlock(net);
        bare.load(dir, PixelPlayerModel.NAME);
        NDList arrays = model.translator().arrays(manager, input);
        NDList batched = new NDList(arrays.stream().map(a -> a.expandDims(0)).toList());
        NDList views = new NDList(batched.get(0));
        for (int n = 1; n <= 2; n++) {
          NDArray frames = batched.get(n);
          views.addAll(List.of(frames, frames.flip(4), frames.flip(3), frames.flip(3, 4)));
        }
        PixelPlayerNet.Outputs out =
            new PixelPlayerNet.Outputs(
                net.forward(new ParameterStore(manager, false), views, false));

        assertThat(analysis.logBins()).isEqualTo(16);
        assertThat(analysis.frames()).isEqualTo(16);
        assertThat(analysis.height()).isEqualTo(4);
        assertThat(analysis.width()).isEqualTo(4);
        for (int n = 0; n < 2; n++) {
          ClipAnalysis.Video video = analysis.video(n);
          int v = 4 * n;
          // What it hears and names: the mean of the upright views (as it is and mirrored, mirrored
          // back).
          NDArray uprightPixels = out.pixelFeatures(v).add(out.pixelFeatures(v + 1).flip(3)).div(2);
          NDArray uprightClassMap = out.classMap(v).add(out.classMap(v + 1).flip(3)).div(2);
          NDArray meanMask =
              Activation.sigmoid(out.maskLogits(v))
                  .add(Activation.sigmoid(out.maskLogits(v + 1)))
                  .div(2);
          // Where: the mean of all four, each turned back.
          NDArray pixels =
              uprightPixels
                  .mul(2)
                  .add(out.pixelFeatures(v + 2).flip(2))
                  .add(out.pixelFeatures(v + 3).flip(2, 3))
                  .div(4);
          NDArray classMap =
              uprightClassMap
                  .mul(2)
                  .add(out.classMap(v + 2).flip(2))
                  .add(out.classMap(v + 3).flip(2, 3))
                  .div(4);
          assertThat(video.mask()).containsExactly(meanMask.toFloatArray(), within(1e-5f));
          assertThat(video.classes())
              .containsExactly(
                  InstrumentHead.poolPixels(uprightClassMap).softmax(1).toFloatArray(),
                  within(1e-5f));
          assertThat(video.pixelClasses())
              .containsExactly(classMap.softmax(1).toFloatArray(), within(1e-5f));
          assertThat(sum(video.classes())).isCloseTo(1f, within(1e-5f));
          assertThat(video.pixelClasses()).hasSize(3 * 16);

          // Pixel energy: each pixel's own mask applied to the mixture, squared and summed.
          NDArray power = batched.get(0).mul(2).exp().reshape(-1);
          NDArray pixelMasks =
              Activation.sigmoid(
                      net.synthesizer()
                          .forward(
                              new ParameterStore(manager, false),
                              new NDList(pixels, out.spectralFeatures()),
                              false)
                          .singletonOrThrow())
                  .reshape(16, -1);
          float[] expected = pixelMasks.square().mul(power).sum(new int[] {1}).toFloatArray();
          assertThat(video.pixelEnergy()).containsExactly(expected, within(1e-3f * max(expected)));

          // A class's mask is the mask of the upright features at the pixel that class scores
          // highest there.
          for (int c = 0; c < 3; c++) {
            int best =
                ClipAnalysis.argMax(uprightClassMap.get(0).get(c).reshape(-1).toFloatArray());
            NDArray features = uprightPixels.get(0).reshape(16, -1).get(":, " + best).expandDims(0);
            NDArray mask =
                Activation.sigmoid(
                    net.synthesizer()
                        .forward(
                            new ParameterStore(manager, false),
                            new NDList(features, out.spectralFeatures()),
                            false)
                        .singletonOrThrow());
            assertThat(analysis.classMask(n, c))
                .containsExactly(mask.toFloatArray(), within(1e-5f));
          }
        }
      }

      // A batch gives what single clips give (inference uses the running statistics of batch norm).
      ClipInput other = input(new Random(4), Color.GREEN, Color.YELLOW);
      List<ClipAnalysis> both = predictor.batchPredict(List.of(input, other));
      assertThat(both.get(0).video(1).mask())
          .containsExactly(analysis.video(1).mask(), within(1e-5f));
      assertThat(both.get(1).video(0).classes())
          .containsExactly(predictor.predict(other).video(0).classes(), within(1e-5f));
    }
  }

  @Test
  void mirroredFramesGiveMirroredMapsAndTheSameSounds(@TempDir Path dir) throws Exception {
    ClipAnalysis.Video[] views = asIsAndTurned(dir, new Random(5), true, false);
    assertThat(views[1].mask()).containsExactly(views[0].mask(), within(1e-3f));
    assertThat(views[1].classes()).containsExactly(views[0].classes(), within(1e-3f));
  }

  @Test
  void upsideDownFramesGiveUpsideDownMaps(@TempDir Path dir) throws Exception {
    asIsAndTurned(dir, new Random(6), false, true);
  }

  /**
   * A random tiny model's analyses of one video as it is and turned; checks that the turned one's
   * maps are the first one's turned, and that this is not trivially so (the picture itself is not
   * symmetric that way).
   */
  private static ClipAnalysis.Video[] asIsAndTurned(
      Path dir, Random rng, boolean mirrored, boolean upsideDown) throws Exception {
    TestModels.saveRandom(TINY, dir);
    float[] mixture = input(rng, Color.RED, Color.BLUE).mixture();
    try (PixelPlayerModel model = PixelPlayerModel.load(dir, Device.cpu());
        Predictor<ClipInput, ClipAnalysis> predictor = model.newPredictor()) {
      ClipAnalysis.Video a = predictor.predict(clip(mixture, false, false)).video(0);
      ClipAnalysis.Video b = predictor.predict(clip(mixture, mirrored, upsideDown)).video(0);
      float[] energy = a.pixelEnergy();
      float[] turnedEnergy = turn(energy, 1, mirrored, upsideDown);
      assertThat(b.pixelEnergy()).containsExactly(turnedEnergy, within(1e-3f * max(energy)));
      assertThat(b.pixelClasses())
          .containsExactly(turn(a.pixelClasses(), 3, mirrored, upsideDown), within(1e-3f));
      assertThat(largestDifference(energy, turnedEnergy)).isGreaterThan(1e-2 * max(energy));
      return new ClipAnalysis.Video[] {a, b};
    }
  }

  /**
   * One video of lossless frames (so that a turned picture's pixels are exactly the picture's
   * turned) over {@code mixture}.
   */
  private static ClipInput clip(float[] mixture, boolean mirrored, boolean upsideDown)
      throws Exception {
    return new ClipInput(
        mixture,
        List.of(
            List.of(png(Color.RED, mirrored, upsideDown), png(Color.BLUE, mirrored, upsideDown))));
  }

  private static byte[] png(Color colour, boolean mirrored, boolean upsideDown) throws Exception {
    return TestModels.encode(TestModels.picture(colour, mirrored, upsideDown), "png");
  }

  /**
   * {@code maps} planes of {@code height x width} = 4 x 4, each mirrored left to right and/or
   * turned upside down.
   */
  private static float[] turn(float[] values, int maps, boolean mirrored, boolean upsideDown) {
    int side = 4;
    float[] turned = new float[values.length];
    for (int m = 0; m < maps; m++) {
      for (int y = 0; y < side; y++) {
        for (int x = 0; x < side; x++) {
          int from =
              (m * side + (upsideDown ? side - 1 - y : y)) * side + (mirrored ? side - 1 - x : x);
          turned[(m * side + y) * side + x] = values[from];
        }
      }
    }
    return turned;
  }

  private static double largestDifference(float[] a, float[] b) {
    return IntStream.range(0, a.length).mapToDouble(i -> Math.abs(a[i] - b[i])).max().orElseThrow();
  }

  @Test
  void aFolderWithoutAModelIsRefusedInOneLine(@TempDir Path dir) {
    assertThatThrownBy(() -> PixelPlayerModel.load(dir, Device.cpu()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "no trained model in "
                + dir
                + " (needs model-config.json and pixelplayer-0000.params)");
  }

  @Test
  void theVersionFollowsTheWeights(@TempDir Path dir) throws Exception {
    TestModels.saveRandom(TINY, dir.resolve("a"));
    TestModels.saveRandom(TINY, dir.resolve("b"));
    String a = PixelPlayerModel.version(dir.resolve("a").resolve(PixelPlayerModel.PARAMS));
    assertThat(PixelPlayerModel.version(dir.resolve("a").resolve(PixelPlayerModel.PARAMS)))
        .isEqualTo(a);
    assertThat(PixelPlayerModel.version(dir.resolve("b").resolve(PixelPlayerModel.PARAMS)))
        .isNotEqualTo(a);
  }

  private static ClipInput input(Random rng, Color first, Color second) throws Exception {
    float[] mixture = new float[TINY.cropSamples()];
    for (int i = 0; i < mixture.length; i++)
      mixture[i] = (float) (0.3 * Math.sin(i * 0.05) + 0.05 * rng.nextGaussian());
    return new ClipInput(
        mixture,
        List.of(
            List.of(TestModels.jpeg(first), TestModels.jpeg(first)),
            List.of(TestModels.jpeg(second), TestModels.jpeg(first))));
  }

  private static float sum(float[] values) {
    float total = 0;
    for (float v : values) total += v;
    return total;
  }

  private static float max(float[] values) {
    float best = 0;
    for (float v : values) best = Math.max(best, v);
    return best;
  }
}
