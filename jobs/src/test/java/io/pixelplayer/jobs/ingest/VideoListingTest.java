package io.pixelplayer.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pixelplayer.jobs.fs.FileUris;
import io.pixelplayer.jobs.ingest.VideoListing.VideoFile;
import java.io.FileNotFoundException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoListingTest {

  @Test
  void listsVideosRecursivelyLargestFirstWithUniqueIds(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("a"));
    Files.createDirectories(dir.resolve("b"));
    Files.write(dir.resolve("a/clip.mp4"), new byte[10]);
    Files.write(dir.resolve("b/clip.MP4"), new byte[30]);
    Files.write(dir.resolve("b/other.mkv"), new byte[20]);
    Files.write(dir.resolve("notes.txt"), new byte[99]);

    List<VideoFile> videos =
        VideoListing.list(dir.toString(), Set.of("mp4", "mkv"), new Configuration());

    assertThat(videos).extracting(VideoFile::sizeBytes).containsExactly(30L, 20L, 10L);
    assertThat(videos).extracting(VideoFile::videoId).doesNotHaveDuplicates();
    assertThat(videos.get(1).videoId()).isEqualTo("other");
    assertThat(videos.get(0).videoId()).startsWith("clip-");
    assertThat(videos).allSatisfy(v -> assertThat(v.uri()).startsWith("file:"));
  }

  @Test
  void aFileIsItsOwnListingAndAMissingPathSaysSo(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve("one.mov"), new byte[5]);
    assertThat(
            VideoListing.list(
                dir.resolve("one.mov").toString(), Set.of("mp4"), new Configuration()))
        .extracting(VideoFile::videoId)
        .containsExactly("one");
    assertThatThrownBy(
            () ->
                VideoListing.list(
                    dir.resolve("none").toString(), Set.of("mp4"), new Configuration()))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("none");
  }

  @Test
  void anyNameGetsASafeDistinctIdAndAUriThatNamesTheFile(@TempDir Path dir) throws Exception {
    for (String name : HostileNames.ALL) Files.write(dir.resolve(name + ".mp4"), new byte[7]);
    Files.write(dir.resolve("good_one.mp4"), new byte[7]);
    Configuration hadoop = new Configuration();

    List<VideoFile> videos = VideoListing.list(dir.toString(), Set.of("mp4"), hadoop);

    assertThat(videos).hasSize(HostileNames.ALL.size() + 1);
    assertThat(videos)
        .extracting(VideoFile::videoId)
        .doesNotHaveDuplicates()
        .allSatisfy(id -> assertThat(id).matches("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*"))
        .contains("good_one");
    for (VideoFile video : videos) {
      Path file = Path.of(URI.create(video.uri()));
      assertThat(file).as(video.uri()).exists().hasParent(dir);
      assertThat(
              FileUris.path(video.uri()).getFileSystem(hadoop).exists(FileUris.path(video.uri())))
          .isTrue();
      assertThat(VideoListing.list(file.toString(), Set.of("mp4"), hadoop))
          .as("the file alone as input")
          .singleElement()
          .satisfies(alone -> assertThat(alone.uri()).isEqualTo(video.uri()));
    }
  }

  @Test
  void idsKeepSafeNamesInAnyScriptAndMarkAlteredOnes() {
    assertThat(VideoListing.videoId("solo-0012.mp4")).isEqualTo("solo-0012");
    assertThat(VideoListing.videoId("Виолончель_2.mkv")).isEqualTo("Виолончель_2");
    assertThat(VideoListing.videoId("good one.mp4")).matches("good_one-[0-9a-f]{8}");
    assertThat(VideoListing.videoId("good one.mp4"))
        .isNotEqualTo(VideoListing.videoId("good?one.mp4"));
    assertThat(VideoListing.videoId(".mp4")).matches("video-\\.mp4-[0-9a-f]{8}");
    assertThat(VideoListing.videoId("_x.mp4")).matches("video-_x-[0-9a-f]{8}");
  }

  @Test
  void balanceDealsLargestFirstIntoEvenGroups() {
    List<VideoFile> videos =
        List.of(video("a", 90), video("b", 60), video("c", 50), video("d", 40), video("e", 10));
    List<List<VideoFile>> groups = VideoListing.balance(videos, 2);
    assertThat(groups).hasSize(2);
    assertThat(groups.stream().mapToLong(g -> g.stream().mapToLong(VideoFile::sizeBytes).sum()))
        .containsExactlyInAnyOrder(130L, 120L);
    assertThat(VideoListing.balance(videos, 100))
        .hasSize(5)
        .allSatisfy(g -> assertThat(g).hasSize(1));
  }

  private static VideoFile video(String id, long size) {
    return new VideoFile(id, "file:/" + id, size, 0);
  }
}
