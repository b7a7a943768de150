package io.pixelplayer.model.train;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * {@value #FILE} beside a model's weights: the settings of every training run that led to them, in
 * order, so that a model says how it was trained (augmentations, schedule, mixture size) as well as
 * on what. The keys of run i (from 1) start with {@code i.}. A run started from another model's
 * weights carries that model's runs first, as the training curve carries its steps; a resumed run
 * is a run of its own (its schedule may differ).
 */
public final class TrainingRecipe {
  public static final String FILE = "training-runs.properties";

  private TrainingRecipe() {}

  /**
   * Adds a run with {@code settings} to the recipe in {@code modelDir}: after the runs already
   * there when {@code resume}, else after those of {@code startFrom} (none when null or it has no
   * recipe).
   */
  public static void addRun(
      Path modelDir, Path startFrom, boolean resume, Map<String, String> settings)
      throws IOException {
    List<Map<String, String>> runs =
        resume ? read(modelDir) : startFrom == null ? new ArrayList<>() : read(startFrom);
    runs.add(new TreeMap<>(settings));
    Properties kept = new Properties();
    for (int i = 0; i < runs.size(); i++) {
      String prefix = (i + 1) + ".";
      runs.get(i).forEach((key, value) -> kept.setProperty(prefix + key, value));
    }
    Files.createDirectories(modelDir);
    Path temporary = modelDir.resolve(FILE + ".tmp");
    try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
      kept.store(writer, "The settings of each training run that led to these weights");
    }
    Files.move(
        temporary,
        modelDir.resolve(FILE),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /** The runs recorded in {@code modelDir}, in order; empty when it has no recipe. */
  public static List<Map<String, String>> read(Path modelDir) throws IOException {
    Path file = modelDir.resolve(FILE);
    List<Map<String, String>> runs = new ArrayList<>();
    if (!Files.exists(file)) return runs;
    Properties kept = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      kept.load(reader);
    }
    for (String key : kept.stringPropertyNames()) {
      int dot = key.indexOf('.');
      int run;
      try {
        run = dot > 0 ? Integer.parseInt(key.substring(0, dot)) : 0;
      } catch (NumberFormatException e) {
        run = 0;
      }
      if (run < 1) {
        throw new IOException("malformed " + file + ": key '" + key + "' names no run");
      }
      while (runs.size() < run) runs.add(new TreeMap<>());
      runs.get(run - 1).put(key.substring(dot + 1), kept.getProperty(key));
    }
    return runs;
  }
}
