package io.pixelplayer.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixelplayer.jobs.ingest.ClipReader;
import io.pixelplayer.jobs.ingest.ClipSpec;
import io.pixelplayer.udf.SampledAudio;
import io.pixelplayer.udf.Wav;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * remix from the command line: by name, by click (the same as naming what was clicked), to WAV and
 * to MP4.
 */
class RemixCommandTest {
  private static final Path ROOT = Path.of(System.getProperty("pixelplayer.root"));
  private static final Path DUET = ROOT.resolve("samples/videos/duet-0003.mp4");

  @Test
  void aClickChangesTheInstrumentUnderIt(@TempDir Path dir) throws Exception {
    StringWriter out = new StringWriter();
    Path clicked = dir.resolve("clicked.wav");
    assertThat(
            run(
                out,
                "remix",
                "--video",
                DUET.toString(),
                "--out",
                clicked.toString(),
                "--click",
                "0.3,0.5",
                "--gain",
                "-10",
                "--device",
                "cpu"))
        .isZero();
    Matcher picked =
        Pattern.compile("clicked \\(0\\.30, 0\\.50\\): (\\w+)").matcher(out.toString());
    assertThat(picked.find()).as(out.toString()).isTrue();

    Path named = dir.resolve("named.wav");
    assertThat(
            run(
                new StringWriter(),
                "remix",
                "--video",
                DUET.toString(),
                "--out",
                named.toString(),
                "--gain",
                picked.group(1) + "=-10",
                "--device",
                "cpu"))
        .isZero();
    SampledAudio byClick = Wav.read(clicked);
    SampledAudio byName = Wav.read(named);
    assertThat(byClick.sampleRate()).isEqualTo(11025);
    assertThat(byClick.samples()).containsExactly(byName.samples());
  }

  @Test
  void writesTheVideoWithItsNewSoundWhateverTheNames(@TempDir Path dir) throws Exception {
    Path video =
        Files.copy(
            DUET,
            Files.createDirectories(dir.resolve("in \"put\" #1"))
                .resolve("what? [draft] 50%20 $(x).mp4"));
    Path model = Files.createDirectories(dir.resolve("mo del [v2] 100%"));
    try (var files = Files.list(ROOT.resolve("model-store/model"))) {
      for (Path file : files.toList()) Files.copy(file, model.resolve(file.getFileName()));
    }
    Path mp4 = Files.createDirectories(dir.resolve("out: #2")).resolve("soft?er \"チェロ\".mp4");
    StringWriter out = new StringWriter();
    assertThat(
            run(
                out,
                "remix",
                "--video",
                video.toString(),
                "--out",
                mp4.toString(),
                "--gain",
                "drum=-20",
                "--model",
                model.toString(),
                "--device",
                "cpu"))
        .isZero();
    assertThat(out.toString()).contains("wrote " + mp4, "drum -20.0 dB");
    ClipSpec spec = new ClipSpec(11025, 11025, 11025, 8, 64, 64, 80, -60, 0.5, 60);
    try (ClipReader reader = new ClipReader(mp4.toString(), spec)) {
      while (reader.hasNext()) reader.next();
      assertThat(reader.decodedSeconds()).isBetween(5.8, 6.2);
      assertThat(reader.info().width()).isEqualTo(320);
      assertThat(reader.framesKept()).isGreaterThan(40);
    }
  }

  @Test
  void refusesBadGainsInOneLine(@TempDir Path dir) {
    for (String[] args :
        new String[][] {
          {"--gain", "kazoo=3"},
          {"--gain", "drum=loud"},
          {"--gain", "3"},
          {"--click", "2,0.5", "--gain", "3"},
          {"--click", "0.5,0.5", "--gain", "drum=3", "--gain", "3"}
        }) {
      StringWriter err = new StringWriter();
      CommandLine cli = PixelPlayerCli.commandLine();
      cli.setOut(new PrintWriter(new StringWriter(), true));
      cli.setErr(new PrintWriter(err, true));
      List<String> line =
          new ArrayList<>(
              List.of(
                  "remix", "--video", DUET.toString(), "--out", dir.resolve("x.wav").toString()));
      line.addAll(List.of(args));
      assertThat(cli.execute(line.toArray(String[]::new))).as(String.join(" ", args)).isEqualTo(2);
      assertThat(err.toString().strip()).as(String.join(" ", args)).doesNotContain("\n");
    }
  }

  private static int run(StringWriter out, String... args) {
    CommandLine cli = PixelPlayerCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    return cli.execute(args);
  }
}
