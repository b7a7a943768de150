package io.pixelplayer.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The shipped model, loaded offline, evaluated on the test split of samples/ (six solos, half of
 * them in the art style it never saw, and a duet; two clips each): a loose version of the quality
 * bar, which an untrained model fails.
 */
class EvaluateCommandTest {
  private static final Path ROOT = Path.of(System.getProperty("pixelplayer.root"));

  @Test
  void theShippedModelPassesTheLooseBarOnTheSamples(@TempDir Path dir) throws Exception {
    Path corpus = TestFiles.copy(ROOT.resolve("samples"), dir.resolve("corpus"));
    Path model = TestFiles.copy(ROOT.resolve("model-store/model"), dir.resolve("model"));
    StringWriter out = new StringWriter();
    assertThat(
            run(
                out,
                "evaluate",
                "--corpus",
                corpus.toString(),
                "--model",
                model.toString(),
                "--json",
                "--record",
                "--master",
                "local[2]"))
        .isZero();
    JsonObject metrics = JsonParser.parseString(out.toString().strip()).getAsJsonObject();

    assertThat(metrics.keySet())
        .contains(
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
    assertThat(metrics.get("classes").getAsInt()).isEqualTo(6);
    assertThat(metrics.get("clips").getAsInt()).isEqualTo(6 * 2 + 2);
    assertThat(metrics.get("nsdr").getAsDouble()).isGreaterThan(LOOSE_NSDR);
    assertThat(metrics.get("sir").getAsDouble()).isGreaterThan(LOOSE_SIR);
    // Pointing is not asserted: on 14 sources chance itself varies too much to tell a model that
    // has learnt from one
    // that has not (the shipped model points at 64 % here, 75 % on a held-out corpus:
    // model-store/model/manifest.json).
    assertThat(metrics.get("pointing_accuracy").getAsDouble()).isBetween(0.0, 1.0);
    assertThat(metrics.get("recognition_accuracy").getAsDouble())
        .isGreaterThanOrEqualTo(LOOSE_RECOGNITION);
    assertThat(metrics.get("ibm_sdr").getAsDouble())
        .isGreaterThan(metrics.get("sdr").getAsDouble());

    // --record wrote the figures into the model's manifest, under the version the model reports.
    JsonObject manifest =
        JsonParser.parseString(Files.readString(model.resolve("manifest.json"))).getAsJsonObject();
    assertThat(manifest.get("version").getAsString())
        .isEqualTo(metrics.get("model_version").getAsString());
    JsonObject recorded =
        manifest.getAsJsonArray("evaluations").asList().stream()
            .map(e -> e.getAsJsonObject())
            .filter(e -> e.getAsJsonObject("corpus").get("path").getAsString().equals("corpus"))
            .findFirst()
            .orElseThrow();
    assertThat(recorded.getAsJsonObject("metrics")).isEqualTo(metrics);

    // Several corpora: the mean of each metric, its spread and each corpus's figures (here the same
    // corpus twice).
    StringWriter twice = new StringWriter();
    assertThat(
            run(
                twice,
                "evaluate",
                "--corpus",
                corpus.toString(),
                "--corpus",
                corpus.toString(),
                "--model",
                model.toString(),
                "--json",
                "--master",
                "local[2]"))
        .isZero();
    JsonObject summary = JsonParser.parseString(twice.toString().strip()).getAsJsonObject();
    for (String metric : List.of("nsdr", "sir", "pointing_accuracy", "recognition_accuracy")) {
      assertThat(summary.get(metric)).as(metric).isEqualTo(metrics.get(metric));
      assertThat(summary.getAsJsonObject("spread").get(metric).getAsDouble()).as(metric).isZero();
    }
    assertThat(summary.get("clips").getAsInt()).isEqualTo(2 * metrics.get("clips").getAsInt());
    assertThat(summary.get("n_corpora").getAsInt()).isEqualTo(2);
    assertThat(summary.getAsJsonArray("corpora")).hasSize(2);
  }

  // The shipped model reaches NSDR 3.4 dB, SIR 8.5 dB, recognition 100 % here (half the art
  // unseen); an untrained
  // one about 0 dB, 0 dB and 1 in 21.
  private static final double LOOSE_NSDR = 1.5;
  private static final double LOOSE_SIR = 5;
  private static final double LOOSE_RECOGNITION = 0.6;

  private static int run(StringWriter out, String... args) {
    CommandLine cli = PixelPlayerCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    return cli.execute(args);
  }
}
