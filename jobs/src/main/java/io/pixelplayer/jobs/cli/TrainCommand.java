package io.pixelplayer.jobs.cli;

import ai.djl.Device;
import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.synth.SynthJob;
import io.pixelplayer.jobs.train.TrainingCache;
import io.pixelplayer.jobs.train.TrainingSetup;
import io.pixelplayer.model.Instruments;
import io.pixelplayer.model.infer.ModelManifest;
import io.pixelplayer.model.infer.StoredClip;
import io.pixelplayer.model.train.MixAndSeparate;
import io.pixelplayer.model.train.MixAndSeparateTraining;
import io.pixelplayer.model.train.TrainingRecipe;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "train",
    sortOptions = false,
    description =
        "Mix-and-Separate training from a corpus's training solos: mixes of N solo clips of different videos, "
            + "each video's frames asked for its own spectrogram mask; the instrument head learns from the weak tags. "
            + "The corpus is ingested first (into CORPUS/ingest, reused later) unless it is an ingest output already.")
final class TrainCommand implements Callable<Integer> {
  @Option(
      names = "--corpus",
      required = true,
      paramLabel = "DIR",
      description =
          "A corpus (manifest.csv + videos/) or an ingest output (clips/); repeat to train on several.")
  List<Path> corpora;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "MODEL_DIR",
      description = "Where the weights, checkpoints and training curve go.")
  Path out;

  @Option(
      names = "--steps",
      paramLabel = "N",
      description = "Optimisation steps in all (default: pixelplayer.train.steps).")
  Integer steps;

  @Option(
      names = "--batch",
      paramLabel = "B",
      description = "Mixtures per step (default: pixelplayer.train.batch).")
  Integer batch;

  @Option(
      names = "--mix",
      paramLabel = "N",
      description =
          "Solo clips per mixture (default: pixelplayer.train.sourcesPerMix; the paper's 2, or 3 for harder mixtures).")
  Integer mix;

  @Option(
      names = "--stop-after",
      paramLabel = "STEP",
      description = "Stop (with a checkpoint) after this step; --resume goes on later.")
  Integer stopAfter;

  @Option(
      names = "--start-from",
      paramLabel = "MODEL_DIR",
      description = "Start a fresh run from the weights of this trained model (same networks).")
  Path startFrom;

  @Option(names = "--resume", description = "Go on from the last checkpoint in MODEL_DIR.")
  boolean resume;

  @Mixin DeviceOption device;

  @Mixin SparkOptions sparkOptions;

  @Mixin CommonOptions common;

  /** The manifest kind of clips that show and sound like no instrument. */
  static final String NON_MUSIC = "none";

  @Override
  public Integer call() throws Exception {
    PixelPlayerConf conf = common.conf();
    List<Properties> described = corpusDescriptions(corpora);
    refuseReserved(corpora, described);
    TrainingSetup setup = TrainingSetup.from(conf, steps, batch, mix);
    Device target = device.device();
    PrintWriter stdout = common.out();
    List<StoredClip> clips = new ArrayList<>();
    List<StoredClip> duets = new ArrayList<>();
    List<StoredClip> nonMusic = new ArrayList<>();
    try (SparkSession spark = sparkOptions.session("train", conf)) {
      for (int c = 0; c < corpora.size(); c++) {
        String cache = TrainingCache.ingested(spark, conf, corpora.get(c)).toString();
        int corpus = c;
        clips.addAll(ofCorpus(corpus, TrainingCache.load(spark, cache, "train", "solo")));
        if (setup.nonMusicShare() > 0)
          nonMusic.addAll(ofCorpus(corpus, TrainingCache.load(spark, cache, "train", NON_MUSIC)));
        if (setup.duetsPerStep() > 0) {
          // Duets teach the instrument head where things are: only those of two different, known
          // instruments.
          ofCorpus(corpus, TrainingCache.load(spark, cache, "train", "duet")).stream()
              .filter(
                  d ->
                      d.instruments().size() == 2
                          && !d.instruments().get(0).equals(d.instruments().get(1))
                          && d.instruments().stream().allMatch(i -> Instruments.index(i) >= 0))
              .forEach(duets::add);
        }
      }
    }
    if (clips.isEmpty()) {
      throw new IllegalArgumentException(
          "no training solos in " + corpora + " (manifest split=train, kind=solo)");
    }
    // Mosaics need as many different instruments among the solos as they have tiles, and room for
    // every source of a
    // mixture; without either there are none. There is at most one a mixture.
    long soloInstruments =
        clips.stream()
            .filter(c -> c.instruments().size() == 1)
            .map(c -> c.instruments().get(0))
            .distinct()
            .count();
    boolean mosaicsFit =
        soloInstruments >= MixAndSeparate.MOSAIC_TILES
            && setup.batches().sourcesPerMix() <= MixAndSeparate.MOSAIC_TILES;
    int mosaics = mosaicsFit ? Math.min(setup.mosaicsPerStep(), setup.training().batchSize()) : 0;
    int duetsPerStep = duets.isEmpty() ? 0 : setup.duetsPerStep();
    MixAndSeparate.NonMusic noInstrument =
        nonMusic.isEmpty()
            ? MixAndSeparate.NonMusic.NONE
            : new MixAndSeparate.NonMusic(nonMusic, setup.nonMusicShare());
    System.err.printf(
        Locale.ROOT,
        "train: %d training clips of %d videos (%d instruments), %d duet clips, %d non-music clips (%.0f %% of "
            + "mixtures), %d duets and %d mosaics a step, %s scale, on %s%n",
        clips.size(),
        clips.stream().map(StoredClip::videoId).distinct().count(),
        soloInstruments,
        duets.size(),
        nonMusic.size(),
        100 * noInstrument.share(),
        duetsPerStep,
        mosaics,
        conf.getString(TrainingSetup.SCALE),
        target);
    MixAndSeparate batches =
        new MixAndSeparate(
            setup.batches(), clips, duets, duetsPerStep, mosaics, noInstrument, Instruments::index);
    keepCorpusDescriptions(described, out);
    TrainingRecipe.addRun(out, startFrom, resume, runSettings(conf));
    MixAndSeparateTraining.Result result =
        MixAndSeparateTraining.Run.of(setup.model(), batches, setup.training(), out)
            .resuming(resume)
            .startingFrom(startFrom)
            .stoppingAfter(stopAfter != null ? stopAfter : Integer.MAX_VALUE)
            .on(target)
            .reportingTo(System.err)
            .train();
    stdout.printf(
        Locale.ROOT,
        "trained steps %d..%d in %.0f s (%.2f steps/s), last loss %.4f; model in %s%n",
        result.firstStep(),
        result.lastStep(),
        result.seconds(),
        result.stepsPerSecond(),
        result.lastLoss(),
        out);
    stdout.flush();
    return 0;
  }

  /**
   * What this run trains with, for {@value TrainingRecipe#FILE}: every {@code pixelplayer.model.*}
   * and {@code pixelplayer.train.*} setting in force (the options that override one folded in), the
   * corpora, the weights it starts from and whether it resumes.
   */
  private Map<String, String> runSettings(PixelPlayerConf conf) {
    Map<String, String> run = conf.under(TrainingSetup.MODEL);
    run.putAll(conf.under(TrainingSetup.TRAIN));
    if (steps != null) run.put(TrainingSetup.TRAIN + "steps", steps.toString());
    if (batch != null) run.put(TrainingSetup.TRAIN + "batch", batch.toString());
    if (mix != null) run.put(TrainingSetup.TRAIN + "sourcesPerMix", mix.toString());
    if (stopAfter != null) run.put("stop_after", stopAfter.toString());
    run.put("corpora", String.join(",", corpora.stream().map(Path::toString).toList()));
    run.put("start_from", startFrom == null ? "" : startFrom.toString());
    run.put("resumed", Boolean.toString(resume));
    return run;
  }

  /**
   * The clips of the {@code index}-th corpus (from 0), their video ids qualified by it after the
   * first: ids are unique within a corpus only, and mixtures must never take two corpora's {@code
   * solo-0001} for one video.
   */
  static List<StoredClip> ofCorpus(int index, List<StoredClip> clips) {
    if (index == 0) return clips;
    return clips.stream()
        .map(
            c ->
                new StoredClip(
                    (index + 1) + "/" + c.videoId(),
                    c.instruments(),
                    c.sampleRate(),
                    c.audio(),
                    c.validSamples(),
                    c.startSeconds(),
                    c.frameTimes(),
                    c.framesJpeg()))
        .toList();
  }

  /**
   * Each corpus's {@value SynthJob#DESCRIPTION} (in the corpus, or in the corpus above an ingest
   * output), empty when it has none (a corpus of real videos).
   */
  private static List<Properties> corpusDescriptions(List<Path> corpora) throws IOException {
    List<Properties> described = new ArrayList<>();
    for (Path corpus : corpora) {
      Properties one = new Properties();
      for (Path dir : new Path[] {corpus, corpus.toAbsolutePath().getParent()}) {
        Path description = dir == null ? null : dir.resolve(SynthJob.DESCRIPTION);
        if (description != null && Files.isRegularFile(description)) {
          try (Reader reader = Files.newBufferedReader(description, StandardCharsets.UTF_8)) {
            one.load(reader);
          }
          break;
        }
      }
      described.add(one);
    }
    return described;
  }

  /**
   * A corpus made with a SoundFont or art style kept for evaluation is refused: a model that saw
   * them could not be judged on them.
   */
  private static void refuseReserved(List<Path> corpora, List<Properties> described) {
    for (int i = 0; i < corpora.size(); i++) {
      if (Boolean.parseBoolean(described.get(i).getProperty(SynthJob.RESERVED_FOR_EVALUATION))) {
        throw new IllegalArgumentException(
            "corpus "
                + corpora.get(i)
                + " was made with "
                + described.get(i).getProperty("reserved_assets")
                + ", kept for evaluation: a model must not train on it (render one with other SoundFonts and art styles)");
      }
    }
  }

  /**
   * Keeps the corpora's descriptions beside the weights as {@value ModelManifest#TRAINING_CORPUS},
   * so the model can say what it learnt from; with several corpora, the keys of the i-th (from 1)
   * start with {@code i.}.
   */
  private static void keepCorpusDescriptions(List<Properties> described, Path out)
      throws IOException {
    Properties kept = new Properties();
    for (int i = 0; i < described.size(); i++) {
      String prefix = described.size() == 1 ? "" : (i + 1) + ".";
      described.get(i).forEach((key, value) -> kept.setProperty(prefix + key, (String) value));
    }
    if (!kept.isEmpty()) {
      Files.createDirectories(out);
      try (Writer writer =
          Files.newBufferedWriter(
              out.resolve(ModelManifest.TRAINING_CORPUS), StandardCharsets.UTF_8)) {
        kept.store(writer, "The corpora this model was trained on");
      }
    }
  }
}
