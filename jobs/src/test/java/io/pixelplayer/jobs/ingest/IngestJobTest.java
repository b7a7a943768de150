package io.pixelplayer.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.spark.SparkSessions;
import io.pixelplayer.jobs.train.TrainingCache;
import io.pixelplayer.model.infer.StoredClip;
import io.pixelplayer.udf.Pcm16;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest job end to end on local Spark: good videos become clips, every bad file one failure
 * row.
 */
class IngestJobTest {
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = SparkSessions.create("ingest-test", PixelPlayerConf.defaults(), "local[2]");
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void goodVideosBecomeClipsAndEachBadFileGetsOneFailureRow(@TempDir Path dir) throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Path nested = Files.createDirectories(in.resolve("nested"));
    Path a = TestVideos.good(in, "a.mp4", 7, 320, 240, 25, 440);
    Path b = TestVideos.good(nested, "b.mp4", 7, 352, 288, 30, 660);
    Path cutShort = TestVideos.faststartCutShort(in, 7, 0.5);
    Map<Path, String> bad =
        Map.of(
            TestVideos.empty(in),
            "open",
            TestVideos.randomBytes(in),
            "open",
            TestVideos.textFile(in),
            "open",
            TestVideos.truncatedWithoutMoov(in),
            "open",
            TestVideos.noAudio(in, 3),
            "probe",
            TestVideos.audioOnly(in, 3),
            "probe",
            TestVideos.silentAudio(in, 7),
            "audio",
            cutShort,
            "decode");
    Files.writeString(in.resolve("notes.txt"), "not a video, and not named like one: skipped");
    Files.writeString(
        in.resolve("manifest.csv"),
        "video_id,path,split,kind,instruments,seconds\na,a.mp4,train,solo,cello,7\n");
    Path out = dir.resolve("out");

    IngestSettings settings = IngestSettings.from(PixelPlayerConf.defaults());
    IngestJob.Result result =
        IngestJob.run(spark, settings, in.toString(), out.toString(), 60, null);

    // Failures: exactly one row per bad file, with the stage that caught it; none for the good
    // ones.
    Dataset<Row> failures = spark.read().parquet(out.resolve("failures").toString());
    Map<String, List<String>> stages =
        failures.collectAsList().stream()
            .collect(
                Collectors.groupingBy(
                    r -> Path.of(java.net.URI.create(r.getString(0))).getFileName().toString(),
                    Collectors.mapping(r -> r.getString(1), Collectors.toList())));
    bad.forEach(
        (file, stage) ->
            assertThat(stages.get(file.getFileName().toString()))
                .as(file.toString())
                .containsExactly(stage));
    assertThat(stages).hasSize(bad.size());
    assertThat(failures.collectAsList())
        .allSatisfy(r -> assertThat(r.getString(2)).isNotBlank().doesNotContain("\n"));
    assertThat(result.failures()).hasSize(bad.size());

    // Clips: 7 s at 11025 Hz is 77175 samples: windows at 0 (full) and 32768 (68 % decoded,
    // padded).
    Dataset<Row> clips = spark.read().parquet(out.resolve("clips").toString());
    assertThat(clips.schema().fieldNames()).containsExactly(ClipRows.SCHEMA.fieldNames());
    List<Row> clipsOfA = clips.where("video_id = 'a'").orderBy("clip_index").collectAsList();
    assertThat(clipsOfA).hasSize(2);
    Row first = clipsOfA.get(0);
    assertThat(first.<String>getAs("clip_id")).isEqualTo("a#0");
    assertThat(first.<String>getAs("uri")).isEqualTo(a.toUri().toString());
    assertThat(first.<Double>getAs("end_s")).isCloseTo(65535 / 11025.0, within(1e-9));
    assertThat(Pcm16.decode(first.getAs("audio"))).hasSize(65535);
    assertThat(first.<Boolean>getAs("silent")).isFalse();
    assertThat(first.<String>getAs("split")).isEqualTo("train");
    assertThat(first.getList(first.fieldIndex("instruments"))).containsExactly("cello");
    List<byte[]> frames = first.getList(first.fieldIndex("frames"));
    assertThat(frames).hasSizeBetween(46, 49);
    BufferedImage frame = ImageIO.read(new ByteArrayInputStream(frames.get(0)));
    assertThat(frame.getWidth()).isEqualTo(224);
    assertThat(frame.getHeight()).isEqualTo(224);
    assertThat(clips.where("video_id = 'b'").count()).isEqualTo(2);
    assertThat(clips.where("video_id = 'b'").first().<String>getAs("split")).isNull();
    assertThat(clips.where("silent").count())
        .as("the silent video is lost: none of its clips")
        .isZero();

