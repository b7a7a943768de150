package io.pixelplayer.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_OPUS;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_VP9;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pixelplayer.jobs.ingest.TestVideos;
import io.pixelplayer.jobs.ingest.TestVideos.Recording;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder of bad input on S3 beside good videos: every kind gets one {@code failures} row with a
 * one-line reason or is indexed, and every good video is indexed. One object is one the credentials
 * may not read: S3 answers 403 for it ({@link S3AccessFront}).
 */
@Tag("slow")
class S3BadInputTest {
  @TempDir Path dir;

  /** What becomes of one object: indexed, and/or the stage of its one failures row. */
  private record Outcome(boolean indexed, String failureStage) {}

  private static final Outcome INDEXED = new Outcome(true, null);

  private static Outcome failsAt(String stage) {
    return new Outcome(false, stage);
  }

  /** The objects to upload, by key, and what each is to become. */
  private final Map<String, Path> objects = new LinkedHashMap<>();

  private final Map<String, Outcome> expected = new LinkedHashMap<>();

  private void add(String key, Path file, Outcome outcome) {
    objects.put(key, file);
    expected.put(key, outcome);
  }

  @Test
  void eachBadObjectGetsOneFailureRowOrIsIndexedAndEveryGoodVideoIsIndexed() throws Exception {
    Path local = Files.createDirectories(dir.resolve("local"));
    Path samples = LocalS3.root().resolve("samples/videos");
    // Good videos, some under names and in places that break path handling.
    add("in/solo-0004.mp4", samples.resolve("solo-0004.mp4"), INDEXED);
    add("in/copy of solo-0004.mp4", samples.resolve("solo-0004.mp4"), INDEXED);
    add("in/nested/duet-0003.mp4", samples.resolve("duet-0003.mp4"), INDEXED);
    add("in/folder.mp4/solo-0005.mp4", samples.resolve("solo-0005.mp4"), INDEXED);
    add("in/say \"hi\", it's [draft] #1?.mp4", samples.resolve("solo-0006.mp4"), INDEXED);
    add("in/チェロ 🎻 100% (dúo).mp4", samples.resolve("solo-0007.mp4"), INDEXED);
    // Good but unusual media.
    add("in/media/4k.mp4", Recording.of(2, 3840, 2160, 10).writeTo(local, "4k.mp4"), INDEXED);
    add(
        "in/media/vfr.mp4",
        Recording.of(7, 320, 240, 25).variableFrameRate(0.45).writeTo(local, "vfr.mp4"),
        INDEXED);
    add(
        "in/media/8khz-mono.mp4",
        Recording.of(7, 320, 240, 25).audio(8000, 1).writeTo(local, "8k.mp4"),
        INDEXED);
    add(
        "in/media/96khz.mp4",
        Recording.of(7, 320, 240, 25).audio(96_000, 2).writeTo(local, "96k.mp4"),
        INDEXED);
    add(
        "in/media/5.1.mp4",
        Recording.of(7, 320, 240, 25).audio(48_000, 6).writeTo(local, "51.mp4"),
        INDEXED);
    add(
        "in/media/vp9.webm",
        Recording.of(7, 320, 240, 25)
            .container("webm", AV_CODEC_ID_VP9, AV_CODEC_ID_OPUS)
            .audio(48_000, 2)
            .writeTo(local, "vp9.webm"),
        INDEXED);
    // Two hours, decoded up to the length limit this run sets: indexed, and a row says the rest was
    // not read.
    add(
        "in/media/two-hours.mp4",
        Recording.of(7200, 64, 48, 1).audio(8000, 1).writeTo(local, "2h.mp4"),
        new Outcome(true, "decode"));
    // Bad input.
    add("in/bad/zero-byte.mp4", TestVideos.empty(local), failsAt("open"));
    add("in/bad/truncated.mp4", TestVideos.truncatedWithoutMoov(local), failsAt("open"));
    add("in/bad/random bytes.mp4", TestVideos.randomBytes(local), failsAt("open"));
    add("in/bad/text.mp4", TestVideos.textFile(local), failsAt("open"));
    add("in/bad/header only.mp4", TestVideos.headerOnly(local), failsAt("decode"));
    add("in/bad/no audio.mp4", TestVideos.noAudio(local, 3), failsAt("probe"));
    add("in/bad/no video.mp4", TestVideos.audioOnly(local, 3), failsAt("probe"));
    add("in/bad/silent.mp4", TestVideos.silentAudio(local, 7), failsAt("audio"));
    add("in/bad/unreadable.mp4", samples.resolve("solo-0008.mp4"), failsAt("read"));

    try (LocalS3 s3 = LocalS3.start("media", dir.resolve("s3"));
        S3AccessFront front =
            new S3AccessFront(s3.port(), Set.of("/media/in/bad/unreadable.mp4"))) {
      for (Map.Entry<String, Path> object : objects.entrySet()) {
        s3.upload(object.getValue(), object.getKey());
      }
      List<String> settings = s3.settings(front.endpoint());
      CliProcess.Result index =
          run(
              s3,
              settings,
              "index",
              "--input",
              "s3a://media/in",
              "--warehouse",
              "s3a://media/wh",
              "--conf",
              "pixelplayer.ingest.maxSeconds=60");
      assertThat(index.exitCode()).as(index.tail()).isZero();
      long good = expected.values().stream().filter(Outcome::indexed).count();
      assertThat(index.out())
          .contains("indexed " + good + " of " + expected.size() + " videos from s3a://media/in");

      CliProcess.Result failures =
          sql(s3, settings, "SELECT uri, stage, reason FROM failures ORDER BY stage, uri");
      System.out.println(
          "index of the bad-input folder on S3: "
              + index.outLines().stream()
                  .filter(l -> l.startsWith("indexed"))
                  .findFirst()
                  .orElse("")
              + "\nits failures:\n"
              + failures.out());
      CliProcess.Result json =
          sql(
              s3,
              settings,
              "--json",
              "SELECT 'failure' AS kind, uri, stage, reason FROM failures UNION ALL"
                  + " SELECT 'video', uri, NULL, NULL FROM videos");

      Map<String, List<String>> failureStages = new TreeMap<>();
      Map<String, String> reasons = new TreeMap<>();
      Set<String> indexed = new TreeSet<>();
      for (JsonNode row : new ObjectMapper().readTree(json.out())) {
        String key = key(row.get("uri").asText());
        if (row.get("kind").asText().equals("video")) {
          indexed.add(key);
        } else {
          failureStages.computeIfAbsent(key, k -> new ArrayList<>()).add(row.get("stage").asText());
          reasons.put(key, row.get("reason").asText());
        }
      }
      expected.forEach(
          (key, outcome) -> {
            assertThat(indexed.contains(key)).as("indexed: " + key).isEqualTo(outcome.indexed());
            assertThat(failureStages.getOrDefault(key, List.of()))
                .as("failures rows of " + key)
                .isEqualTo(
                    outcome.failureStage() == null ? List.of() : List.of(outcome.failureStage()));
          });
      assertThat(reasons.values()).allSatisfy(r -> assertThat(r).isNotBlank().doesNotContain("\n"));
      assertThat(reasons.get("in/bad/unreadable.mp4")).contains("access denied");
      assertThat(reasons.get("in/media/two-hours.mp4")).contains("pixelplayer.ingest.maxSeconds");
      assertThat(union(indexed, failureStages.keySet()))
          .containsExactlyInAnyOrderElementsOf(expected.keySet());
    }
  }

  /** {@code sql} over the test's warehouse, which must succeed. */
  private static CliProcess.Result sql(LocalS3 s3, List<String> settings, String... statement)
      throws Exception {
    List<String> args = new ArrayList<>(List.of("sql", "--warehouse", "s3a://media/wh"));
    args.addAll(List.of(statement));
    CliProcess.Result result = run(s3, settings, args.toArray(String[]::new));
    assertThat(result.exitCode()).as(result.tail()).isZero();
    return result;
  }

  private static CliProcess.Result run(LocalS3 s3, List<String> settings, String... args)
      throws Exception {
    return s3.run(
        Files.createTempDirectory(s3.data.getParent(), "run"),
        Duration.ofMinutes(8),
        settings,
        List.of(args));
  }

  /** The object key of a stored {@code s3a://media/KEY} URI (its path, decoded). */
  private static String key(String uri) {
    return URI.create(uri).getPath().substring(1);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
  }
}
