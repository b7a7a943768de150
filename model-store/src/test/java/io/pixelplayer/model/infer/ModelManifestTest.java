package io.pixelplayer.model.infer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.pixelplayer.model.net.ModelConfig;
import io.pixelplayer.model.train.TrainingRecipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelManifestTest {
  private static final ModelConfig TINY = TestModels.TINY;

  @Test
  void recordsTheModelItsTrainingAndEachCorpusOnce(@TempDir Path dir) throws Exception {
    TestModels.saveRandom(TINY, dir);
    // Two runs: 3 steps in 30 s, then (resumed, the clock restarting) 2 more in 25 s.
    Files.writeString(
        dir.resolve(ModelManifest.TRAINING_CURVE),
        """
        step,loss,mask_loss,class_loss,learning_rate,seconds
        1,0.9,0.5,0.8,1e-4,10.0
        2,0.8,0.4,0.8,1e-4,20.0
        3,0.7,0.3,0.8,1e-4,30.0
        4,0.6,0.3,0.6,1e-4,12.5
        5,0.5,0.2,0.6,1e-4,25.0
        """);
    Files.writeString(
        dir.resolve(ModelManifest.TRAINING_CORPUS),
        "seed=21\nsoundfont=FluidR3_GM.sf2\nart=noto\n");
    TrainingRecipe.addRun(dir, null, false, Map.of("pixelplayer.train.colourDb", "8"));
    JsonObject heldOut = corpus("1001");
    try (PixelPlayerModel model = PixelPlayerModel.load(dir, Device.cpu())) {
      ModelManifest.record(model, heldOut, "test", metrics(1.5));
      ModelManifest.record(model, corpus("1002"), "test", metrics(0.5));
      Path file = ModelManifest.record(model, heldOut, "test", metrics(2.5));

      JsonObject manifest = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
      assertThat(manifest.get("version").getAsString()).isEqualTo(model.version());
      assertThat(ModelConfig.fromJson(manifest.get("architecture").toString())).isEqualTo(TINY);
      JsonObject training = manifest.getAsJsonObject("training");
      assertThat(training.get("steps").getAsInt()).isEqualTo(5);
      assertThat(training.get("runs").getAsInt()).isEqualTo(2);
      assertThat(training.get("seconds").getAsLong()).isEqualTo(55);
      assertThat(training.getAsJsonObject("corpus").get("seed").getAsString()).isEqualTo("21");
      assertThat(
              training
                  .getAsJsonArray("recipe")
                  .get(0)
                  .getAsJsonObject()
                  .get("pixelplayer.train.colourDb")
                  .getAsString())
          .isEqualTo("8");
      assertThat(manifest.getAsJsonObject("engine").get("pytorch").getAsString())
          .isEqualTo("2.7.1");
      // The held-out corpus's second evaluation replaced its first.
      assertThat(manifest.getAsJsonArray("evaluations")).hasSize(2);
      assertThat(
              manifest
                  .getAsJsonArray("evaluations")
                  .get(1)
                  .getAsJsonObject()
                  .getAsJsonObject("metrics")
                  .get("nsdr")
                  .getAsDouble())
          .isEqualTo(2.5);
    }

    // New weights: the evaluations of the old ones go.
    TestModels.saveRandom(TINY, dir);
    try (PixelPlayerModel model = PixelPlayerModel.load(dir, Device.cpu())) {
      Path file = ModelManifest.record(model, heldOut, "test", metrics(3.0));
      assertThat(
              JsonParser.parseString(Files.readString(file))
                  .getAsJsonObject()
                  .getAsJsonArray("evaluations"))
          .hasSize(1);
    }
  }

  private static JsonObject corpus(String seed) {
    JsonObject corpus = new JsonObject();
    corpus.addProperty("seed", seed);
    corpus.addProperty("path", "heldout-" + seed);
    return corpus;
  }

  private static JsonObject metrics(double nsdr) {
    JsonObject metrics = new JsonObject();
    metrics.addProperty("nsdr", nsdr);
    return metrics;
  }
}
