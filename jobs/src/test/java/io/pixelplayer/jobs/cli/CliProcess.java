package io.pixelplayer.jobs.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The CLI in a JVM of its own, as the launcher starts it: what a user sees on stdout and stderr,
 * logs included.
 */
public final class CliProcess {
  /** How a run ended and what it printed. */
  public record Result(int exitCode, String out, String err) {
    public List<String> errLines() {
      return err.lines().toList();
    }

    public List<String> outLines() {
      return out.lines().toList();
    }

    /** The end of what it printed, for assertion messages. */
    public String tail() {
      String all = out + err;
      return all.length() > 4000 ? all.substring(all.length() - 4000) : all;
    }
  }

  private CliProcess() {}

  /**
   * Runs {@code pixelplayer ARGS} with extra JVM flags (e.g. a heap size) in {@code dir}, which
   * gets its stdout and stderr.
   */
  public static Result run(Path dir, List<String> jvmFlags, Duration limit, String... args)
      throws IOException, InterruptedException {
    return run(dir, Map.of(), jvmFlags, limit, args);
  }

  /**
   * As {@link #run(Path, List, Duration, String...)}, with {@code env} added to its environment.
   */
  public static Result run(
      Path dir, Map<String, String> env, List<String> jvmFlags, Duration limit, String... args)
      throws IOException, InterruptedException {
    Path root = Path.of(System.getProperty("pixelplayer.root"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("@" + root.resolve("conf/jvm.options"));
    command.addAll(jvmFlags);
    command.add("-Dpixelplayer.root=" + root);
    for (String property :
        List.of(
            "DJL_CACHE_DIR",
            "ENGINE_CACHE_DIR",
            "org.bytedeco.javacpp.cachedir",
            "ai.djl.offline")) {
      if (System.getProperty(property) != null)
        command.add("-D" + property + "=" + System.getProperty(property));
    }
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), PixelPlayerCli.class.getName()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "stdout", ".txt");
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "pixelplayer " + String.join(" ", args) + " did not finish in " + limit);
    }
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
