package io.pixelplayer.model;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/**
 * Runs in a fresh JVM (see {@link DjlOfflineTest}): starts the engine, runs an NDArray op and one
 * training step of a tiny block, and prints what it saw, one {@code key=value} a line.
 */
final class DjlOfflineProbe {
  private DjlOfflineProbe() {}

  public static void main(String[] args) {
    Engine engine = Engine.getInstance();
    System.out.println("engine=" + engine.getEngineName() + " " + engine.getVersion());
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray a = manager.arange(6f).reshape(2, 3);
      System.out.println("matmul=" + a.matMul(a.transpose()).sum().getFloat());

      SequentialBlock net =
          new SequentialBlock()
              .add(Linear.builder().setUnits(8).build())
              .add(Activation.reluBlock())
              .add(Linear.builder().setUnits(1).build());
      try (Model model = Model.newInstance("probe")) {
        model.setBlock(net);
        DefaultTrainingConfig config =
            new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.05f)).build());
        try (Trainer trainer = model.newTrainer(config)) {
          trainer.initialize(new Shape(4, 3));
          NDArray x = manager.randomUniform(-1, 1, new Shape(4, 3));
          NDArray y = x.sum(new int[] {1}, true);
          float before = step(trainer, x, y);
          float after =
              trainer.getLoss().evaluate(new NDList(y), trainer.forward(new NDList(x))).getFloat();
          System.out.println("loss_before=" + before);
          System.out.println("loss_after=" + after);
        }
      }
    }
  }

  private static float step(Trainer trainer, NDArray x, NDArray y) {
    try (GradientCollector collector = trainer.newGradientCollector()) {
      NDArray loss = trainer.getLoss().evaluate(new NDList(y), trainer.forward(new NDList(x)));
      collector.backward(loss);
      trainer.step();
      return loss.getFloat();
    }
  }
}
