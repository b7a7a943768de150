package io.pixelplayer.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * An S3-compatible server on a free port, started and stopped by the project's own script
 * (deploy/local/s3-server.sh), its objects under {@code data}, with one bucket.
 */
final class LocalS3 implements AutoCloseable {
  static final String ACCESS = "pp-test-access";
  private static final String S3_ENDPOINT = "pixelplayer.s3.endpoint=";

  /** A secret no file of the repo holds, so that finding it anywhere is a leak. */
  final String secret = "ppSecret" + HexFormat.of().formatHex(randomBytes()) + "Leak";

  final String bucket;
  final Path data;
  private final int port;

  private LocalS3(String bucket, Path data, int port) {
    this.bucket = bucket;
    this.data = data;
    this.port = port;
  }

  static LocalS3 start(String bucket, Path data) throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    LocalS3 s3 = new LocalS3(bucket, data, port);
    assertThat(s3.script("start", bucket)).contains("running on http://127.0.0.1:" + port);
    return s3;
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[12];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }

  static Path root() {
    return Path.of(System.getProperty("pixelplayer.root"));
  }

  private String script(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", "deploy/local/s3-server.sh"));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(root().toFile()).redirectErrorStream(true);
    builder
        .environment()
        .putAll(
            Map.of(
                "S3_PORT",
                Integer.toString(port),
                "S3_DATA",
                data.toString(),
                "S3_ACCESS_KEY",
                ACCESS,
                "S3_SECRET_KEY",
                secret));
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(out).isZero();
    return out;
  }

  /** The --conf options that reach the server, as the script prints them. */
  List<String> settings() throws Exception {
    String conf =
        script("env").lines().filter(l -> l.startsWith("--conf")).findFirst().orElseThrow();
    return List.of(conf.split(" "));
  }

  /** The --conf options that reach the server through another {@code endpoint} in front of it. */
  List<String> settings(String endpoint) throws Exception {
    return settings().stream()
        .map(s -> s.startsWith(S3_ENDPOINT) ? S3_ENDPOINT + endpoint : s)
        .toList();
  }

  int port() {
    return port;
  }

  /** Stops the server, keeping its objects: {@link #restart} serves them again on the same port. */
  void stop() throws Exception {
    script("stop");
  }

  void restart() throws Exception {
    assertThat(script("start", bucket)).contains("running on http://127.0.0.1:" + port);
  }

  /**
   * Runs the launcher in {@code work} with {@code args}, then {@code settings} (the server's {@link
   * #settings}, or another endpoint's), the credentials in its environment.
   */
  CliProcess.Result run(Path work, Duration limit, List<String> settings, List<String> args)
      throws Exception {
    List<String> all = new ArrayList<>(args);
    all.addAll(settings);
    return CliProcess.run(work, credentials(), List.of(), limit, all.toArray(String[]::new));
  }

  /** The credentials, as the AWS provider chain reads them from the environment. */
  Map<String, String> credentials() {
    return Map.of("AWS_ACCESS_KEY_ID", ACCESS, "AWS_SECRET_ACCESS_KEY", secret);
  }

  /** Uploads {@code local} to {@code key} in the bucket through S3A, as any S3 client would. */
  void upload(Path local, String key) throws IOException {
    Configuration conf = new Configuration();
    conf.set("fs.s3a.endpoint", "http://127.0.0.1:" + port);
    conf.set("fs.s3a.endpoint.region", "us-east-1");
    conf.set("fs.s3a.path.style.access", "true");
    conf.set("fs.s3a.connection.ssl.enabled", "false");
    conf.set(
        "fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    conf.set("fs.s3a.access.key", ACCESS);
    conf.set("fs.s3a.secret.key", secret);
    conf.setBoolean("fs.s3a.impl.disable.cache", true);
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path("s3a://" + bucket + "/" + key);
    try (FileSystem fs = target.getFileSystem(conf)) {
      fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(local.toUri()), target);
    }
  }

  @Override
  public void close() throws Exception {
    script("stop");
  }
}
