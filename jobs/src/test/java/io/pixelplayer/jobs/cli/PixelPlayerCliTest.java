package io.pixelplayer.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PixelPlayerCliTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = PixelPlayerCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void everyVerbOfTheContractHasHelp() {
    for (String verb :
        new String[] {
          "demo",
          "synth",
          "ingest",
          "train",
          "evaluate",
          "index",
          "nightly",
          "query",
          "sql",
          "remix",
          "report",
          "bench"
        }) {
      assertThat(run(verb, "--help")).as(verb).isZero();
      assertThat(out.toString()).contains("Usage: pixelplayer " + verb);
    }
  }

  @Test
  void verbsStillToComeSaySoAndExitTwo() {
    assertThat(run("report", "--warehouse", "x")).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("pixelplayer report: not implemented yet" + System.lineSeparator());
  }

  @Test
  void usageErrorsAreOneLineAndExitTwo() {
    assertThat(run("ingest", "--out", "x")).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("pixelplayer ingest: Missing required option: '--input=URI' (see --help)");
    assertThat(err.toString().strip().lines()).hasSize(1);
  }

  @Test
  void anUnknownBenchmarkOrPartitioningIsAUsageError() {
    assertThat(run("bench", "speed")).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("pixelplayer bench: no benchmark speed (benchmarks: warehouse, index)");
    err.getBuffer().setLength(0);
    assertThat(run("bench", "--conf", "pixelplayer.warehouse.partitioning=by-colour")).isEqualTo(2);
    assertThat(err.toString().strip())
        .startsWith(
            "pixelplayer bench: setting pixelplayer.warehouse.partitioning=by-colour must be")
        .doesNotContain("\n");
  }

  @Test
  void unknownSettingIsAUsageError() {
    assertThat(run("ingest", "--input", "x", "--out", "y", "--conf", "pixelplayer.nope=1"))
        .isEqualTo(2);
    assertThat(err.toString().strip())
        .startsWith("pixelplayer ingest: unknown setting 'pixelplayer.nope'")
        .doesNotContain("\n");
  }

  @Test
  void aFailedJobIsOneLineAndExitsOne(@TempDir Path dir) {
    assertThat(
            run(
                "ingest",
                "--input",
                dir.resolve("missing").toString(),
                "--out",
                dir.resolve("out").toString()))
        .isEqualTo(1);
    assertThat(err.toString().strip())
        .matches("pixelplayer ingest: failed: no such file or folder: .*missing");
  }
}
