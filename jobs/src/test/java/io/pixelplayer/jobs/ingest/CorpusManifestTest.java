package io.pixelplayer.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusManifestTest {

  @Test
  void foundBesideTheVideosFolderOfACorpus(@TempDir Path corpus) throws Exception {
    Files.createDirectories(corpus.resolve("videos"));
    Files.writeString(
        corpus.resolve("manifest.csv"),
        """
        video_id,path,split,kind,instruments,seconds
        s001,videos/s001.mp4,train,solo,cello,6.0
        d001,videos/d001.mp4,test,duet,violin;flute,6.0
        """);
    CorpusManifest manifest =
        CorpusManifest.find(corpus.resolve("videos").toString(), new Configuration());
    assertThat(manifest.size()).isEqualTo(2);
    assertThat(manifest.entry("d001"))
        .contains(new CorpusManifest.Entry("test", "duet", List.of("violin", "flute")));
    assertThat(CorpusManifest.find(corpus.toString(), new Configuration()).entry("s001"))
        .isPresent();
  }

  @Test
  void noManifestMeansNoLabels(@TempDir Path dir) throws Exception {
    assertThat(CorpusManifest.find(dir.toString(), new Configuration()).size()).isZero();
  }

  @Test
  void malformedManifestSaysWhere(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("manifest.csv"), "video_id,path,split,kind,instruments,seconds\ns1,x,train\n");
    assertThatThrownBy(() -> CorpusManifest.find(dir.toString(), new Configuration()))
        .hasMessageContaining("line 2: expected 6 columns, got 3");
  }
}
