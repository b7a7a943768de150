package io.pixelplayer.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * index, query, sql, demo and the index speed bench from the command line, on two sample solos (a
 * cello and an acoustic guitar) and the shipped model.
 */
class WarehouseVerbsTest {
  private static final Path ROOT = Path.of(System.getProperty("pixelplayer.root"));

  @TempDir static Path dir;
  private static Path input;
  private static String warehouse;

  @BeforeAll
  static void index() throws Exception {
    input = Files.createDirectories(dir.resolve("in"));
    Files.copy(ROOT.resolve("samples/videos/solo-0012.mp4"), input.resolve("solo-0012.mp4"));
    Files.copy(ROOT.resolve("samples/videos/solo-0009.mp4"), input.resolve("solo-0009.mp4"));
    warehouse = dir.resolve("wh").toString();
    CliRun index =
        CliRun.of(
            "index",
            "--input",
            input.toString(),
            "--warehouse",
            warehouse,
            "--master",
            "local[2]",
            "--conf",
            "pixelplayer.device=cpu");
    assertThat(index.code()).as(index.err()).isZero();
    assertThat(index.out()).contains("indexed 2 of 2 videos", "clips     4", "failures  0");
  }

  @Test
  void tablesCountsEveryTablesRowsWithIcebergsOwnReaderAsSqlDoes() {
    CliRun tables = CliRun.of("tables", "--warehouse", warehouse, "--json", "--master", "local[1]");
    assertThat(tables.code()).as(tables.err()).isZero();
    JsonArray rows = JsonParser.parseString(tables.out().strip()).getAsJsonArray();
    assertThat(rows).hasSize(5);
    for (JsonElement row : rows) {
      JsonObject table = row.getAsJsonObject();
      assertThat(table.get("rows_iceberg_reader").getAsLong())
          .as(table.get("table_name").getAsString())
          .isEqualTo(table.get("rows_sql").getAsLong());
      assertThat(table.get("run_id").getAsString()).startsWith("run-");
    }
    assertThat(tables.out()).contains("{\"table_name\":\"clips\"", "\"rows_iceberg_reader\":4");
  }

  @Test
  void maintainKeepsWhatIsCurrentAndTimeTravelReadsAnEarlierSnapshot() {
    CliRun maintain =
        CliRun.of(
            "maintain",
            "--warehouse",
            warehouse,
            "--master",
            "local[1]",
            "--conf",
            "pixelplayer.maintain.keepDays=0",
            "--conf",
            "pixelplayer.maintain.keepSnapshots=2");
    assertThat(maintain.code()).as(maintain.err()).isZero();
    assertThat(maintain.out())
        .contains(
            "maintain: no interrupted run", "snapshots expired: {", "stem folders removed: 0");
    // The table's first snapshot (empty, from before the run) is still kept.
    CliRun ids =
        CliRun.of(
            "sql",
            "--warehouse",
            warehouse,
            "--master",
            "local[1]",
            "--json",
            "SELECT min_by(snapshot_id, committed_at) AS id, count(*) AS n FROM snapshots WHERE table_name = 'clips'");
    assertThat(ids.code()).as(ids.err()).isZero();
    JsonObject kept =
        JsonParser.parseString(ids.out().strip()).getAsJsonArray().get(0).getAsJsonObject();
    assertThat(kept.get("n").getAsLong()).isEqualTo(2);
    CliRun before =
        CliRun.of(
            "sql",
            "--warehouse",
            warehouse,
            "--master",
            "local[1]",
            "--json",
            "SELECT (SELECT count(*) FROM clips) AS now, (SELECT count(*) FROM clips VERSION AS OF "
                + kept.get("id").getAsLong()
                + ") AS before");
    assertThat(before.code()).as(before.err()).isZero();
    assertThat(before.out()).contains("{\"now\":4,\"before\":0}");
  }

  @Test
  void queryAnswersWhereAnInstrumentIsHeardAndSeen() {
    CliRun text =
        CliRun.of(
            "query", "--warehouse", warehouse, "--instrument", "cello", "--master", "local[1]");
    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out())
        .contains("uri", "start_s", "confidence", "solo-0012.mp4")
        .doesNotContain("solo-0009.mp4");

    CliRun json =
        CliRun.of(
            "query",
            "--warehouse",
            warehouse,
            "--instrument",
            "Acoustic Guitar",
            "--json",
            "--master",
            "local[1]");
    assertThat(json.code()).as(json.err()).isZero();
    JsonArray rows = JsonParser.parseString(json.out().strip()).getAsJsonArray();
    assertThat(rows).isNotEmpty();
    for (JsonElement row : rows) {
      JsonObject source = row.getAsJsonObject();
      assertThat(source.keySet()).contains("uri", "start_s", "end_s", "confidence", "x", "y");
      assertThat(source.get("uri").getAsString()).endsWith("solo-0009.mp4");
      assertThat(source.get("x").getAsDouble()).isBetween(0.0, 1.0);
    }

