package io.pixelplayer.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixelplayer.model.infer.StoredClip;
import io.pixelplayer.model.train.TrainingRecipe;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code train} end to end on a copy of samples/: ingest, two steps, then two more resumed. */
class TrainCommandTest {

  @Test
  void trainsOnACorpusAndResumes(@TempDir Path dir) throws Exception {
    Path corpus =
        TestFiles.copy(
            Path.of(System.getProperty("pixelplayer.root"), "samples"), dir.resolve("corpus"));
    Path model = dir.resolve("model");
    StringWriter out = new StringWriter();
    assertThat(
            run(
                out,
                "train",
                "--corpus",
                corpus.toString(),
                "--out",
                model.toString(),
                "--steps",
                "2",
                "--batch",
                "2",
                "--master",
                "local[2]"))
        .as(out::toString)
        .isZero();
    assertThat(out.toString()).contains("trained steps 0..2");
    assertThat(corpus.resolve("ingest/clips/_SUCCESS")).exists();
    assertThat(model.resolve("pixelplayer-0000.params")).isNotEmptyFile();
    assertThat(
            run(
                out,
                "train",
                "--corpus",
                corpus.toString(),
                "--out",
                model.toString(),
                "--steps",
                "4",
                "--batch",
                "2",
                "--master",
                "local[2]",
                "--resume",
                "--conf",
                "pixelplayer.train.colourDb=4"))
        .as(out::toString)
        .isZero();
    assertThat(out.toString()).contains("trained steps 2..4");
    List<String> curve = Files.readAllLines(model.resolve("training-curve.csv"));
    assertThat(curve).hasSize(1 + 4);
    // Each run's settings, the options folded in: the resumed run is a run of its own.
    List<Map<String, String>> runs = TrainingRecipe.read(model);
    assertThat(runs).hasSize(2);
    assertThat(runs.get(0))
        .containsEntry("pixelplayer.train.steps", "2")
        .containsEntry("pixelplayer.train.batch", "2")
        .containsEntry("pixelplayer.train.colourDb", "0")
        .containsEntry("pixelplayer.model.scale", "cpu")
        .containsEntry("resumed", "false")
        .containsEntry("corpora", corpus.toString());
    assertThat(runs.get(1))
        .containsEntry("pixelplayer.train.steps", "4")
        .containsEntry("pixelplayer.train.colourDb", "4")
        .containsEntry("resumed", "true");
  }

  @Test
  void refusesACorpusMadeWithAssetsKeptForEvaluation(@TempDir Path dir) throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("twemoji"));
    Files.writeString(
        corpus.resolve("corpus.properties"),
        "reserved_for_evaluation=true\nreserved_assets=TimGM6mb.sf2,twemoji\n");
    StringWriter out = new StringWriter();
    assertThat(
            run(
                out,
                "train",
                "--corpus",
                corpus.toString(),
                "--out",
                dir.resolve("model").toString()))
        .isEqualTo(2);
    assertThat(out.toString().strip())
        .isEqualTo(
            "pixelplayer train: corpus "
                + corpus
                + " was made with TimGM6mb.sf2,twemoji, kept for "
                + "evaluation: a model must not train on it (render one with other SoundFonts and art styles)");
    assertThat(dir.resolve("model")).doesNotExist();
  }

  @Test
  void videosOfDifferentCorporaAreNeverTakenForOne() {
    StoredClip clip =
        new StoredClip(
            "solo-0001",
            List.of("cello"),
            11025,
            new float[4],
            4,
            0,
            new double[] {0},
            List.of(new byte[1]));
    assertThat(TrainCommand.ofCorpus(0, List.of(clip))).singleElement().isSameAs(clip);
    assertThat(TrainCommand.ofCorpus(1, List.of(clip)))
        .singleElement()
        .satisfies(
            second -> {
              assertThat(second.videoId()).isEqualTo("2/solo-0001");
              assertThat(second.instruments()).isEqualTo(clip.instruments());
              assertThat(second.audio()).isSameAs(clip.audio());
            });
  }

  private static int run(StringWriter out, String... args) {
    CommandLine cli = PixelPlayerCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    if (code != 0) out.write(err.toString()); // the reason shows in the failed assertion
    return code;
  }
}
