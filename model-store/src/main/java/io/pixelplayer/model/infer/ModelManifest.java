package io.pixelplayer.model.infer;

import ai.djl.engine.Engine;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.pixelplayer.model.train.TrainingRecipe;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * {@value #FILE} beside a model's weights: what the model is (version, architecture), how it was
 * trained (steps, time, from {@value #TRAINING_CURVE}; the corpus, from {@value #TRAINING_CORPUS};
 * each run's settings, from {@value TrainingRecipe#FILE}), on which engine, and the evaluations it
 * reached. Written by {@code evaluate --record}, never by hand: each recorded evaluation replaces
 * an earlier one of the same corpus, split and mixture size; evaluations of other weights are
 * dropped.
 */
public final class ModelManifest {
  public static final String FILE = "manifest.json";

  /**
   * The training corpus's description (the corpus's {@code corpus.properties}), kept beside the
   * weights by training.
   */
  public static final String TRAINING_CORPUS = "training-corpus.properties";

  /** The loss of every training step, written by training beside the weights. */
  public static final String TRAINING_CURVE = "training-curve.csv";

  private ModelManifest() {}

  /**
   * Rewrites the manifest of {@code model} with {@code evaluation} of {@code corpus} (its
   * description, or at least its path) on {@code split} recorded.
   */
  public static Path record(
      PixelPlayerModel model, JsonObject corpus, String split, JsonObject evaluation)
      throws IOException {
    Path file = model.dir().resolve(FILE);
    JsonArray evaluations = new JsonArray();
    if (Files.exists(file)) {
      JsonObject old = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
      if (old.has("version")
          && old.get("version").getAsString().equals(model.version())
          && old.has("evaluations")) {
        for (JsonElement earlier : old.getAsJsonArray("evaluations")) {
          JsonObject entry = earlier.getAsJsonObject();
          if (!(entry.get("corpus").equals(corpus)
              && entry.get("split").getAsString().equals(split)
              && sourcesPerMix(entry.getAsJsonObject("metrics")) == sourcesPerMix(evaluation))) {
            evaluations.add(entry);
          }
        }
      }
    }
    JsonObject entry = new JsonObject();
    entry.add("corpus", corpus);
    entry.addProperty("split", split);
    entry.addProperty("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    entry.add("metrics", evaluation);
    evaluations.add(entry);

    JsonObject manifest = new JsonObject();
    manifest.addProperty("name", PixelPlayerModel.NAME);
    manifest.addProperty("version", model.version());
    manifest.addProperty("weights", PixelPlayerModel.PARAMS);
    manifest.add("architecture", JsonParser.parseString(model.config().toJson()));
    manifest.add("training", training(model.dir()));
    JsonObject engine = new JsonObject();
    engine.addProperty("djl", Engine.getDjlVersion());
    engine.addProperty("pytorch", Engine.getEngine("PyTorch").getVersion());
    manifest.add("engine", engine);
    manifest.add("evaluations", evaluations);
    Path temporary = file.resolveSibling(FILE + ".tmp");
    Files.writeString(
        temporary,
        new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(manifest) + "\n");
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  /** Solos in each mixture of an evaluation: 2 where it does not say (the paper's protocol). */
  private static int sourcesPerMix(JsonObject metrics) {
    return metrics != null && metrics.has("sources_per_mix")
        ? metrics.get("sources_per_mix").getAsInt()
        : 2;
  }

  /** A description file as a JSON object of strings, keys sorted. */
  public static JsonObject describe(Path properties) throws IOException {
    Properties values = new Properties();
    try (Reader reader = Files.newBufferedReader(properties, StandardCharsets.UTF_8)) {
      values.load(reader);
    }
    JsonObject json = new JsonObject();
    new TreeMap<>(values).forEach((key, value) -> json.addProperty((String) key, (String) value));
    return json;
  }

  /**
   * Steps and time from the training curve: one row per step taken, its clock restarting with each
   * run (resumed or warm-started), so the time is the sum of each run's last reading. And the
   * corpus and each run's settings.
   */
  private static JsonObject training(Path dir) throws IOException {
    JsonObject training = new JsonObject();
    Path curve = dir.resolve(TRAINING_CURVE);
    if (Files.exists(curve)) {
      List<String> rows = Files.readAllLines(curve);
      rows = rows.subList(1, rows.size());
      double seconds = 0;
      double runSeconds = 0;
      int runs = rows.isEmpty() ? 0 : 1;
      for (String row : rows) {
        double at = Double.parseDouble(row.substring(row.lastIndexOf(',') + 1));
        if (at < runSeconds) {
          seconds += runSeconds;
          runs++;
        }
        runSeconds = at;
      }
      seconds += runSeconds;
      training.addProperty("steps", rows.size());
      training.addProperty("runs", runs);
      training.addProperty("seconds", Math.round(seconds));
      training.addProperty("steps_per_second", Math.round(rows.size() / seconds * 1000) / 1000.0);
      if (!rows.isEmpty()) {
        training.addProperty(
            "final_loss", Double.parseDouble(rows.get(rows.size() - 1).split(",")[1]));
      }
    }
    Path corpus = dir.resolve(TRAINING_CORPUS);
    if (Files.exists(corpus)) {
      training.add("corpus", describe(corpus));
    }
    List<Map<String, String>> recipe = TrainingRecipe.read(dir);
    if (!recipe.isEmpty()) {
      JsonArray runs = new JsonArray();
      for (Map<String, String> run : recipe) {
        JsonObject settings = new JsonObject();
        run.forEach(settings::addProperty);
        runs.add(settings);
      }
      training.add("recipe", runs);
    }
    return training;
  }
}
