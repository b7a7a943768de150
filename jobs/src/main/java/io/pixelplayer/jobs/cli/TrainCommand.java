package io.pixelplayer.jobs.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.ingest.IngestJob;
import io.pixelplayer.jobs.ingest.IngestSettings;
import io.pixelplayer.jobs.spark.SparkSessions;
import io.pixelplayer.jobs.train.TrainingCache;
import io.pixelplayer.jobs.train.TrainingSetup;
import io.pixelplayer.model.Instruments;
import io.pixelplayer.model.train.MixAndSeparate;
import io.pixelplayer.model.train.MixAndSeparateTraining;
import io.pixelplayer.model.train.TrainingClip;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", sortOptions = false,
    description = "Mix-and-Separate training from a corpus's training solos: mixes of N solo clips of different videos, "
        + "each video's frames asked for its own spectrogram mask; the instrument head learns from the weak tags. "
        + "The corpus is ingested first (into CORPUS/ingest, reused later) unless it is an ingest output already.")
final class TrainCommand implements Callable<Integer> {
  @Option(names = "--corpus", required = true, paramLabel = "DIR", description = "A corpus (manifest.csv + videos/) or an ingest output (clips/).")
  Path corpus;

  @Option(names = "--out", required = true, paramLabel = "MODEL_DIR", description = "Where the weights, checkpoints and training curve go.")
  Path out;

  @Option(names = "--steps", paramLabel = "N", description = "Optimisation steps in all (default: pixelplayer.train.steps).")
  Integer steps;

  @Option(names = "--batch", paramLabel = "B", description = "Mixtures per step (default: pixelplayer.train.batch).")
  Integer batch;

  @Option(names = "--resume", description = "Go on from the last checkpoint in MODEL_DIR.")
  boolean resume;

  @Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto", description = "Where to train (default: ${DEFAULT-VALUE}: the GPU when there is one).")
  String device;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master for reading the corpus (default: pixelplayer.spark.master).")
  String master;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() throws Exception {
    PixelPlayerConf conf = common.conf();
    TrainingSetup setup = TrainingSetup.from(conf, steps, batch);
    Device target = device(device);
    PrintWriter stdout = common.out();
    List<TrainingClip> clips;
    try (SparkSession spark = SparkSessions.create("pixelplayer train", conf, master)) {
      Path cache = Files.isDirectory(corpus.resolve(IngestJob.CLIPS)) ? corpus : corpus.resolve("ingest");
      if (!Files.exists(cache.resolve(IngestJob.CLIPS).resolve("_SUCCESS"))) {
        System.err.println("train: ingesting " + corpus + " into " + cache);
        IngestJob.run(spark, IngestSettings.from(conf), corpus.toString(), cache.toString(),
            conf.getDouble("pixelplayer.progress.intervalSeconds"), System.err);
      }
      clips = TrainingCache.load(spark, cache.toString(), "train", "solo");
    }
    if (clips.isEmpty()) {
      throw new IllegalArgumentException("no training solos in " + corpus + " (manifest split=train, kind=solo)");
    }
    System.err.printf(Locale.ROOT, "train: %d training clips of %d videos, %s scale, on %s%n", clips.size(),
        clips.stream().map(TrainingClip::videoId).distinct().count(), conf.getString("pixelplayer.model.scale"), target);
    MixAndSeparate batches = new MixAndSeparate(setup.batches(), clips, Instruments::index);
    MixAndSeparateTraining.Result result = MixAndSeparateTraining.run(setup.model(), batches, setup.training(), out, resume,
        Integer.MAX_VALUE, target, System.err);
    stdout.printf(Locale.ROOT, "trained steps %d..%d in %.0f s (%.2f steps/s), last loss %.4f; model in %s%n", result.firstStep(),
        result.lastStep(), result.seconds(), result.stepsPerSecond(), result.lastLoss(), out);
    stdout.flush();
    return 0;
  }

  private static Device device(String name) {
    boolean hasGpu = Engine.getInstance().getGpuCount() > 0;
    return switch (name) {
      case "auto" -> hasGpu ? Device.gpu() : Device.cpu();
      case "cpu" -> Device.cpu();
      case "gpu" -> {
        if (!hasGpu) {
          throw new IllegalArgumentException("--device gpu: no GPU visible to the PyTorch engine (CPU natives loaded?)");
        }
        yield Device.gpu();
      }
      default -> throw new IllegalArgumentException("--device must be auto, cpu or gpu, got '" + name + "'");
    };
  }
}
