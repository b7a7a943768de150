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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real cluster: deploy/standalone/cluster.sh starts a Spark standalone master and two workers
 * from the project's classpath, spark-submits the shaded jar to it with input and warehouse on a
 * local S3 server, and stops them. Runs after {@code package} ({@code mvn -Pshaded verify}), when
 * the shaded jar exists.
 */
@Tag("cluster")
class StandaloneClusterTest {
  @TempDir Path dir;

  private record Run(int exitCode, String out) {}

  private Run cluster(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", "deploy/standalone/cluster.sh"));
    command.addAll(List.of(args));
    Path log = Files.createTempFile(dir, "cluster", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(LocalS3.root().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("cluster.sh " + String.join(" ", args) + " did not finish");
    }
    return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  private static int freePort() throws Exception {
    try (ServerSocket free = new ServerSocket(0)) {
      return free.getLocalPort();
    }
  }

  @Test
  void indexesVideosOnS3ThroughSparkSubmitToAStandaloneCluster() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("CLUSTER_DIR", dir.resolve("cluster").toString());
    env.put("SPARK_PORT", Integer.toString(freePort()));
    env.put("SPARK_UI_PORT", Integer.toString(freePort()));
    env.put("WORKER_MEMORY", "2g");
    env.put("EXECUTOR_MEMORY", "1536m");
    try (LocalS3 s3 = LocalS3.start("archive", dir.resolve("s3"))) {
      Path videos = LocalS3.root().resolve("samples/videos");
      for (String name : List.of("duet-0002.mp4", "solo-0002.mp4", "solo-0003.mp4")) {
        s3.upload(videos.resolve(name), "videos/" + name);
      }
      Path broken = dir.resolve("broken.mp4");
      Files.writeString(broken, "not a video");
      s3.upload(broken, "videos/broken.mp4");
      env.putAll(s3.credentials());

      Run started = cluster(env, "start");
      try {
        assertThat(started.exitCode()).as(started.out()).isZero();
        assertThat(started.out()).contains("with 2 workers");
        List<String> submit =
            new ArrayList<>(
                List.of(
                    "submit",
                    "index",
                    "--input",
                    "s3a://archive/videos",
                    "--warehouse",
                    "s3a://archive/wh"));
        submit.addAll(s3.settings());
        Run index = cluster(env, submit.toArray(String[]::new));
        assertThat(index.exitCode()).as(index.out()).isZero();
        assertThat(index.out())
            .contains("indexed 3 of 4 videos from s3a://archive/videos into s3a://archive/wh")
            .contains("on spark://127.0.0.1:" + env.get("SPARK_PORT") + " (2 task slots)")
            .contains("s3a://archive/videos/broken.mp4  [open]  not a video");
      } finally {
        assertThat(cluster(env, "stop").out()).contains("stopped master");
      }

      // The tables the cluster wrote, read back by the launcher's sql.
      List<String> sql =
          new ArrayList<>(
              List.of(
                  "sql",
                  "--warehouse",
                  "s3a://archive/wh",
                  "SELECT (SELECT count(*) FROM videos) AS videos, (SELECT count(*) FROM failures)"
                      + " AS failures, (SELECT count(DISTINCT video_id) FROM sources) AS with_sources,"
                      + " (SELECT count(*) FROM clips) AS clips"));
      sql.addAll(s3.settings());
      CliProcess.Result tables =
          CliProcess.run(
              dir, s3.credentials(), List.of(), Duration.ofMinutes(3), sql.toArray(String[]::new));
      assertThat(tables.exitCode()).as(tables.tail()).isZero();
      assertThat(tables.outLines()).anyMatch(l -> l.matches("3\\s+1\\s+3\\s+6\\s*"));
    }
  }
}
