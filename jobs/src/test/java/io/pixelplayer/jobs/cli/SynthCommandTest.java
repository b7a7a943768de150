package io.pixelplayer.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Each bad argument of {@code synth} is one clear line and exit code 2. */
class SynthCommandTest {
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = PixelPlayerCli.commandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private String error() {
    String text = err.toString().strip();
    assertThat(text.lines()).hasSize(1);
    return text;
  }

  @Test
  void unknownInstrumentIsNamed(@TempDir Path dir) {
    assertThat(run("synth", "--out", dir.toString(), "--instruments", "cello,kazoo")).isEqualTo(2);
    assertThat(error())
        .startsWith("pixelplayer synth: unknown instrument(s) kazoo (known: accordion,");
  }

  @Test
  void artFolderMissingPicturesNamesThemAll(@TempDir Path dir) throws Exception {
    Path art = Files.createDirectories(dir.resolve("art"));
    assertThat(
            run(
                "synth",
                "--out",
                dir.resolve("c").toString(),
                "--art",
                art.toString(),
                "--instruments",
                "cello,tuba"))
        .isEqualTo(2);
    assertThat(error()).contains("cello.png").contains("tuba.png").contains("--instruments");
  }

  @Test
  void compressedOrFakeSoundFontsAreRefused(@TempDir Path dir) throws Exception {
    Path sf3 = Files.write(dir.resolve("x.sf3"), new byte[64]);
    assertThat(run("synth", "--out", dir.resolve("c").toString(), "--soundfont", sf3.toString()))
        .isEqualTo(2);
    assertThat(error()).contains("x.sf3");
    err.getBuffer().setLength(0);
    Path text = Files.writeString(dir.resolve("notes.sf2"), "not a soundfont");
    assertThat(run("synth", "--out", dir.resolve("c").toString(), "--soundfont", text.toString()))
        .isEqualTo(2);
    assertThat(error()).contains("notes.sf2").contains("not a SoundFont");
    err.getBuffer().setLength(0);
    assertThat(
            run(
                "synth",
                "--out",
                dir.resolve("c").toString(),
                "--soundfont",
                dir.resolve("missing.sf2").toString()))
        .isEqualTo(2);
    assertThat(error()).contains("missing.sf2");
  }

  @Test
  void unknownArtStyleIsNamed(@TempDir Path dir) {
    assertThat(run("synth", "--out", dir.toString(), "--art-style", "crayon")).isEqualTo(2);
    assertThat(error()).contains("crayon").contains("noto").contains("twemoji");
  }

  @Test
  void countsAndLengthsAreChecked(@TempDir Path dir) {
    assertThat(run("synth", "--out", dir.toString(), "--solos", "0", "--duets", "0")).isEqualTo(2);
    assertThat(error()).contains("need at least one video");
    err.getBuffer().setLength(0);
    assertThat(run("synth", "--out", dir.toString(), "--seconds", "0")).isEqualTo(2);
    assertThat(error()).contains("--seconds 0.0 not in 1..600");
    err.getBuffer().setLength(0);
    assertThat(run("synth", "--solos", "1")).isEqualTo(2);
    assertThat(error()).contains("--out DIR is required");
  }
}
