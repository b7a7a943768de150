package io.pixelplayer.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real cluster: deploy/standalone/cluster.sh starts a Spark standalone master and two workers
 * from the project's classpath, spark-submits the shaded jar to it with input and warehouse on a
 * local S3 server, and stops them. Then the faults a cluster meets, each ending with the same
 * tables as the clean run (nothing lost, nothing twice): an executor killed mid-job, the S3 server
 * stopped mid-job and started again, the driver killed mid-commit, the same nightly started twice
 * at once. Runs after {@code package} ({@code mvn -Pshaded verify}), when the shaded jar exists.
 */
@Tag("cluster")
class StandaloneClusterTest {
  private static final List<String> VIDEOS =
      List.of("duet-0002.mp4", "solo-0002.mp4", "solo-0003.mp4", "solo-0010.mp4");

  /** What a run must leave: every table's rows by their keys (run ids and times left out). */
  private static final String TABLES =
      "SELECT 'videos' AS t, uri AS k FROM videos UNION ALL SELECT 'clips', clip_id FROM clips"
          + " UNION ALL SELECT 'sources', concat(clip_id, ' ', instrument) FROM sources"
          + " UNION ALL SELECT 'pixel_maps', concat(clip_id, ' ', source_index) FROM pixel_maps"
          + " UNION ALL SELECT 'failures', concat(uri, ' ', stage) FROM failures ORDER BY t, k";

  @TempDir static Path dir;
  private static LocalS3 s3;
  private static final Map<String, String> env = new HashMap<>();
  private static Run clean;
  private static String cleanTables;

  private record Run(int exitCode, String out) {}

  @BeforeAll
  static void startClusterAndIndexCleanly() throws Exception {
    env.put("CLUSTER_DIR", dir.resolve("cluster").toString());
    env.put("SPARK_PORT", Integer.toString(freePort()));
    env.put("SPARK_UI_PORT", Integer.toString(freePort()));
    env.put("WORKER_MEMORY", "2g");
    env.put("EXECUTOR_MEMORY", "1536m");
    s3 = LocalS3.start("archive", dir.resolve("s3"));
    Path videos = LocalS3.root().resolve("samples/videos");
    for (String name : VIDEOS) s3.upload(videos.resolve(name), "videos/" + name);
    Path broken = dir.resolve("broken.mp4");
    Files.writeString(broken, "not a video");
    s3.upload(broken, "videos/broken.mp4");
    env.putAll(s3.credentials());

    Run started = cluster("start");
    assertThat(started.exitCode()).as(started.out()).isZero();
    assertThat(started.out()).contains("with 2 workers");
    clean =
        submit("index", "--input", "s3a://archive/videos", "--warehouse", "s3a://archive/clean");
    assertThat(clean.exitCode()).as(clean.out()).isZero();
    cleanTables = tables("s3a://archive/clean");
  }

  @AfterAll
  static void stopCluster() throws Exception {
    try {
      assertThat(cluster("stop").out()).contains("stopped master");
    } finally {
      s3.close();
    }
  }

  @Test
  void indexesVideosOnS3ThroughSparkSubmitToAStandaloneCluster() throws Exception {
    assertThat(clean.out())
        .contains("indexed 4 of 5 videos from s3a://archive/videos into s3a://archive/clean")
        .contains("on spark://127.0.0.1:" + env.get("SPARK_PORT") + " (2 task slots)")
        .contains("s3a://archive/videos/broken.mp4  [open]  not a video");
    CliProcess.Result counts =
        sql(
            "s3a://archive/clean",
            "SELECT (SELECT count(*) FROM videos) AS videos, (SELECT count(*) FROM failures)"
                + " AS failures, (SELECT count(DISTINCT video_id) FROM sources) AS with_sources");
    assertThat(counts.outLines()).anyMatch(l -> l.matches("4\\s+1\\s+4\\s*"));
  }

