package io.pixelplayer.model.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.nio.DoubleBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PixelPlayerNetTest {
  /** Every part present, at the narrowest widths allowed and tiny inputs. */
  private static final ModelConfig TINY =
      ModelConfig.builder()
          .channels(16)
          .frameSize(32)
          .videoWidth(16)
          .videoStages(List.of(1, 1, 1, 1))
          .videoStride(16)
          .unetDepth(3)
          .unetChannels(16)
          .spectrogram(16, 16)
          .framesPerClip(2)
          .classes(3)
          .build();

  @Test
  void outputsFollowTheDocumentedLayout() {
    try (NDManager manager = NDManager.newBaseManager()) {
      PixelPlayerNet net = PixelPlayerNet.of(TINY);
      Shape[] shapes = net.inputShapes(2, 2);
      net.initialize(manager, DataType.FLOAT32, shapes);

      PixelPlayerNet.Outputs out =
          new PixelPlayerNet.Outputs(
              net.forward(
                  new ParameterStore(manager, false), randomInputs(manager, shapes), false));

      assertThat(out.videos()).isEqualTo(2);
      assertThat(out.spectralFeatures().getShape()).isEqualTo(new Shape(2, 16, 16, 16));
      for (int n = 0; n < 2; n++) {
        assertThat(out.maskLogits(n).getShape()).isEqualTo(new Shape(2, 1, 16, 16));
        assertThat(out.classLogits(n).getShape()).isEqualTo(new Shape(2, 3));
        assertThat(out.pixelFeatures(n).getShape()).isEqualTo(new Shape(2, 16, 2, 2));
        assertThat(out.classMap(n).getShape()).isEqualTo(new Shape(2, 3, 2, 2));
      }
      assertThat(net.getOutputShapes(shapes)).containsExactly(out.arrays().getShapes());
      assertThatThrownBy(() -> out.maskLogits(2)).hasMessage("video 2 of 2");
    }
  }

  @Test
  void oneVideoServesInferenceWithTheSameWeights() {
    try (NDManager manager = NDManager.newBaseManager()) {
      PixelPlayerNet net = PixelPlayerNet.of(TINY);
      net.initialize(manager, DataType.FLOAT32, net.inputShapes(2, 2));
      ParameterStore store = new ParameterStore(manager, false);

      NDArray mixture = manager.randomNormal(new Shape(1, 1, 16, 16));
      NDArray frames = manager.randomNormal(new Shape(1, 2, 3, 32, 32));
      PixelPlayerNet.Outputs out =
          new PixelPlayerNet.Outputs(
              net.forward(store, PixelPlayerNet.inputs(mixture, List.of(frames)), false));
      NDArray pixelMasks =
          net.synthesizer()
              .forward(store, new NDList(out.pixelFeatures(0), out.spectralFeatures()), false)
              .singletonOrThrow();

      assertThat(out.videos()).isEqualTo(1);
      assertThat(out.maskLogits(0).getShape()).isEqualTo(new Shape(1, 1, 16, 16));
      assertThat(pixelMasks.getShape()).isEqualTo(new Shape(1, 2, 2, 16, 16));
      // In inference the videos do not interact: the same video gives the same outputs second of
      // two or alone.
      NDArray other = manager.randomNormal(new Shape(1, 2, 3, 32, 32));
      PixelPlayerNet.Outputs pair =
          new PixelPlayerNet.Outputs(
              net.forward(store, PixelPlayerNet.inputs(mixture, List.of(other, frames)), false));
      assertThat(pair.maskLogits(1).toFloatArray())
          .containsExactly(out.maskLogits(0).toFloatArray(), within(1e-5f));
      assertThat(pair.classMap(1).toFloatArray())
          .containsExactly(out.classMap(0).toFloatArray(), within(1e-5f));
    }
  }

  @Test
  void aWidenedNetworkComputesWhatTheNarrowerOneDid() {
    // U-Net widths 16, 32, 64 widened to 32, 64, 64: two levels wider, the innermost as it was.
    ModelConfig wide = TINY.toBuilder().unetChannels(32).unetMaxChannels(64).build();
    try (NDManager manager = NDManager.newBaseManager()) {
      PixelPlayerNet narrow = PixelPlayerNet.of(TINY);
      Shape[] shapes = narrow.inputShapes(2, 2);
      narrow.initialize(manager, DataType.FLOAT32, shapes);
      ParameterStore store = new ParameterStore(manager, false);
      // Batch statistics of their own in the norms, as trained ones have.
      for (int i = 0; i < 3; i++) {
        narrow.forward(store, randomInputs(manager, shapes), true);
      }
      PixelPlayerNet widened = PixelPlayerNet.of(wide);
      widened.initialize(manager, DataType.FLOAT32, shapes);
      widened.widenFrom(narrow);

      assertThat(
              widened.audio().getParameters().get("02down0_01Conv2d_weight").getArray().getShape())
          .isEqualTo(new Shape(32, 1, 4, 4));
      NDList inputs = randomInputs(manager, shapes);
      for (boolean training : new boolean[] {false, true}) {
        NDList expected = narrow.forward(store, inputs, training);
        NDList actual = widened.forward(store, inputs, training);
        for (int i = 0; i < expected.size(); i++) {
          assertThat(actual.get(i).toFloatArray())
              .containsExactly(expected.get(i).toFloatArray(), within(1e-4f));
        }
      }
      assertThatThrownBy(() -> narrow.widenFrom(widened)).hasMessageStartingWith("cannot widen {");
    }
  }

  @Test
  void rejectsVideosOfDifferentShapes() {
    PixelPlayerNet net = PixelPlayerNet.of(TINY);
    Shape mixture = new Shape(2, 1, 16, 16);
    assertThatThrownBy(
            () ->
                net.getOutputShapes(
                    new Shape[] {mixture, new Shape(2, 2, 3, 32, 32), new Shape(2, 3, 3, 32, 32)}))
        .hasMessage(
            "PixelPlayer expects the frames of every video as [2, T, 3, H, W], all alike; video 2 has (2, 3, 3, 32, 32), video 1 (2, 2, 3, 32, 32)");
    assertThatThrownBy(() -> net.getOutputShapes(new Shape[] {mixture}))
        .hasMessage("PixelPlayer expects (mixture, frames of at least one video), got 1 arrays");
  }

  @Test
  void adamStepsReduceTheLossOnAFixedBatch() {
    Engine.getInstance().setRandomSeed(7);
    PixelPlayerNet net = PixelPlayerNet.of(TINY);
    Loss bce = Loss.sigmoidBinaryCrossEntropyLoss();
    DefaultTrainingConfig training =
        new DefaultTrainingConfig(bce)
            .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.01f)).build());
    try (Model model = Model.newInstance("pixelplayer");
        NDManager manager = NDManager.newBaseManager()) {
      model.setBlock(net);
      try (Trainer trainer = model.newTrainer(training)) {
        Shape[] shapes = net.inputShapes(2, 2);
        trainer.initialize(shapes);
        NDList inputs = randomInputs(manager, shapes);
        // Mix-and-Separate targets: video 1 owns the points video 0 does not; each video shows one
        // instrument.
        NDArray mask =
            manager
                .randomUniform(0, 1, new Shape(2, 1, 16, 16))
                .gt(0.5)
                .toType(DataType.FLOAT32, false);
        List<NDArray> masks = List.of(mask, mask.neg().add(1));
        List<NDArray> classes =
            List.of(
                manager.create(new float[] {1, 0, 0, 0, 1, 0}, new Shape(2, 3)),
                manager.create(new float[] {0, 0, 1, 1, 0, 0}, new Shape(2, 3)));

        List<Float> losses = new ArrayList<>();
        for (int step = 0; step < 10; step++) {
          try (GradientCollector collector = trainer.newGradientCollector()) {
            PixelPlayerNet.Outputs out = new PixelPlayerNet.Outputs(trainer.forward(inputs));
            NDArray loss = manager.zeros(new Shape());
            for (int n = 0; n < 2; n++) {
              loss =
                  loss.add(bce.evaluate(new NDList(masks.get(n)), new NDList(out.maskLogits(n))))
                      .add(
                          bce.evaluate(new NDList(classes.get(n)), new NDList(out.classLogits(n))));
            }
            collector.backward(loss);
            losses.add(loss.getFloat());
          }
          trainer.step();
        }

        assertThat(losses.get(9)).as("losses %s", losses).isLessThan(losses.get(0) * 0.9f);
      }
    }
  }

  /**
   * Float32 gradients against float64 ones (which take PyTorch's reference kernels, not oneDNN's):
   * catches the engine computing wrong gradients, as oneDNN does for channel counts that are not
   * multiples of 16.
   */
  @Test
  void float32GradientsMatchFloat64() {
    Engine.getInstance().setRandomSeed(11);
    try (NDManager manager = NDManager.newBaseManager()) {
      PixelPlayerNet single = PixelPlayerNet.of(TINY);
      PixelPlayerNet reference = PixelPlayerNet.of(TINY);
      Shape[] shapes = single.inputShapes(2, 2);
      single.initialize(manager, DataType.FLOAT32, shapes);
      reference.initialize(manager, DataType.FLOAT64, shapes);
      Iterator<Parameter> references = reference.getParameters().values().iterator();
      for (Parameter parameter : single.getParameters().values()) {
        references
            .next()
            .getArray()
            .set(
                DoubleBuffer.wrap(
                    parameter.getArray().toType(DataType.FLOAT64, true).toDoubleArray()));
      }
      NDList inputs = randomInputs(manager, shapes);
      // A random linear function of every output, so that every parameter gets a gradient.
      NDList directions = randomInputs(manager, single.getOutputShapes(shapes));

      List<NDArray> expected = gradients(reference, manager, inputs, directions, DataType.FLOAT64);
      List<NDArray> actual = gradients(single, manager, inputs, directions, DataType.FLOAT32);

      for (int i = 0; i < expected.size(); i++) {
        NDArray want = expected.get(i);
        double error =
            actual.get(i).toType(DataType.FLOAT64, false).sub(want).abs().max().getDouble();
        assertThat(error)
            .as("gradient %d of %d", i, expected.size())
            .isLessThanOrEqualTo(1e-3 * want.abs().max().getDouble() + 1e-9);
      }
    }
  }

  @Test
  void savedModelReloadsToIdenticalOutputs(@TempDir Path dir) throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      Shape[] shapes = PixelPlayerNet.of(TINY).inputShapes(1, 1);
      NDList inputs = randomInputs(manager, shapes);
      List<float[]> expected = new ArrayList<>();
      try (Model model = Model.newInstance("pixelplayer")) {
        PixelPlayerNet net = PixelPlayerNet.of(TINY);
        model.setBlock(net);
        net.initialize(model.getNDManager(), DataType.FLOAT32, shapes);
        ParameterStore store = new ParameterStore(model.getNDManager(), false);
        // A training-mode pass moves the batch norms' running statistics off their defaults.
        net.forward(store, inputs, true);
        net.forward(store, inputs, false).forEach(a -> expected.add(a.toFloatArray()));
        model.save(dir, "pixelplayer");
      }

      try (Model model = Model.newInstance("pixelplayer")) {
        PixelPlayerNet net = PixelPlayerNet.of(TINY);
        model.setBlock(net);
        model.load(dir, "pixelplayer");
        NDList actual = net.forward(new ParameterStore(model.getNDManager(), false), inputs, false);

        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
          assertThat(actual.get(i).toFloatArray())
              .as("output %d", i)
              .containsExactly(expected.get(i));
        }
      }
    }
  }

  private static List<NDArray> gradients(
      PixelPlayerNet net, NDManager manager, NDList inputs, NDList directions, DataType type) {
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDList outputs = net.forward(new ParameterStore(manager, false), cast(inputs, type), true);
      NDArray objective = manager.zeros(new Shape(), type);
      for (int i = 0; i < outputs.size(); i++) {
        objective = objective.add(outputs.get(i).mul(directions.get(i).toType(type, false)).sum());
      }
      collector.backward(objective);
    }
    return net.getParameters().values().stream()
        .filter(Parameter::requiresGradient)
        .map(p -> p.getArray().getGradient())
        .toList();
  }

  private static NDList cast(NDList arrays, DataType type) {
    NDList cast = new NDList();
    arrays.forEach(a -> cast.add(a.toType(type, false)));
    return cast;
  }

  private static NDList randomInputs(NDManager manager, Shape[] shapes) {
    NDList inputs = new NDList();
    for (Shape shape : shapes) {
      inputs.add(manager.randomNormal(shape));
    }
    return inputs;
  }
}
