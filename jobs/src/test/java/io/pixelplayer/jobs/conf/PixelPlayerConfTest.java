package io.pixelplayer.jobs.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PixelPlayerConfTest {

  @Test
  void defaultsComeFromTheDocumentedFile() {
    PixelPlayerConf conf = PixelPlayerConf.defaults();
    assertThat(conf.getInt("pixelplayer.audio.sampleRate")).isEqualTo(11025);
    assertThat(conf.getInt("pixelplayer.audio.clipSamples")).isEqualTo(65535);
    assertThat(conf.getList("pixelplayer.ingest.extensions")).contains("mp4", "mov", "mkv");
  }

  @Test
  void everyDefaultIsDocumentedByACommentAbove() throws Exception {
    List<String> lines =
        Files.readAllLines(
            Path.of(System.getProperty("pixelplayer.root"), "conf", "pixelplayer.properties"));
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.isBlank() && !line.startsWith("#")) {
        int j = i - 1;
        while (j >= 0 && !lines.get(j).startsWith("#") && !lines.get(j).isBlank()) {
          j--; // consecutive keys may share one comment (e.g. width and height)
        }
        assertThat(j).as("comment above '%s'", line).isGreaterThanOrEqualTo(0);
        assertThat(lines.get(j)).as("comment above '%s'", line).startsWith("#");
      }
    }
  }

  @Test
  void userFileOverridesDefaultsAndCommandLineOverridesTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("my.properties");
    Files.writeString(
        file, "pixelplayer.ingest.jpegQuality=70\npixelplayer.ingest.framesPerSecond=4\n");
    PixelPlayerConf conf =
        PixelPlayerConf.load(file, List.of("pixelplayer.ingest.framesPerSecond=2"));
    assertThat(conf.getInt("pixelplayer.ingest.jpegQuality")).isEqualTo(70);
    assertThat(conf.getDouble("pixelplayer.ingest.framesPerSecond")).isEqualTo(2.0);
    assertThat(conf.getInt("pixelplayer.audio.sampleRate")).isEqualTo(11025);
    assertThat(conf.under("pixelplayer.ingest."))
        .containsEntry("pixelplayer.ingest.jpegQuality", "70")
        .containsEntry("pixelplayer.ingest.framesPerSecond", "2")
        .allSatisfy((key, value) -> assertThat(key).startsWith("pixelplayer.ingest."));
  }

  @Test
  void sparkKeysPassThroughAndUnknownKeysAreRefused() {
    PixelPlayerConf conf = PixelPlayerConf.load(null, List.of("spark.executor.memory=8g"));
    assertThat(conf.sparkSettings()).containsEntry("spark.executor.memory", "8g");
    assertThatThrownBy(() -> PixelPlayerConf.load(null, List.of("pixelplayer.ingest.fps=3")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown setting 'pixelplayer.ingest.fps'");
    assertThatThrownBy(() -> PixelPlayerConf.load(null, List.of("novalue")))
        .hasMessageContaining("key=value");
  }

  @Test
  void badValuesSayWhichSetting() {
    PixelPlayerConf conf =
        PixelPlayerConf.load(null, List.of("pixelplayer.ingest.jpegQuality=high"));
    assertThatThrownBy(() -> conf.getInt("pixelplayer.ingest.jpegQuality"))
        .hasMessage("setting pixelplayer.ingest.jpegQuality=high is not a whole number");
  }
}
