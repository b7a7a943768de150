package io.pixelplayer.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every verb's failure paths as a user sees them, in a JVM of its own (Spark's and FFmpeg's logs
 * included): exit 1 for a failed job, 2 for a usage error, and exactly one line on stderr that
 * names the verb and what went wrong, nothing on stdout, no stack trace.
 */
@Tag("slow")
class VerbFailuresTest {
  private static final Path ROOT = Path.of(System.getProperty("pixelplayer.root"));

  @TempDir static Path dir;

  @BeforeAll
  static void fixtures() throws Exception {
    Files.writeString(dir.resolve("a-file"), "a file where a folder is expected");
    Files.copy(ROOT.resolve("samples/videos/solo-0012.mp4"), dir.resolve("video.mp4"));
    // A warehouse whose videos table's metadata is not Iceberg's.
    Files.createDirectories(dir.resolve("corrupt/videos/metadata"));
    Files.writeString(dir.resolve("corrupt/videos/metadata/version-hint.text"), "1");
    Files.writeString(dir.resolve("corrupt/videos/metadata/v1.metadata.json"), "not metadata");
    // A warehouse of the earlier layout (Parquet folders per run).
    Files.createDirectories(dir.resolve("earlier/_runs"));
    Files.writeString(dir.resolve("earlier/_runs/run-1.properties"), "run_id=run-1\nkind=full\n");
    Files.createDirectories(dir.resolve("empty-corpus"));
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        failure(
            1,
            "index: failed: cannot write to the warehouse",
            "index",
            "--input",
            "video.mp4",
            "--warehouse",
            "a-file/wh"),
        failure(
            1,
            "nightly: failed: no such file or folder",
            "nightly",
            "--input",
            "missing",
            "--warehouse",
            "wh"),
        failure(
            1,
            "ingest: failed: cannot write to --out",
            "ingest",
            "--input",
            "video.mp4",
            "--out",
            "a-file/out"),
        failure(
            1,
            "ingest: failed: cannot write to --out",
            "ingest",
            "--input",
            "video.mp4",
            "--out",
            "a-file"),
        failure(
            1, "sql: failed: no committed index run", "sql", "--warehouse", "missing", "SELECT 1"),
        failure(1, "sql: failed:", "sql", "--warehouse", "corrupt", "SELECT * FROM videos"),
        failure(
            1,
            "sql: failed: warehouse file:",
            "sql",
            "--warehouse",
            "earlier",
            "SELECT * FROM videos"),
        failure(
            1,
            "nightly: failed: warehouse file:",
            "nightly",
            "--input",
            "video.mp4",
            "--warehouse",
            "earlier"),
        failure(
            1,
            "query: failed: no committed index run",
            "query",
            "--warehouse",
            "a-file",
            "--instrument",
            "cello"),
        failure(
            2,
            "query: unknown instrument",
            "query",
            "--warehouse",
            "corrupt",
            "--instrument",
            "kazoo"),
        failure(
            2,
            "remix: --out",
            "remix",
            "--video",
            "video.mp4",
            "--out",
            "a-file/x.wav",
            "--gain",
            "cello=3"),
        failure(
            2,
            "remix: --video",
            "remix",
            "--video",
            "missing.mp4",
            "--out",
            "x.wav",
            "--gain",
            "cello=3"),
        failure(
            2,
            "index: no trained model",
            "index",
            "--input",
            "video.mp4",
            "--warehouse",
            "wh",
            "--model",
            "missing"),
        failure(
            2,
            "index: unknown setting",
            "index",
            "--input",
            "video.mp4",
            "--warehouse",
            "wh",
            "--conf",
            "no.such=1"),
        failure(
            2,
            "index: Unknown option",
            "index",
            "--input",
            "video.mp4",
            "--warehouse",
            "wh",
            "--bogus"),
        failure(2, "synth: ", "synth", "--out", "corpus", "--soundfont", "a-file"),
        failure(2, "synth: art directory", "synth", "--out", "corpus", "--art", "missing"),
        failure(2, "train: corpus", "train", "--corpus", "missing", "--out", "model"),
        failure(
            1, "train: failed: no videos", "train", "--corpus", "empty-corpus", "--out", "model"),
        failure(2, "evaluate: no ground truth", "evaluate", "--corpus", "empty-corpus"));
  }

  private static Arguments failure(int exitCode, String message, String... args) {
    return Arguments.of(exitCode, message, List.of(args));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("failures")
  void failsInOneLine(int exitCode, String message, List<String> args) throws Exception {
    CliProcess.Result run =
        CliProcess.run(dir, List.of(), Duration.ofMinutes(2), args.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.tail()).isEqualTo(exitCode);
    assertThat(run.errLines())
        .as(run.tail())
        .singleElement()
        .asString()
        .startsWith("pixelplayer " + message)
        .doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
  }
}