  @Test
  void anExecutorKilledMidJobIsReplacedAndItsTaskRunsAgain() throws Exception {
    Background run =
        Background.submit(
            "index", "--input", "s3a://archive/videos", "--warehouse", "s3a://archive/executor");
    run.awaitOutput(StandaloneClusterTest::progressLine);
    List<ProcessHandle> executors = executors();
    assertThat(executors).as("executor JVMs under the workers").isNotEmpty();
    executors.get(0).destroyForcibly();
    System.out.println("killed executor JVM " + executors.get(0).pid() + " mid-job");

    Run finished = run.finish();
    assertThat(finished.exitCode()).as(finished.out()).isZero();
    assertThat(finished.out()).contains("indexed 4 of 5 videos");
    assertThat(tables("s3a://archive/executor")).isEqualTo(cleanTables);
  }

  @Test
  void theS3ServerStoppedMidJobAndStartedAgainLosesNothing() throws Exception {
    String warehouse = "s3a://archive/outage";
    // S3A's default retries would hold the task for about four minutes against the dead endpoint.
    String[] shortRetries = {
      "--conf",
      "spark.hadoop.fs.s3a.retry.limit=2",
      "--conf",
      "spark.hadoop.fs.s3a.attempts.maximum=2"
    };
    Background run =
        Background.submit(
            concat(
                new String[] {"index", "--input", "s3a://archive/videos", "--warehouse", warehouse},
                shortRetries));
    run.awaitOutput(StandaloneClusterTest::progressLine);
    s3.stop();
    // Down until the run meets it: a task lost to it, or the run failing on it.
    String felt =
        run.awaitOutput(
            l ->
                l.contains("Lost task")
                    || l.contains("Connection refused")
                    || l.startsWith("pixelplayer index: failed: "));
    s3.restart();
    Run finished = run.finish();
    System.out.println(
        "S3 server stopped mid-job, started again when the run met it ("
            + felt.strip().replaceAll("(.{200}).*", "$1…")
            + "): exit "
            + finished.exitCode()
            + (finished.exitCode() == 0 ? "" : ", " + errorLine(finished.out(), "index")));
    if (finished.exitCode() != 0) {
      // Failed whole, in one line, publishing nothing: the next run completes.
      assertThat(errorLine(finished.out(), "index")).isNotEmpty();
      Run again = submit("index", "--input", "s3a://archive/videos", "--warehouse", warehouse);
      assertThat(again.exitCode()).as(again.out()).isZero();
    }
    assertThat(tables(warehouse)).isEqualTo(cleanTables);
  }

  @Test
  void aDriverKilledMidCommitIsRolledBackAndTheNextRunCompletes() throws Exception {
    String warehouse = "s3a://archive/commit";
    String[] shortLock = {"--conf", "pixelplayer.warehouse.lockTimeoutSeconds=10"};
    Background run =
        Background.submit(
            concat(
                new String[] {"index", "--input", "s3a://archive/videos", "--warehouse", warehouse},
                shortLock));
    // A table's first snapshot is its creation; a second in the table committed first is the run's
    // commit under way, the other tables still to come.
    Path firstTable = s3.data.resolve("archive/commit/pixel_maps/metadata");
    await(Duration.ofMinutes(6), () -> snapshots(firstTable) >= 2);
    run.process.destroyForcibly();
    run.process.waitFor();
    assertThat(snapshots(s3.data.resolve("archive/commit/videos/metadata")))
        .as("the videos table, committed last, never got the killed run's snapshot")
        .isEqualTo(1);
    System.out.println("killed the driver after the first of the run's table commits");

    Thread.sleep(11_000); // its lock goes stale
    Run next =
        submit(
            concat(
                new String[] {
                  "nightly", "--input", "s3a://archive/videos", "--warehouse", warehouse
                },
                shortLock));
    assertThat(next.exitCode()).as(next.out()).isZero();
    assertThat(next.out()).contains("cleared what interrupted runs left behind");
    assertThat(tables(warehouse)).isEqualTo(cleanTables);
  }

