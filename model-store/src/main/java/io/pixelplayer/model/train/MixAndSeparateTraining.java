package io.pixelplayer.model.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import io.pixelplayer.model.infer.ModelManifest;
import io.pixelplayer.model.infer.PixelPlayerModel;
import io.pixelplayer.model.net.InstrumentHead;
import io.pixelplayer.model.net.ModelConfig;
import io.pixelplayer.model.net.PixelPlayerNet;
import io.pixelplayer.model.net.VideoNet;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Mix-and-Separate training (Zhao et al. 2018, section 3.2): mixtures of N solo clips, each video's
 * frames asked for its own binary mask on the log-frequency grid, loss = BCE weighted by
 * clamp(log1p(mixture), 1e-3, 10); plus the instrument head trained from the weak tags by
 * multiple-instance learning (max over pixels, cross-entropy); plus, when the batch has them, the
 * duets' and mosaics' losses ({@link #sceneLoss}: region classes, and for mosaics the pixel-level
 * separation, counted in the mask loss). Adam with warm-up and cosine decay, gradients clipped by
 * global norm, checkpoints every few minutes from which {@code resume} continues (weights,
 * optimizer moments, batch number and schedule restored).
 */
public final class MixAndSeparateTraining {
  static final String CHECKPOINT = "checkpoint";

  /** The networks' shape, beside the weights: what a loader needs to rebuild the block. */

  /**
   * @param steps optimisation steps in all (a resumed run goes on to this number)
   * @param batchSize mixtures per step
   * @param learningRate peak learning rate, reached after {@code warmupSteps}, then cosine decay to
   *     1 %
   * @param maxGradNorm global gradient norm clipping
   * @param classLossWeight weight of the instrument head's loss beside the mask loss
   * @param mosaicMaskWeight weight of the mosaics' pixel-level separation loss beside the mixtures'
   *     mask loss
   * @param seed drives initialisation and every batch
   * @param checkpointSeconds seconds between checkpoints
   */
  public record Settings(
      int steps,
      int batchSize,
      float learningRate,
      int warmupSteps,
      float maxGradNorm,
      float classLossWeight,
      float mosaicMaskWeight,
      long seed,
      double checkpointSeconds) {
    public Settings {
      if (steps < 1
          || batchSize < 1
          || warmupSteps < 0
          || !(learningRate > 0)
          || !(maxGradNorm > 0)
          || classLossWeight < 0
          || mosaicMaskWeight < 0) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "training needs steps >= 1, batch >= 1, learning rate > 0, warm-up >= 0, clip > 0, loss weights >= 0; got %d, %d, %s, %d, %s, %s, %s",
                steps,
                batchSize,
                learningRate,
                warmupSteps,
                maxGradNorm,
                classLossWeight,
                mosaicMaskWeight));
      }
    }
  }

  /** What a run did. */
  public record Result(int firstStep, int lastStep, double seconds, float lastLoss) {
    public double stepsPerSecond() {
      return (lastStep - firstStep) / seconds;
    }
  }

  private MixAndSeparateTraining() {}

  /**
   * One training run: the networks, the batches, the recipe and the model folder, and how the run
   * starts and stops. {@link #of} gives a fresh run from random weights to {@code settings.steps()}
   * on the CPU, quietly; the withers change one thing each.
   *
   * @param resume go on from the checkpoint in {@code modelDir} (as if never stopped: the
   *     learning-rate schedule follows {@code settings.steps()})
   * @param startFrom a trained model (same networks) whose weights a fresh run starts from, with a
   *     new schedule and optimizer; ignored when resuming from a checkpoint
   * @param stopAfter the run stops at step {@code min(settings.steps(), stopAfter)}; a later
   *     resumed run goes on
   * @param progress where progress lines go, or null for none
   */
  public record Run(
      ModelConfig config,
      MixAndSeparate batches,
      Settings settings,
      Path modelDir,
      boolean resume,
      Optional<Path> startFrom,
      int stopAfter,
      Device device,
      PrintStream progress) {

    public static Run of(
        ModelConfig config, MixAndSeparate batches, Settings settings, Path modelDir) {
      return new Run(
          config,
          batches,
          settings,
          modelDir,
          false,
          Optional.empty(),
          settings.steps(),
          Device.cpu(),
          null);
    }

    public Run resuming(boolean resume) {
      return new Run(
          config, batches, settings, modelDir, resume, startFrom, stopAfter, device, progress);
    }

    public Run startingFrom(Path trainedModel) {
      return new Run(
          config,
          batches,
          settings,
          modelDir,
          resume,
          Optional.ofNullable(trainedModel),
          stopAfter,
          device,
          progress);
    }

    public Run stoppingAfter(int step) {
      return new Run(
          config, batches, settings, modelDir, resume, startFrom, step, device, progress);
    }

    public Run on(Device device) {
      return new Run(
          config, batches, settings, modelDir, resume, startFrom, stopAfter, device, progress);
    }

    public Run reportingTo(PrintStream progress) {
      return new Run(
          config, batches, settings, modelDir, resume, startFrom, stopAfter, device, progress);
    }

    /** Trains: see {@link MixAndSeparateTraining}. */
    public Result train() throws IOException, InterruptedException {
      return MixAndSeparateTraining.train(this);
    }
  }

  private static void load(Model model, Path weights) throws IOException {
    try {
      model.load(weights, PixelPlayerModel.NAME);
    } catch (ai.djl.MalformedModelException e) {
      throw new IOException(
          "the weights in " + weights + " do not fit this model: " + e.getMessage(), e);
    }
  }

  private static Result train(Run run) throws IOException, InterruptedException {
    ModelConfig config = run.config();
    MixAndSeparate batches = run.batches();
    Settings settings = run.settings();
    Path modelDir = run.modelDir();
    boolean resume = run.resume();
    Path startFrom = run.startFrom().orElse(null);
    int stopAfter = run.stopAfter();
    Device device = run.device();
    PrintStream progress = run.progress();
    ai.djl.engine.Engine.getInstance().setRandomSeed((int) settings.seed());
    gradientsOffOnThisThread();
    Path checkpoints = Files.createDirectories(modelDir.resolve(CHECKPOINT));
    int first = resume ? checkpointStep(checkpoints) : 0;
    Path configFile = modelDir.resolve(PixelPlayerModel.CONFIG);
    if (resume
        && Files.exists(configFile)
        && !ModelConfig.fromJson(Files.readString(configFile)).equals(config)) {
      throw new IllegalArgumentException(
          "cannot resume: "
              + configFile
              + " describes other networks than the settings ("
              + Files.readString(configFile).strip()
              + ")");
    }
    Files.writeString(configFile, config.toJson());
    PixelPlayerNet net = PixelPlayerNet.of(config);
    long start = System.nanoTime();
    try (Model model = Model.newInstance(PixelPlayerModel.NAME, device);
        NDManager optimizerState = NDManager.newBaseManager(device)) {
      model.setBlock(net);
      Tracker schedule =
          Tracker.warmUp()
              .setMainTracker(
                  Tracker.cosine()
                      .setBaseValue(settings.learningRate())
                      .optFinalValue(settings.learningRate() / 100)
                      .setMaxUpdates(Math.max(1, settings.steps() - settings.warmupSteps()))
                      .build())
              .optWarmUpSteps(settings.warmupSteps())
              .optWarmUpBeginValue(settings.learningRate() / 100)
              .build();
      Map<String, String> parameterNames = new HashMap<>();
      net.getParameters().forEach(p -> parameterNames.put(p.getValue().getId(), p.getKey()));
      ResumableAdam adam = ResumableAdam.standard(schedule, optimizerState, parameterNames);
      boolean fromCheckpoint = resume && first > 0;
      Path weights = fromCheckpoint ? checkpoints : startFrom;
      // A start from a narrower U-Net is widened once the trainer has made this one's arrays.
      ModelConfig widenFrom = null;
      // Loaded before the trainer exists: it keeps its own references to the parameter arrays.
      if (fromCheckpoint) {
        load(model, weights);
      } else if (weights != null) {
        if (!Files.exists(weights.resolve(PixelPlayerModel.CONFIG))) {
          throw new IllegalArgumentException(
              "no trained model to start from in "
                  + weights
                  + " (no "
                  + PixelPlayerModel.CONFIG
                  + ")");
        }
        ModelConfig trained =
            ModelConfig.fromJson(Files.readString(weights.resolve(PixelPlayerModel.CONFIG)));
        if (trained.sameWeightsAs(config)) {
          load(model, weights);
        } else if (config.widens(trained)) {
          widenFrom = trained;
        } else {
          throw new IllegalArgumentException(
              "cannot start from " + weights + ": other networks than the settings");
        }
      }
      // The loss is computed here (weighted BCE and MIL cross-entropy); the config's loss is only
      // for DJL's bookkeeping.
      DefaultTrainingConfig trainingConfig =
          new DefaultTrainingConfig(Loss.l2Loss())
              .optOptimizer(adam)
              .optDevices(new Device[] {device});
      try (Trainer trainer = model.newTrainer(trainingConfig);
          BatchPrefetcher prefetcher =
              new BatchPrefetcher(batches, settings.batchSize(), settings.seed(), first, 2);
          BufferedWriter curve =
              Files.newBufferedWriter(
                  modelDir.resolve(ModelManifest.TRAINING_CURVE),
                  StandardCharsets.UTF_8,
                  StandardOpenOption.CREATE,
                  resume ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
        trainer.initialize(
            net.inputShapes(settings.batchSize(), batches.settings().sourcesPerMix()));
        if (widenFrom != null) {
          try (Model narrower = Model.newInstance(PixelPlayerModel.NAME, device)) {
            PixelPlayerNet trainedNet = PixelPlayerNet.of(widenFrom);
            narrower.setBlock(trainedNet);
            load(narrower, startFrom);
            net.widenFrom(trainedNet);
          }
        }
        if (resume && first > 0) {
          adam.load(checkpoints.resolve("optimizer.state"));
        } else {
          curve.write("step,loss,mask_loss,class_loss,learning_rate,seconds\n");
          if (startFrom != null && Files.exists(startFrom.resolve(ModelManifest.TRAINING_CURVE))) {
            // The weights' history goes with them: the curve holds every step that led to this
            // model.
            List<String> earlier =
                Files.readAllLines(startFrom.resolve(ModelManifest.TRAINING_CURVE));
            for (String line : earlier.subList(1, earlier.size())) {
              curve.write(line + "\n");
            }
          }
        }
        long lastCheckpoint = System.nanoTime();
        long lastPrint = System.nanoTime();
        float loss = Float.NaN;
        int last = Math.min(settings.steps(), stopAfter);
        int skippedInARow = 0;
        for (int step = first + 1; step <= last; step++) {
          TrainingBatch batch = prefetcher.next();
          StepLosses losses = step(trainer, net, batch, settings);
          loss = losses.total();
          double elapsed = (System.nanoTime() - start) / 1e9;
          curve.write(
              String.format(
                  Locale.ROOT,
                  "%d,%.5f,%.5f,%.5f,%.6g,%.1f%n",
                  step,
                  losses.total(),
                  losses.mask(),
                  losses.instrument(),
                  schedule.getNewValue(step),
                  elapsed));
          skippedInARow = losses.applied() ? 0 : skippedInARow + 1;
          if (skippedInARow >= MAX_SKIPPED_IN_A_ROW) {
            throw new IllegalStateException(
                "training diverged: loss or gradients not finite for "
                    + skippedInARow
                    + " steps in a row, up to step "
                    + step
                    + "; resume from the last checkpoint with a lower learning rate");
          }
          long now = System.nanoTime();
          if (progress != null && !losses.applied()) {
            progress.printf(
                Locale.ROOT, "train: step %d skipped: loss or gradients not finite%n", step);
          }
          if (progress != null && (now - lastPrint > 10e9 || step == last || step == first + 1)) {
            lastPrint = now;
            double rate = (step - first) / elapsed;
            progress.printf(
                Locale.ROOT,
                "train: step %d/%d, loss %.4f (mask %.4f, class %.4f), %.2f steps/s, ETA %.0f s%n",
                step,
                settings.steps(),
                losses.total(),
                losses.mask(),
                losses.instrument(),
                rate,
                (settings.steps() - step) / rate);
          }
          // A checkpoint holds weights a step was applied to, never those of a skipped run of
          // steps.
          boolean due = now - lastCheckpoint > settings.checkpointSeconds() * 1e9 || step == last;
          if (due && losses.applied()) {
            lastCheckpoint = now;
            curve.flush();
            checkpoint(model, adam, checkpoints, step);
          }
        }
        saveWeights(model, modelDir);
        return new Result(first, last, (System.nanoTime() - start) / 1e9, loss);
      }
    }
  }

  /**
   * Steps whose loss or gradients are not finite in a row before training stops: one such batch is
   * skipped, a run of them means the weights diverged.
   */
  static final int MAX_SKIPPED_IN_A_ROW = 10;

  /**
   * The losses of one step, and whether its update was applied (not when the loss or the gradients
   * were not finite: one bad batch must not turn every weight into NaN).
   */
  record StepLosses(float total, float mask, float instrument, boolean applied) {}

  /** One optimisation step. */
  static StepLosses step(
      Trainer trainer, PixelPlayerNet net, TrainingBatch batch, Settings settings) {
    try (NDManager scope = trainer.getManager().newSubManager()) {
      NDArray mixture = scope.create(batch.audioInput(), new Shape(batch.mixtureShape()));
      NDArray weights = scope.create(batch.weights(), new Shape(batch.mixtureShape()));
      NDArray targets = scope.create(batch.targets(), new Shape(batch.targetShape()));
      NDArray frames = scope.create(batch.frames(), new Shape(batch.frameShape()));
      NDArray tags = scope.create(batch.tags(), new Shape(batch.tagShape()));
      List<NDArray> perVideo = new ArrayList<>();
      for (int n = 0; n < batch.sourcesPerMix(); n++) {
        perVideo.add(frames.get(new NDIndex(":, {}", n)));
      }
      // The forward pass updates the running statistics of batch norms: kept, to be put back when
      // the step is skipped.
      List<NDArray> statistics = statistics(net);
      List<NDArray> before = statistics.stream().map(a -> a.duplicate()).toList();
      before.forEach(a -> a.attach(scope));
      float[] losses;
      try (GradientCollector collector = trainer.newGradientCollector()) {
        PixelPlayerNet.Outputs out =
            new PixelPlayerNet.Outputs(trainer.forward(PixelPlayerNet.inputs(mixture, perVideo)));
        NDArray maskLoss = null;
        NDArray classLoss = null;
        int tagged = 0;
        for (int n = 0; n < batch.sourcesPerMix(); n++) {
          NDArray target = targets.get(new NDIndex(":, {}:{}", n, n + 1));
          NDArray bce = weightedBce(out.maskLogits(n), target, weights);
          maskLoss = maskLoss == null ? bce : maskLoss.add(bce);
          int count = known(batch.tags(), n, batch.sourcesPerMix());
          if (count > 0) {
            NDArray ce = taggedCrossEntropy(out.classLogits(n), tags.get(new NDIndex(":, {}", n)));
            classLoss = classLoss == null ? ce : classLoss.add(ce);
            tagged += count;
          }
        }
        maskLoss = maskLoss.div(batch.sourcesPerMix());
        for (TrainingBatch.Scenes scenes : List.of(batch.duets(), batch.mosaics())) {
          if (scenes.count() > 0) {
            SceneLoss scene =
                sceneLoss(
                    net,
                    new ParameterStore(scope, false),
                    batch,
                    scenes,
                    out.spectralFeatures(),
                    weights,
                    scope);
            if (scene.tagged() > 0) {
              classLoss = classLoss == null ? scene.classLoss() : classLoss.add(scene.classLoss());
              tagged += scene.tagged();
            }
            if (scene.maskLoss() != null)
              maskLoss = maskLoss.add(scene.maskLoss().mul(settings.mosaicMaskWeight()));
          }
        }
        classLoss = classLoss == null ? maskLoss.zerosLike() : classLoss.div(tagged);
        NDArray total = maskLoss.add(classLoss.mul(settings.classLossWeight()));
        collector.backward(total);
        losses = new float[] {total.getFloat(), maskLoss.getFloat(), classLoss.getFloat()};
      }
      // Parameters change outside the collector: with autograd off, in place.
      List<NDArray> gradients = gradients(net);
      double norm = clipGlobalNorm(gradients, settings.maxGradNorm());
      boolean applied = Double.isFinite(norm) && Float.isFinite(losses[0]);
      if (applied) {
        trainer.step();
      } else {
        for (int i = 0; i < statistics.size(); i++) {
          statistics.get(i).set(before.get(i).toFloatArray());
        }
      }
      // The engine adds each backward pass to the gradient buffers: clear them for the next step
      // (a skipped step's may hold NaN, which 0 x keeps).
      for (NDArray g : gradients) {
        g.muli(0);
        if (!applied) {
          try (NDArray nan = g.isNaN()) {
            g.set(nan, 0f);
          }
        }
      }
      return new StepLosses(losses[0], losses[1], losses[2], applied);
    }
  }

  /**
   * What the scenes teach: {@code classLoss}, the summed cross-entropy of their {@code tagged}
   * tagged regions; {@code maskLoss} (null for scenes without sound), the mean of their regions'
   * separation losses.
   */
  record SceneLoss(NDArray classLoss, int tagged, NDArray maskLoss) {}

  /**
   * The scenes' losses. Class: the class map's maximum over a region's pixels must name that
   * region's instrument (duets: left and right; mosaics: four quadrants). Sound, for scenes made
   * from the batch's mixtures (mosaic d from mixture d, separated from its spectral features): the
   * visual features max-pooled over a region must separate the source that region shows (nothing,
   * for a silent one), weighted as the mixture's mask loss; and every pixel of a region is charged
   * for any sound it keeps where that source does not dominate (w · BCE against 0 there), so that
   * no pixel keeps sound its own picture does not make. A pixel column or row that straddles two
   * regions (the middle of an odd map) counts for neither. Runs the video net and the head on the
   * scene frames alone, inside the caller's gradient collector (a second parameter store over the
   * same arrays: on one device they are not copied).
   */
  static SceneLoss sceneLoss(
      PixelPlayerNet net,
      ParameterStore store,
      TrainingBatch batch,
      TrainingBatch.Scenes scenes,
      NDArray spectral,
      NDArray weights,
      NDManager scope) {
    NDArray frames = scope.create(scenes.frames(), new Shape(batch.sceneFrameShape(scenes)));
    NDArray tags = scope.create(scenes.tags(), new Shape(scenes.count(), scenes.regions()));
    NDArray pixels = net.video().forward(store, new NDList(frames), true).get(0);
    NDArray classMap = net.instruments().forward(store, new NDList(pixels), true).get(0);
    NDArray sceneTargets = null;
    NDArray sceneSpectral = null;
    NDArray sceneWeights = null;
    if (scenes.sounding()) {
      sceneTargets =
          scope.create(
              batch.sceneTargets(scenes),
              new Shape(scenes.count(), scenes.regions(), batch.logBins(), batch.stftFrames()));
      sceneSpectral = spectral.get(new NDIndex(":{}", scenes.count()));
      sceneWeights = weights.get(new NDIndex(":{}", scenes.count()));
    }
    long height = classMap.getShape().get(2);
    long width = classMap.getShape().get(3);
    NDArray classLoss = null;
    NDArray maskLoss = null;
    int tagged = 0;
    for (int row = 0; row < scenes.rows(); row++) {
      for (int column = 0; column < scenes.columns(); column++) {
        int r = row * scenes.columns() + column;
        NDIndex cells =
            new NDIndex(
                ":, :, {}:{}, {}:{}",
                firstCell(row, scenes.rows(), height),
                endCell(row, scenes.rows(), height),
                firstCell(column, scenes.columns(), width),
                endCell(column, scenes.columns(), width));
        int count = known(scenes.tags(), r, scenes.regions());
        if (count > 0) {
          NDArray ce =
              taggedCrossEntropy(
                  InstrumentHead.poolPixels(classMap.get(cells)),
                  tags.get(new NDIndex(":, {}", r)));
          classLoss = classLoss == null ? ce : classLoss.add(ce);
          tagged += count;
        }
        if (scenes.sounding()) {
          NDArray regionPixels = pixels.get(cells);
          NDArray target = sceneTargets.get(new NDIndex(":, {}:{}", r, r + 1));
          NDArray pooled =
              net.synthesizer()
                  .forward(
                      store, new NDList(VideoNet.poolPixels(regionPixels), sceneSpectral), true)
                  .singletonOrThrow();
          // Per pixel [D, h, w, F, T] against the region's target [D, 1, 1, F, T]: only where it is
          // 0.
          NDArray perPixel =
              net.synthesizer()
                  .forward(store, new NDList(regionPixels, sceneSpectral), true)
                  .singletonOrThrow();
          NDArray absent = target.neg().add(1).mul(sceneWeights).expandDims(1);
          NDArray kept = softplus(perPixel).mul(absent).mean();
          NDArray loss = weightedBce(pooled, target, sceneWeights).add(kept);
          maskLoss = maskLoss == null ? loss : maskLoss.add(loss);
        }
      }
    }
    return new SceneLoss(
        classLoss, tagged, maskLoss == null ? null : maskLoss.div(scenes.regions()));
  }

  /**
   * The cross-entropy of {@code logits [B, C]} against the classes {@code tag [B]}, summed over the
   * entries whose class is known (not {@link TrainingBatch#NO_TAG}); for an entry that shows no
   * instrument ({@link TrainingBatch#NO_INSTRUMENT}) against the uniform distribution, so that the
   * head gives no class more than its share: its confidence then stays under any source threshold
   * above 1 / C.
   */
  static NDArray taggedCrossEntropy(NDArray logits, NDArray tag) {
    NDArray logProbabilities = logits.logSoftmax(1);
    NDArray picked =
        logProbabilities
            .mul(tag.maximum(0).oneHot((int) logProbabilities.getShape().get(1)))
            .sum(new int[] {1});
    NDArray uniform = logProbabilities.mean(new int[] {1});
    NDArray instrument = tag.gte(0).toType(picked.getDataType(), false);
    NDArray none = tag.eq(TrainingBatch.NO_INSTRUMENT).toType(picked.getDataType(), false);
    return picked.mul(instrument).add(uniform.mul(none)).sum().neg();
  }

  /**
   * How many rows of the row-major {@code [rows, columns]} tags have a class target in {@code
   * column} (an instrument, or none).
   */
  static int known(int[] tags, int column, int columns) {
    int count = 0;
    for (int i = column; i < tags.length; i += columns) {
      if (tags[i] != TrainingBatch.NO_TAG) count++;
    }
    return count;
  }

  /**
   * The first of {@code cells} map cells lying wholly inside part {@code part} of {@code parts}
   * equal parts.
   */
  static long firstCell(int part, int parts, long cells) {
    return (part * cells + parts - 1) / parts;
  }

  /** One past the last such cell. */
  static long endCell(int part, int parts, long cells) {
    return (part + 1) * cells / parts;
  }

  /** Mean of w · BCE(sigmoid(x), y), computed stably from the logits. */
  static NDArray weightedBce(NDArray logits, NDArray target, NDArray weights) {
    return softplus(logits).sub(logits.mul(target)).mul(weights).mean();
  }

  /** log(1 + e^x), stably: BCE(sigmoid(x), 0). */
  private static NDArray softplus(NDArray x) {
    return x.maximum(0).add(x.abs().neg().exp().add(1).log());
  }

  /** The gradient buffers of every trained parameter. */
  static List<NDArray> gradients(PixelPlayerNet net) {
    List<NDArray> grads = new ArrayList<>();
    for (Pair<String, Parameter> p : net.getParameters()) {
      NDArray array = p.getValue().getArray();
      if (p.getValue().requiresGradient() && array.hasGradient()) {
        grads.add(array.getGradient());
      }
    }
    return grads;
  }

  /** The arrays of the parameters training does not update by gradient (batch-norm statistics). */
  static List<NDArray> statistics(PixelPlayerNet net) {
    List<NDArray> arrays = new ArrayList<>();
    for (Pair<String, Parameter> p : net.getParameters()) {
      if (!p.getValue().requiresGradient()) arrays.add(p.getValue().getArray());
    }
    return arrays;
  }

  /**
   * Scales all gradients down together when their global L2 norm exceeds {@code maxNorm}; returns
   * the norm before (not finite when a gradient is not).
   */
  static double clipGlobalNorm(List<NDArray> grads, float maxNorm) {
    double sumSquares = 0;
    for (NDArray g : grads) {
      try (NDArray square = g.square();
          NDArray sum = square.sum()) {
        sumSquares += sum.getFloat();
      }
    }
    double norm = Math.sqrt(sumSquares);
    if (norm > maxNorm) {
      float scale = (float) (maxNorm / norm);
      grads.forEach(g -> g.muli(scale));
    }
    return norm;
  }

  private static void checkpoint(Model model, ResumableAdam adam, Path dir, int step)
      throws IOException {
    saveWeights(model, dir);
    adam.save(dir.resolve("optimizer.state"));
    Properties state = new Properties();
    state.setProperty("step", Integer.toString(step));
    Path temp = dir.resolve("state.properties.tmp");
    try (var out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
      state.store(out, "Mix-and-Separate checkpoint");
    }
    Files.move(
        temp, dir.resolve("state.properties"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Writes {@code pixelplayer-0000.params} over the last one: DJL numbers each save as a new epoch
   * unless told the epoch, and loads the highest number it finds, so any other numbered file left
   * from older runs goes.
   */
  private static void saveWeights(Model model, Path dir) throws IOException {
    model.setProperty("Epoch", "0");
    model.save(dir, PixelPlayerModel.NAME);
    try (DirectoryStream<Path> stale =
        Files.newDirectoryStream(dir, PixelPlayerModel.NAME + "-[0-9][0-9][0-9][0-9].params")) {
      for (Path file : stale) {
        if (!file.getFileName().toString().equals(PixelPlayerModel.NAME + "-0000.params")) {
          Files.delete(file);
        }
      }
    }
  }

  private static int checkpointStep(Path dir) throws IOException {
    Path file = dir.resolve("state.properties");
    if (!Files.exists(file)) {
      throw new IOException("nothing to resume: no checkpoint in " + dir);
    }
    Properties state = new Properties();
    try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      state.load(in);
    }
    return Integer.parseInt(state.getProperty("step"));
  }

  /**
   * PyTorch's grad mode is per thread and on by default; DJL turns it off only on the thread that
   * started the engine, and a gradient collector restores whatever it found when it closes.
   * Training on another thread (after inference started the engine elsewhere, e.g. in a Spark task)
   * would then run Adam's in-place updates with grad mode on, which PyTorch refuses ("a leaf
   * Variable that requires grad is being used in an in-place operation"). The switch is not in
   * DJL's engine-neutral API, so it is reached by name, and only for the PyTorch engine.
   */
  private static void gradientsOffOnThisThread() {
    if (!"PyTorch".equals(ai.djl.engine.Engine.getInstance().getEngineName())) return;
    try {
      Class.forName("ai.djl.pytorch.jni.JniUtils")
          .getMethod("setGradMode", boolean.class)
          .invoke(null, false);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "cannot turn PyTorch's grad mode off on the training thread: " + e, e);
    }
  }
}
