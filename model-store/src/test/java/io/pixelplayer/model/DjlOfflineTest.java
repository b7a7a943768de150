package io.pixelplayer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DJL must start from a fresh clone with no network: the engine's native libraries come out of the
 * jars on the classpath into an empty cache directory, and nothing is fetched from anywhere. A
 * fresh JVM is used because the engine can only be loaded once per process.
 */
class DjlOfflineTest {

  @Test
  void engineStartsOfflineFromAnEmptyCacheAndTrainsOneStep(@TempDir Path cache) throws Exception {
    Path home = Files.createDirectories(cache.resolve("home"));
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dai.djl.offline=true",
                "-DDJL_CACHE_DIR=" + cache.resolve("djl"),
                "-DENGINE_CACHE_DIR=" + cache.resolve("djl"),
                "-Duser.home=" + home,
                DjlOfflineProbe.class.getName()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder
        .environment()
        .keySet()
        .removeIf(
            k -> k.startsWith("DJL_") || k.startsWith("PYTORCH_") || k.equals("ENGINE_CACHE_DIR"));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();

    Map<String, String> seen =
        output
            .lines()
            .filter(l -> l.matches("^[a-z_]+=.*"))
            .collect(
                Collectors.toMap(
                    l -> l.substring(0, l.indexOf('=')),
                    l -> l.substring(l.indexOf('=') + 1),
                    (a, b) -> b));
    assertThat(seen.get("engine")).as(output).startsWith("PyTorch 2.7.1");
    // [[0,1,2],[3,4,5]] x its transpose = [[5,14],[14,50]]
    assertThat(Float.parseFloat(seen.get("matmul"))).isEqualTo(83f);
    assertThat(Float.parseFloat(seen.get("loss_after")))
        .isLessThan(Float.parseFloat(seen.get("loss_before")));
    // The native libraries were unpacked into the empty cache we gave it, not into the home
    // directory.
    assertThat(listFiles(cache.resolve("djl")))
        .anyMatch(p -> p.getFileName().toString().startsWith("libtorch"));
    assertThat(listFiles(home)).isEmpty();
  }

  private static List<Path> listFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