  @Test
  void theSameNightlyStartedTwiceAtOnceWritesOnce() throws Exception {
    String warehouse = "s3a://archive/twice";
    String[] nightly = {"nightly", "--input", "s3a://archive/videos", "--warehouse", warehouse};
    Background first = Background.submit(nightly);
    Background second = Background.submit(nightly);
    List<Run> runs = List.of(first.finish(), second.finish());
    assertThat(runs).filteredOn(r -> r.exitCode() == 0).hasSize(1);
    Run refused = runs.stream().filter(r -> r.exitCode() != 0).findFirst().orElseThrow();
    assertThat(errorLine(refused.out(), "nightly"))
        .contains("the warehouse is being written by nightly run-")
        .doesNotContain("\n");
    assertThat(tables(warehouse)).isEqualTo(cleanTables);
  }

  // ---------------------------------------------------------------------------------------------

  /** A spark-submit running beside the test. */
  private record Background(Process process, Path log) {
    static Background submit(String... args) throws Exception {
      Path log = Files.createTempFile(dir, "submit", ".log");
      return new Background(start(log, submitArgs(args)), log);
    }

    /** The first line of its output that {@code line} accepts, once there is one. */
    String awaitOutput(java.util.function.Predicate<String> line) throws Exception {
      String[] found = new String[1];
      await(
          Duration.ofMinutes(6),
          () -> {
            try {
              found[0] =
                  Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                      .filter(line)
                      .findFirst()
                      .orElse(null);
              return found[0] != null;
            } catch (java.io.IOException e) {
              return false;
            }
          });
      return found[0];
    }

    Run finish() throws Exception {
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("spark-submit did not finish");
      }
      return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
  }

  private static boolean progressLine(String line) {
    return line.matches("\\w+: [1-9]\\d*/\\d+ videos.*");
  }

  private static Process start(Path log, List<String> args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", "deploy/standalone/cluster.sh"));
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(LocalS3.root().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    return builder.start();
  }

  private static Run cluster(String... args) throws Exception {
    Path log = Files.createTempFile(dir, "cluster", ".log");
    Process process = start(log, List.of(args));
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("cluster.sh " + String.join(" ", args) + " did not finish");
    }
    return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  private static Run submit(String... args) throws Exception {
    return cluster(submitArgs(args).toArray(String[]::new));
  }

  private static List<String> submitArgs(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("submit"));
    all.addAll(List.of(args));
    all.addAll(s3.settings());
    return all;
  }

  private static CliProcess.Result sql(String warehouse, String statement) throws Exception {
    CliProcess.Result result =
        s3.run(
            dir,
            Duration.ofMinutes(3),
            s3.settings(),
            List.of("sql", "--warehouse", warehouse, statement));
    assertThat(result.exitCode()).as(result.tail()).isZero();
    return result;
  }

  /** The rows of a warehouse's tables by their keys, as {@link #TABLES} reads them. */
  private static String tables(String warehouse) throws Exception {
    return sql(warehouse, TABLES).out();
  }

  /** The executor JVMs the workers started. */
  private static List<ProcessHandle> executors() throws Exception {
    List<ProcessHandle> found = new ArrayList<>();
    try (Stream<Path> pids = Files.list(dir.resolve("cluster"))) {
      for (Path pid :
          pids.filter(p -> p.getFileName().toString().matches("worker-\\d+\\.pid")).toList()) {
        ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()))
            .ifPresent(worker -> worker.descendants().forEach(found::add));
      }
    }
    return found;
  }

  /** The snapshots (manifest lists) an Iceberg table's metadata folder holds. */
  private static long snapshots(Path metadata) {
    try (Stream<Path> files = Files.list(metadata)) {
      return files.filter(f -> f.getFileName().toString().matches("snap-.*\\.avro")).count();
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  private static void await(Duration limit, BooleanSupplier condition) throws Exception {
    long end = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) throw new IllegalStateException("waited " + limit + " in vain");
      Thread.sleep(5);
    }
  }

  /** The one line a failed verb printed (Spark's shutdown logs follow it on a cluster). */
  private static String errorLine(String out, String verb) {
    return out.lines()
        .filter(l -> l.startsWith("pixelplayer " + verb + ": failed: "))
        .reduce((a, b) -> a + "\n" + b)
        .orElse("");
  }

  private static String[] concat(String[] a, String[] b) {
    return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
  }

  private static int freePort() throws Exception {
    try (ServerSocket free = new ServerSocket(0)) {
      return free.getLocalPort();
    }
  }
}
