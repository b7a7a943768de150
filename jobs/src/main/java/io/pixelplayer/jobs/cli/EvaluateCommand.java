package io.pixelplayer.jobs.cli;

import com.google.gson.JsonObject;
import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.evaluate.CorpusTruth;
import io.pixelplayer.jobs.runtime.ModelSettings;
import io.pixelplayer.jobs.synth.SynthJob;
import io.pixelplayer.jobs.train.TrainingCache;
import io.pixelplayer.model.eval.Evaluation;
import io.pixelplayer.model.eval.EvaluationClip;
import io.pixelplayer.model.eval.EvaluationReport;
import io.pixelplayer.model.eval.EvaluationSummary;
import io.pixelplayer.model.infer.ModelManifest;
import io.pixelplayer.model.infer.PixelPlayerModel;
import io.pixelplayer.model.infer.StoredClip;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "evaluate",
    sortOptions = false,
    description =
        "Quality of a model on a corpus's held-out split, as the paper measures it: separation of mixtures of "
            + "two solos (or --mix N; SDR, SIR, SAR, NSDR, with the ideal binary mask as the ceiling), duets, pointing (energy peak in "
            + "the instrument's box) and recognition. The corpus is ingested first (into CORPUS/ingest) unless it has been.")
final class EvaluateCommand implements Callable<Integer> {
  /**
   * Seed of the choice of mixing partners, and mixtures per forward pass
   * (conf/pixelplayer.properties).
   */
  static final String SEED = "pixelplayer.evaluate.seed";

  static final String BATCH = "pixelplayer.evaluate.batch";

  @Option(
      names = "--corpus",
      required = true,
      paramLabel = "DIR",
      description =
          "A corpus with ground truth (manifest.csv, videos/, truth/). Repeat it for several corpora (fresh seeds of one kind): "
              + "the figures are then the mean over them, with their spread and each corpus's own.")
  List<Path> corpora;

  @Option(
      names = "--model",
      paramLabel = "MODEL_DIR",
      description = "A trained model (default: the shipped one, pixelplayer.model.dir).")
  Path model;

  @Option(
      names = "--split",
      paramLabel = "SPLIT",
      defaultValue = "test",
      description = "Manifest split to evaluate (default: ${DEFAULT-VALUE}).")
  String split;

  @Option(
      names = "--mix",
      paramLabel = "N",
      defaultValue = "2",
      description =
          "Solos in each mixture (default: ${DEFAULT-VALUE}, the paper's; 3 for the harder mixtures `train --mix 3` learns).")
  int mix;

  @Option(
      names = "--json",
      description = "Print one JSON object (CONTRACT.md's metric keys) instead of text.")
  boolean json;

  @Option(
      names = "--record",
      description =
          "Record the figures in MODEL_DIR/"
              + ModelManifest.FILE
              + " (replacing an earlier evaluation of this corpus and split).")
  boolean record;

  @Mixin DeviceOption device;

  @Mixin SparkOptions sparkOptions;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    PixelPlayerConf conf = common.conf();
    Path modelDir = model != null ? model : conf.getPath(ModelSettings.MODEL_DIR);
    List<CorpusTruth> truths = new ArrayList<>();
    for (Path corpus : corpora) truths.add(new CorpusTruth(corpus));
    List<List<EvaluationClip>> solos = new ArrayList<>();
    List<List<EvaluationClip>> duets = new ArrayList<>();
    List<List<EvaluationClip>> nonMusic = new ArrayList<>();
    try (SparkSession spark = sparkOptions.session("evaluate", conf)) {
      for (int i = 0; i < corpora.size(); i++) {
        String cache = TrainingCache.ingested(spark, conf, corpora.get(i)).toString();
        solos.add(truthOf(truths.get(i), TrainingCache.load(spark, cache, split, "solo")));
        duets.add(truthOf(truths.get(i), TrainingCache.load(spark, cache, split, "duet")));
        // Non-music clips have no truth to read: what counts is whether the model finds any source
        // in them.
        nonMusic.add(
            TrainingCache.load(spark, cache, split, TrainCommand.NON_MUSIC).stream()
                .map(c -> new EvaluationClip(c, List.of()))
                .toList());
        if (solos.get(i).isEmpty() && duets.get(i).isEmpty() && nonMusic.get(i).isEmpty()) {
          throw new IllegalArgumentException(
              "no clips of split '" + split + "' in " + corpora.get(i));
        }
      }
    }

    List<EvaluationReport> reports = new ArrayList<>();
    try (PixelPlayerModel loaded = PixelPlayerModel.load(modelDir, device.device())) {
      Evaluation.Settings settings =
          new Evaluation.Settings(
              conf.getLong(SEED), conf.getInt(BATCH), mix, ModelSettings.sources(conf));
      for (int i = 0; i < corpora.size(); i++) {
        Path corpus = corpora.get(i);
        System.err.println(
            "evaluate: model "
                + loaded.version()
                + " from "
                + modelDir
                + " on "
                + loaded.device()
                + "; "
                + corpus
                + ": "
                + solos.get(i).size()
                + " solo, "
                + duets.get(i).size()
                + " duet and "
                + nonMusic.get(i).size()
                + " non-music clips of split "
                + split);
        EvaluationReport report =
            new Evaluation(loaded, settings)
                .run(solos.get(i), duets.get(i), nonMusic.get(i), System.err);
        reports.add(report);
        if (record) {
          Path description = corpus.resolve(SynthJob.DESCRIPTION);
          JsonObject corpusJson =
              Files.exists(description) ? ModelManifest.describe(description) : new JsonObject();
          corpusJson.addProperty("path", name(corpus));
          System.err.println(
              "evaluate: recorded in "
                  + ModelManifest.record(loaded, corpusJson, split, report.toJson()));
        }
      }
    }
    PrintWriter stdout = common.out();
    if (reports.size() == 1) {
      stdout.println(json ? reports.get(0).toJsonString() : reports.get(0).toText());
    } else {
      JsonObject summary =
          EvaluationSummary.of(corpora.stream().map(EvaluateCommand::name).toList(), reports);
      stdout.println(json ? EvaluationSummary.toJsonString(summary) : text(summary, reports));
    }
    stdout.flush();
    return 0;
  }

  private static List<EvaluationClip> truthOf(CorpusTruth truth, List<StoredClip> clips)
      throws java.io.IOException {
    List<EvaluationClip> withTruth = new ArrayList<>();
    for (StoredClip clip : clips) withTruth.add(truth.of(clip));
    return withTruth;
  }

  private static String name(Path corpus) {
    return corpus.toAbsolutePath().normalize().getFileName().toString();
  }

  /** Each corpus's figures, then the mean ± spread of the headline metrics. */
  private String text(JsonObject summary, List<EvaluationReport> reports) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < reports.size(); i++)
      text.append(name(corpora.get(i))).append(": ").append(reports.get(i).toText()).append('\n');
    text.append(
        String.format(
            java.util.Locale.ROOT,
            "mean over %d corpora (± sample standard deviation):",
            reports.size()));
    JsonObject spread = summary.getAsJsonObject("spread");
    for (String key :
        List.of(
            "nsdr",
            "sdr",
            "sir",
            "sar",
            "duet_sdr",
            "duet_sir",
            "pointing_accuracy",
            "recognition_accuracy")) {
      if (spread.has(key)) {
        text.append(
            String.format(
                java.util.Locale.ROOT,
                "%n  %-22s %.4f ± %.4f",
                key,
                summary.get(key).getAsDouble(),
                spread.get(key).getAsDouble()));
      }
    }
    return text.toString();
  }
}
