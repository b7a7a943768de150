package io.pixelplayer.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRecipeTest {

  @Test
  void aWarmStartCarriesTheRunsBehindItsWeightsAndAResumeAddsOne(@TempDir Path dir)
      throws IOException {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    TrainingRecipe.addRun(first, null, false, Map.of("steps", "100", "colourDb", "0"));
    TrainingRecipe.addRun(second, first, false, Map.of("steps", "50", "colourDb", "8"));
    TrainingRecipe.addRun(second, null, true, Map.of("steps", "80", "colourDb", "8"));

    assertThat(TrainingRecipe.read(first)).containsExactly(Map.of("steps", "100", "colourDb", "0"));
    assertThat(TrainingRecipe.read(second))
        .containsExactly(
            Map.of("steps", "100", "colourDb", "0"),
            Map.of("steps", "50", "colourDb", "8"),
            Map.of("steps", "80", "colourDb", "8"));
    // A fresh run into a used folder starts its history again.
    TrainingRecipe.addRun(second, null, false, Map.of("steps", "10"));
    assertThat(TrainingRecipe.read(second)).containsExactly(Map.of("steps", "10"));
  }

  @Test
  void aModelWithoutARecipeHasNoRunsAndAKeyWithoutARunIsRefused(@TempDir Path dir)
      throws IOException {
    assertThat(TrainingRecipe.read(dir)).isEmpty();
    // Ten runs sort as text before the second: the run number is read, not the order of keys.
    for (int i = 1; i <= 10; i++) {
      TrainingRecipe.addRun(dir, null, i > 1, Map.of("seed", Integer.toString(i)));
    }
    assertThat(TrainingRecipe.read(dir).get(9)).containsEntry("seed", "10");
    assertThat(TrainingRecipe.read(dir).get(1)).containsEntry("seed", "2");

    Files.writeString(dir.resolve(TrainingRecipe.FILE), "steps=10\n");
    assertThatThrownBy(() -> TrainingRecipe.read(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("'steps' names no run");
  }
}
