package io.pixelplayer.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pixelplayer.jobs.index.IndexJob;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class IndexSpeedBenchTest {
  /**
   * 20 clips of 3 s each; the baseline takes 10 s, then 12 s (slower second run), the model 8 s.
   */
  private static IndexJob.Result result(String uri, double wallSeconds) {
    return new IndexJob.Result(
        "run",
        new IndexJob.ModelRef(uri, "v-" + uri),
        4,
        0,
        4,
        20,
        40,
        60,
        wallSeconds,
        List.of(),
        Set.of());
  }

  @Test
  void alternatesTheModelsAfterAWarmUpAndGivesMediansAsRatiosToTheBaseline() throws Exception {
    // The baseline takes 10 s (its warm-up and first timed run), then 12 s; the model 8 s.
    List<String> order = new ArrayList<>();
    IndexSpeedBench.Indexer indexer =
        uri -> {
          order.add(uri);
          long baselines = order.stream().filter("base"::equals).count();
          return result(uri, uri.equals("base") ? (baselines <= 2 ? 10 : 12) : 8);
        };
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    List<Row> rows =
        new IndexSpeedBench(indexer, 2, new PrintStream(progress, true, StandardCharsets.UTF_8))
            .run("base", "new");

    assertThat(order).containsExactly("base", "base", "new", "new", "base");
    assertThat(rows).hasSize(4);
    // Baseline medians over its timed runs (10 s and 12 s): of 2 and 5/3 clips/s, of 6 and 5 x real
    // time.
    assertThat(rows.get(0).getString(0)).isEqualTo("base");
    assertThat(rows.get(0).getString(1)).isEqualTo("v-base");
    assertThat(rows.get(0).getString(2)).isEqualTo("clips_per_second");
    assertThat(rows.get(0).getDouble(3)).isCloseTo(11 / 6.0, within());
    assertThat(rows.get(0).getDouble(4)).isEqualTo(1.0);
    assertThat(rows.get(1).getString(2)).isEqualTo("times_real_time");
    assertThat(rows.get(1).getDouble(3)).isCloseTo(5.5, within());
    assertThat(rows.get(2).getString(1)).isEqualTo("v-new");
    assertThat(rows.get(2).getDouble(3)).isCloseTo(2.5, within());
    assertThat(rows.get(2).getDouble(4)).isCloseTo(2.5 / (11 / 6.0), within());
    assertThat(rows.get(3).getDouble(4)).isCloseTo(7.5 / 5.5, within());
    assertThat(progress.toString(StandardCharsets.UTF_8))
        .contains("warm-up run with base", "round 2/2, new: 2.50 clips/s");
  }

  @Test
  void needsATimedRound() {
    assertThatThrownBy(() -> new IndexSpeedBench(uri -> null, 0, System.err))
        .hasMessage("rounds (0) must be >= 1");
  }

  private static Offset<Double> within() {
    return Offset.offset(1e-9);
  }
}
