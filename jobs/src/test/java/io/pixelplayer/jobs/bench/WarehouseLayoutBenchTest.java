package io.pixelplayer.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.spark.SparkSessions;
import io.pixelplayer.jobs.warehouse.TablePartitioning;
import io.pixelplayer.jobs.warehouse.Warehouse;
import io.pixelplayer.jobs.warehouse.WarehouseCatalog;
import io.pixelplayer.jobs.warehouse.WarehouseTables;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseLayoutBenchTest {
  private static final int VIDEOS = 40;
  private static final int CHANGED = 4;
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = SparkSessions.create("bench-test", PixelPlayerConf.defaults(), "local[2]");
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void measuresEveryPartitioningAgainstUnpartitionedTablesThroughTheRealCommits(@TempDir Path dir)
      throws Exception {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    List<Row> rows =
        new WarehouseLayoutBench(
                spark,
                dir.toString(),
                VIDEOS,
                CHANGED,
                new PrintStream(progress, true, StandardCharsets.UTF_8))
            .run(4);

    Map<String, Map<String, Row>> by = new HashMap<>();
    for (Row r : rows)
      by.computeIfAbsent(r.getString(0), k -> new HashMap<>()).put(r.getString(1), r);
    assertThat(by.keySet())
        .containsExactlyInAnyOrder(
            "none", "instrument", "uri-bucket(4)", "instrument+uri-bucket(4)");
    by.get("none").values().forEach(r -> assertThat(r.get(3)).isIn(1.0, null));
    assertThat(progress.toString(StandardCharsets.UTF_8))
        .contains("warming up", "nightly replaces 4");

    // Pruning that follows from the specs, whatever the machine: the instrument query reads one
    // partition, a bucketed nightly rewrites only the buckets of the changed videos.
    double noneCello = value(by, "none", "cello query: files read");
    assertThat(value(by, "instrument", "cello query: files read")).isLessThanOrEqualTo(noneCello);
    assertThat(value(by, "uri-bucket(4)", "one video's maps: files read")).isEqualTo(1.0);
    assertThat(value(by, "uri-bucket(4)", "nightly: MB written"))
        .isLessThan(value(by, "none", "nightly: MB written"));
    assertThat(value(by, "instrument+uri-bucket(4)", "full run: data files"))
        .isGreaterThan(value(by, "none", "full run: data files"));

    // Each warehouse holds every video once, the changed ones as the nightly run wrote them.
    for (String scheme : TablePartitioning.SCHEMES) {
      Warehouse warehouse =
          new Warehouse(
              dir.resolve(scheme.replace('+', '-')).toString(),
              spark,
              WarehouseCatalog.OWN,
              new TablePartitioning(scheme, 4));
      assertThat(warehouse.runs()).as(scheme).hasSize(2);
      String nightly = warehouse.runs().get(1).runId();
      Map<String, org.apache.spark.sql.Dataset<Row>> tables = warehouse.tables(spark);
      assertThat(tables.get(WarehouseTables.SOURCES).count()).as(scheme).isEqualTo(VIDEOS * 20L);
      assertThat(tables.get(WarehouseTables.PIXEL_MAPS).count()).as(scheme).isEqualTo(VIDEOS * 30L);
      assertThat(tables.get(WarehouseTables.VIDEOS).where("run_id = '" + nightly + "'").count())
          .as(scheme)
          .isEqualTo(CHANGED);
      assertThat(tables.get(WarehouseTables.CLIPS).where("run_id = '" + nightly + "'").count())
          .as(scheme)
          .isEqualTo(CHANGED * 10L);
    }
  }

  @Test
  void refusesANightlyOfMoreVideosThanTheWarehouseHolds(@TempDir Path dir) {
    assertThatThrownBy(() -> new WarehouseLayoutBench(spark, dir.toString(), 3, 4, System.err))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("in 1..videos");
  }

  private static double value(Map<String, Map<String, Row>> by, String layout, String measure) {
    return by.get(layout).get(measure).getDouble(2);
  }
}
