package io.pixelplayer.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jobs on S3: a real S3-compatible server started by the project's own script
 * (deploy/local/s3-server.sh), videos uploaded through S3A, then {@code index} and {@code sql} with
 * input and warehouse on {@code s3a://}, credentials from the environment (the AWS provider chain).
 * The secret key appears nowhere the runs wrote: output with --verbose, Spark's event log, the
 * warehouse's files and rows.
 */
@Tag("slow")
class S3WarehouseTest {
  @TempDir static Path dir;
  private static LocalS3 s3;

  @BeforeAll
  static void startServer() throws Exception {
    s3 = LocalS3.start("media", dir.resolve("s3"));
  }

  @AfterAll
  static void stopServer() throws Exception {
    s3.close();
  }

  private static CliProcess.Result run(Path work, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--verbose",
            "--conf",
            "spark.eventLog.enabled=true",
            "--conf",
            "spark.eventLog.dir=" + work.resolve("events").toUri()));
    Files.createDirectories(work.resolve("events"));
    return s3.run(work, Duration.ofMinutes(5), s3.settings(), all);
  }

  @Test
  void indexesVideosOnS3IntoAWarehouseOnS3AndLeaksNoCredential() throws Exception {
    Path videos = LocalS3.root().resolve("samples/videos");
    s3.upload(videos.resolve("duet-0001.mp4"), "in/a b/dúet é #1.mp4");
    s3.upload(videos.resolve("solo-0001.mp4"), "in/solo-0001.mp4");
    Path broken = dir.resolve("broken.mp4");
    Files.writeString(broken, "not a video");
    s3.upload(broken, "in/broken.mp4");
    Path work = dir.resolve("work");
    Files.createDirectories(work);

    CliProcess.Result index =
        run(work, "index", "--input", "s3a://media/in", "--warehouse", "s3a://media/wh");
    assertThat(index.exitCode()).as(index.tail()).isZero();
    assertThat(index.out())
        .contains("indexed 2 of 3 videos from s3a://media/in into s3a://media/wh")
        .contains("failures  1")
        .contains("s3a://media/in/broken.mp4");

    CliProcess.Result sql =
        run(
            work,
            "sql",
            "--warehouse",
            "s3a://media/wh",
            "SELECT v.uri, count(s.clip_id) AS sources FROM videos v LEFT JOIN sources s"
                + " ON s.video_id = v.video_id GROUP BY v.uri ORDER BY v.uri");
    assertThat(sql.exitCode()).as(sql.tail()).isZero();
    assertThat(sql.out())
        .contains("s3a://media/in/a%20b/d%C3%BAet%20%C3%A9%20%231.mp4")
        .contains("s3a://media/in/solo-0001.mp4")
        .contains("(2 rows)");

    // Every row of every view, as JSON text, in one run.
    String everyRow =
        String.join(
            " UNION ALL ",
            Stream.of("videos", "clips", "sources", "failures", "runs", "snapshots")
                .map(v -> "SELECT '" + v + "' AS view, to_json(struct(*)) AS row FROM " + v)
                .toList());
    CliProcess.Result rows = run(work, "sql", "--warehouse", "s3a://media/wh", "--json", everyRow);
    assertThat(rows.exitCode()).as(rows.tail()).isZero();
    assertThat(rows.out()).contains("broken.mp4", "dúet", "\"view\":\"snapshots\"");

    // The other verbs on S3: ingest, nightly and remix with the model on S3 too, query.
    for (String file : List.of("model-config.json", "manifest.json", "pixelplayer-0000.params")) {
      s3.upload(LocalS3.root().resolve("model-store/model").resolve(file), "model/" + file);
    }
    CliProcess.Result ingest =
        run(work, "ingest", "--input", "s3a://media/in", "--out", "s3a://media/ingest");
    assertThat(ingest.exitCode()).as(ingest.tail()).isZero();
    CliProcess.Result nightly =
        run(
            work,
            "nightly",
            "--input",
            "s3a://media/in",
            "--warehouse",
            "s3a://media/wh",
            "--model",
            "s3a://media/model");
    assertThat(nightly.exitCode()).as(nightly.tail()).isZero();
    assertThat(nightly.out()).contains("nothing new under s3a://media/in");
    CliProcess.Result query =
        run(work, "query", "--warehouse", "s3a://media/wh", "--instrument", "xylophone");
    assertThat(query.exitCode()).as(query.tail()).isZero();
    assertThat(query.out()).contains("s3a://media/in/solo-0001.mp4");
    CliProcess.Result remix =
        run(
            work,
            "remix",
            "--video",
            "s3a://media/in/solo-0001.mp4",
            "--out",
            work.resolve("remix.mp4").toString(),
            "--gain",
            "xylophone=-6",
            "--model",
            "s3a://media/model");
    assertThat(remix.exitCode()).as(remix.tail()).isZero();
    assertThat(work.resolve("remix.mp4")).isNotEmptyFile();

    // Everything the runs wrote, read as text: output, event logs, every object in the bucket
    // (Iceberg metadata, manifests, Parquet files, stems) and every row of the tables.
    List<String> written = new ArrayList<>();
    for (CliProcess.Result r : List.of(index, sql, rows, ingest, nightly, query, remix)) {
      written.addAll(List.of(r.out(), r.err()));
    }
    try (Stream<Path> events = Files.list(work.resolve("events"))) {
      assertThat(events.count()).as("Spark event logs").isGreaterThanOrEqualTo(6);
    }
    try (Stream<Path> files =
        Stream.concat(Files.walk(work), Files.walk(s3.data.resolve(s3.bucket)))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        written.add(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
      }
    }
    assertThat(written).noneMatch(text -> text.contains(s3.secret));
    assertThat(index.err()).as("--verbose logs were captured").contains("INFO");
  }
}
