package io.pixelplayer.jobs.cli;

import com.google.gson.JsonObject;
import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.evaluate.CorpusTruth;
import io.pixelplayer.jobs.spark.SparkSessions;
import io.pixelplayer.jobs.synth.SynthJob;
import io.pixelplayer.jobs.train.TrainingCache;
import io.pixelplayer.model.eval.Evaluation;
import io.pixelplayer.model.eval.EvaluationClip;
import io.pixelplayer.model.eval.EvaluationReport;
import io.pixelplayer.model.infer.ModelManifest;
import io.pixelplayer.model.infer.PixelPlayerModel;
import io.pixelplayer.model.train.TrainingClip;
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

@Command(name = "evaluate", sortOptions = false,
    description = "Quality of a model on a corpus's held-out split, as the paper measures it: separation of mixtures of "
        + "two solos (SDR, SIR, SAR, NSDR, with the ideal binary mask as the ceiling), duets, pointing (energy peak in "
        + "the instrument's box) and recognition. The corpus is ingested first (into CORPUS/ingest) unless it has been.")
final class EvaluateCommand implements Callable<Integer> {
  @Option(names = "--corpus", required = true, paramLabel = "DIR", description = "A corpus with ground truth (manifest.csv, videos/, truth/).")
  Path corpus;

  @Option(names = "--model", paramLabel = "MODEL_DIR", description = "A trained model (default: the shipped one, pixelplayer.model.dir).")
  Path model;

  @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "test", description = "Manifest split to evaluate (default: ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--json", description = "Print one JSON object (CONTRACT.md's metric keys) instead of text.")
  boolean json;

  @Option(names = "--record", description = "Record the figures in MODEL_DIR/" + ModelManifest.FILE + " (replacing an earlier evaluation of this corpus and split).")
  boolean record;

  @Mixin
  DeviceOption device;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master for reading the corpus (default: pixelplayer.spark.master).")
  String master;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() throws Exception {
    PixelPlayerConf conf = common.conf();
    CorpusTruth truth = new CorpusTruth(corpus);
    Path modelDir = model != null ? model : conf.getPath("pixelplayer.model.dir");
    List<TrainingClip> solos;
    List<TrainingClip> duets;
    try (SparkSession spark = SparkSessions.create("pixelplayer evaluate", conf, master)) {
      String cache = TrainingCache.ingested(spark, conf, corpus).toString();
      solos = TrainingCache.load(spark, cache, split, "solo");
      duets = TrainingCache.load(spark, cache, split, "duet");
    }
    if (solos.isEmpty() && duets.isEmpty()) {
      throw new IllegalArgumentException("no clips of split '" + split + "' in " + corpus);
    }
    List<EvaluationClip> soloClips = new ArrayList<>();
    for (TrainingClip clip : solos) soloClips.add(truth.of(clip));
    List<EvaluationClip> duetClips = new ArrayList<>();
    for (TrainingClip clip : duets) duetClips.add(truth.of(clip));

    EvaluationReport report;
    try (PixelPlayerModel loaded = PixelPlayerModel.load(modelDir, device.device())) {
      System.err.println("evaluate: model " + loaded.version() + " from " + modelDir + " on " + loaded.device() + "; "
          + soloClips.size() + " solo and " + duetClips.size() + " duet clips of split " + split);
      Evaluation.Settings settings = new Evaluation.Settings(conf.getLong("pixelplayer.evaluate.seed"), conf.getInt("pixelplayer.evaluate.batch"));
      report = new Evaluation(loaded, settings).run(soloClips, duetClips, System.err);
      if (record) {
        Path description = corpus.resolve(SynthJob.DESCRIPTION);
        JsonObject corpusJson = Files.exists(description) ? ModelManifest.describe(description) : new JsonObject();
        corpusJson.addProperty("path", corpus.toAbsolutePath().normalize().getFileName().toString());
        System.err.println("evaluate: recorded in " + ModelManifest.record(loaded, corpusJson, split, report.toJson()));
      }
    }
    PrintWriter stdout = common.out();
    stdout.println(json ? report.toJsonString() : report.toText());
    stdout.flush();
    return 0;
  }
}