    // Videos: the ones indexed, with their decoded (not claimed) length; the one cut short is also
    // a failure, the
    // silent one only a failure: videos and failures account for every file once, both only for the
    // partial one.
    Map<String, Row> videos =
        spark.read().parquet(out.resolve("videos").toString()).collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getString(0), r -> r));
    Set<String> indexedUris =
        videos.values().stream().map(r -> r.<String>getAs("uri")).collect(Collectors.toSet());
    Set<String> failedUris =
        failures.collectAsList().stream().map(r -> r.getString(0)).collect(Collectors.toSet());
    Set<String> inputs = new HashSet<>(List.of(a.toUri().toString(), b.toUri().toString()));
    bad.keySet().forEach(file -> inputs.add(file.toUri().toString()));
    assertThat(union(indexedUris, failedUris)).containsExactlyInAnyOrderElementsOf(inputs);
    assertThat(intersection(indexedUris, failedUris)).containsExactly(cutShort.toUri().toString());
    assertThat(videos.get("a").<Double>getAs("duration_s")).isCloseTo(7.0, within(0.1));
    assertThat(videos.get("b").<Integer>getAs("width")).isEqualTo(352);
    assertThat(result.videosFound()).isEqualTo(2 + bad.size());
    assertThat(result.clips()).isEqualTo(clips.count());
  }

  /** A file system whose listings work and whose reads cannot reach the storage behind it. */
  public static final class UnreachableReads extends RawLocalFileSystem {
    @Override
    public URI getUri() {
      return URI.create("unreachable:///");
    }

    @Override
    public FileStatus[] listStatus(org.apache.hadoop.fs.Path f) throws IOException {
      return Arrays.stream(super.listStatus(f))
          .map(UnreachableReads::plain)
          .toArray(FileStatus[]::new);
    }

    @Override
    public FileStatus getFileStatus(org.apache.hadoop.fs.Path f) throws IOException {
      return plain(super.getFileStatus(f));
    }

    /** Without the local permissions, which Hadoop reads through a file: URI. */
    private static FileStatus plain(FileStatus s) {
      return new FileStatus(
          s.getLen(), s.isDirectory(), 1, s.getBlockSize(), s.getModificationTime(), s.getPath());
    }

    @Override
    public FSDataInputStream open(org.apache.hadoop.fs.Path f, int bufferSize) throws IOException {
      throw new IOException("open " + f, new ConnectException("Connection refused"));
    }
  }

  @Test
  void aStorageThatCannotBeReachedFailsTheJobInOneLineInsteadOfRecordingFailures(@TempDir Path dir)
      throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    TestVideos.good(in, "a.mp4", 3, 160, 120, 25, 440);
    spark
        .sparkContext()
        .hadoopConfiguration()
        .set("fs.unreachable.impl", UnreachableReads.class.getName());
    spark
        .sparkContext()
        .hadoopConfiguration()
        .setBoolean("fs.unreachable.impl.disable.cache", true);
    Path out = dir.resolve("out");

    assertThatThrownBy(
            () ->
                IngestJob.run(
                    spark,
                    IngestSettings.from(PixelPlayerConf.defaults()),
                    "unreachable://" + in,
                    out.toString(),
                    60,
                    null))
        .satisfies(
            e ->
                assertThat(
                        java.util.stream.Stream.iterate(
                                e, java.util.Objects::nonNull, Throwable::getCause)
                            .map(Throwable::getMessage))
                    .anyMatch(
                        m ->
                            m != null
                                && m.startsWith("cannot reach the storage of unreachable:")
                                && m.contains("ConnectException: Connection refused")
                                && m.endsWith("run it again when the storage answers")));
    assertThat(out.resolve("failures")).doesNotExist();
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }

  private static Set<String> intersection(Set<String> a, Set<String> b) {
    Set<String> both = new HashSet<>(a);
    both.retainAll(b);
    return both;
  }

  @Test
  void theCommittedSamplesIngestWithTheirLabels(@TempDir Path dir) throws Exception {
    Path samples = Path.of(System.getProperty("pixelplayer.root"), "samples");
    IngestJob.Result result =
        IngestJob.run(
            spark,
            IngestSettings.from(PixelPlayerConf.defaults()),
            samples.toString(),
            dir.resolve("out").toString(),
            60,
            null);
    assertThat(result.failures()).isEmpty();
    assertThat(result.videosIngested()).isEqualTo(16);
    Dataset<Row> clips = spark.read().parquet(dir.resolve("out/clips").toString());
    assertThat(clips.where("split IS NULL OR instruments IS NULL").count()).isZero();
    assertThat(
            clips
                .where("kind = 'duet' AND size(instruments) = 2")
                .select("video_id")
                .distinct()
                .count())
        .isEqualTo(4);
    assertThat(clips.where("silent").count()).isZero();

    // The training cache: the train split's solos, as the trainer sees them.
    List<StoredClip> training =
        TrainingCache.load(spark, dir.resolve("out").toString(), "train", "solo");
    assertThat(training).hasSize(12); // 6 training solos of 6 s: 2 clips each
    assertThat(training)
        .allSatisfy(
            clip -> {
              assertThat(clip.instruments()).hasSize(1);
              assertThat(clip.audio()).hasSize(65535);
              assertThat(clip.framesJpeg()).hasSameSizeAs(clip.frameTimes());
            });
  }
}