    CliRun strict =
        CliRun.of(
            "query",
            "--warehouse",
            warehouse,
            "--instrument",
            "cello",
            "--min-confidence",
            "1",
            "--json",
            "--master",
            "local[1]");
    assertThat(JsonParser.parseString(strict.out().strip()).getAsJsonArray()).isEmpty();
  }

  @Test
  void queryRefusesNamesThatAreNoInstrument() {
    CliRun injected =
        CliRun.of(
            "query",
            "--warehouse",
            warehouse,
            "--instrument",
            "cello' OR '1'='1",
            "--master",
            "local[1]");
    assertThat(injected.code()).isEqualTo(2);
    assertThat(injected.err()).contains("unknown instrument").doesNotContain("\n\tat ");
  }

  @Test
  void sqlRunsReadOnlyQueriesOverTheViews() {
    CliRun counts =
        CliRun.of(
            "sql",
            "--warehouse",
            warehouse,
            "--json",
            "--master",
            "local[1]",
            "SELECT (SELECT count(*) FROM videos) AS videos, (SELECT count(*) FROM clips) AS clips, "
                + "(SELECT count(*) FROM pixel_maps WHERE source_index = -1) AS maps, (SELECT count(*) FROM failures) AS failures");
    assertThat(counts.code()).as(counts.err()).isZero();
    JsonObject row =
        JsonParser.parseString(counts.out().strip()).getAsJsonArray().get(0).getAsJsonObject();
    assertThat(row.get("videos").getAsInt()).isEqualTo(2);
    assertThat(row.get("clips").getAsInt()).isEqualTo(4);
    assertThat(row.get("maps").getAsInt()).isEqualTo(4);
    assertThat(row.get("failures").getAsInt()).isZero();

    CliRun log =
        CliRun.of(
            "sql",
            "--warehouse",
            warehouse,
            "--json",
            "--master",
            "local[1]",
            "SELECT kind, videos_indexed, clips FROM runs");
    assertThat(log.code()).as(log.err()).isZero();
    JsonObject run =
        JsonParser.parseString(log.out().strip()).getAsJsonArray().get(0).getAsJsonObject();
    assertThat(run.get("kind").getAsString()).isEqualTo("full");
    assertThat(run.get("videos_indexed").getAsInt()).isEqualTo(2);
    assertThat(run.get("clips").getAsInt()).isEqualTo(4);

    CliRun table =
        CliRun.of(
            "sql",
            "--warehouse",
            warehouse,
            "--master",
            "local[1]",
            "SELECT instrument, count(*) AS n FROM sources GROUP BY instrument ORDER BY n DESC");
    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.out()).contains("instrument", "cello").containsPattern("\\(\\d+ rows?\\)");
  }

  @Test
  void readingAFolderWithoutRunsFailsInOneLine(@TempDir Path empty) {
    CliRun nothing =
        CliRun.of("sql", "--warehouse", empty.toString(), "--master", "local[1]", "SELECT 1");
    assertThat(nothing.code()).isEqualTo(1);
    assertThat(nothing.err().strip()).contains("no committed index run").doesNotContain("\n");
  }

  @Test
  void demoSummarisesEachVideo(@TempDir Path out) {
    CliRun demo =
        CliRun.of("demo", "--out", out.toString(), "--conf", "pixelplayer.demo.input=" + input);
    assertThat(demo.code()).as(demo.err()).isZero();
    assertThat(demo.out())
        .contains("What the model heard and saw in 2 videos")
        .containsPattern("solo-0012 +6\\.0 s +cello 0\\.0-5\\.9 s");
    assertThat(demo.out()).contains("solo-0009");
    assertThat(out.resolve("warehouse/videos/metadata")).isDirectory();
  }

  @Test
  void benchIndexMeasuresAModelAgainstTheShippedOneOnTheSameVideos(@TempDir Path copy)
      throws Exception {
    Path model = copy.resolve("candidate");
    FileUtils.copyDirectory(ROOT.resolve("model-store/model").toFile(), model.toFile());
    CliRun bench =
        CliRun.of(
            "bench",
            "index",
            "--input",
            input.toString(),
            "--model",
            model.toString(),
            "--rounds",
            "1",
            "--json",
            "--master",
            "local[2]");
    assertThat(bench.code()).as(bench.err()).isZero();
    JsonArray rows = JsonParser.parseString(bench.out()).getAsJsonArray();
    assertThat(rows).hasSize(4);
    String shipped = rows.get(0).getAsJsonObject().get("version").getAsString();
    assertThat(shipped).startsWith("pixelplayer-");
    for (int i = 0; i < 4; i++) {
      JsonObject row = rows.get(i).getAsJsonObject();
      assertThat(row.get("version").getAsString()).isEqualTo(shipped);
      assertThat(row.get("measure").getAsString())
          .isEqualTo(i % 2 == 0 ? "clips_per_second" : "times_real_time");
      assertThat(row.get("value").getAsDouble()).isPositive();
      if (i < 2) assertThat(row.get("ratio_to_baseline").getAsDouble()).isEqualTo(1.0);
      else assertThat(row.get("ratio_to_baseline").getAsDouble()).isPositive();
    }
    assertThat(rows.get(2).getAsJsonObject().get("model").getAsString()).contains("candidate");
  }
}
