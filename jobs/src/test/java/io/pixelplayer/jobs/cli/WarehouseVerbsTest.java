package io.pixelplayer.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** index, query, sql and demo from the command line, on two sample solos (a cello and an acoustic guitar) and the shipped model. */
class WarehouseVerbsTest {
  private static final Path ROOT = Path.of(System.getProperty("pixelplayer.root"));

  @TempDir
  static Path dir;
  private static Path input;
  private static String warehouse;

  @BeforeAll
  static void index() throws Exception {
    input = Files.createDirectories(dir.resolve("in"));
    Files.copy(ROOT.resolve("samples/videos/solo-0012.mp4"), input.resolve("solo-0012.mp4"));
    Files.copy(ROOT.resolve("samples/videos/solo-0009.mp4"), input.resolve("solo-0009.mp4"));
    warehouse = dir.resolve("wh").toString();
    Run index = run("index", "--input", input.toString(), "--warehouse", warehouse, "--master", "local[2]", "--conf", "pixelplayer.device=cpu");
    assertThat(index.code).as(index.err).isZero();
    assertThat(index.out).contains("indexed 2 of 2 videos", "clips     4", "failures  0");
  }

  @Test
  void queryAnswersWhereAnInstrumentIsHeardAndSeen() {
    Run text = run("query", "--warehouse", warehouse, "--instrument", "cello", "--master", "local[1]");
    assertThat(text.code).as(text.err).isZero();
    assertThat(text.out).contains("uri", "start_s", "confidence", "solo-0012.mp4").doesNotContain("solo-0009.mp4");

    Run json = run("query", "--warehouse", warehouse, "--instrument", "Acoustic Guitar", "--json", "--master", "local[1]");
    assertThat(json.code).as(json.err).isZero();
    JsonArray rows = JsonParser.parseString(json.out.strip()).getAsJsonArray();
    assertThat(rows).isNotEmpty();
    for (JsonElement row : rows) {
      JsonObject source = row.getAsJsonObject();
      assertThat(source.keySet()).contains("uri", "start_s", "end_s", "confidence", "x", "y");
      assertThat(source.get("uri").getAsString()).endsWith("solo-0009.mp4");
      assertThat(source.get("x").getAsDouble()).isBetween(0.0, 1.0);
    }

    Run strict = run("query", "--warehouse", warehouse, "--instrument", "cello", "--min-confidence", "1", "--json", "--master", "local[1]");
    assertThat(JsonParser.parseString(strict.out.strip()).getAsJsonArray()).isEmpty();
  }

  @Test
  void queryRefusesNamesThatAreNoInstrument() {
    Run injected = run("query", "--warehouse", warehouse, "--instrument", "cello' OR '1'='1", "--master", "local[1]");
    assertThat(injected.code).isEqualTo(2);
    assertThat(injected.err).contains("unknown instrument").doesNotContain("\n\tat ");
  }

  @Test
  void sqlRunsReadOnlyQueriesOverTheViews() {
    Run counts = run("sql", "--warehouse", warehouse, "--json", "--master", "local[1]",
        "SELECT (SELECT count(*) FROM videos) AS videos, (SELECT count(*) FROM clips) AS clips, "
            + "(SELECT count(*) FROM pixel_maps WHERE source_index = -1) AS maps, (SELECT count(*) FROM failures) AS failures");
    assertThat(counts.code).as(counts.err).isZero();
    JsonObject row = JsonParser.parseString(counts.out.strip()).getAsJsonArray().get(0).getAsJsonObject();
    assertThat(row.get("videos").getAsInt()).isEqualTo(2);
    assertThat(row.get("clips").getAsInt()).isEqualTo(4);
    assertThat(row.get("maps").getAsInt()).isEqualTo(4);
    assertThat(row.get("failures").getAsInt()).isZero();

    Run log = run("sql", "--warehouse", warehouse, "--json", "--master", "local[1]", "SELECT kind, videos_indexed, clips FROM runs");
    assertThat(log.code).as(log.err).isZero();
    JsonObject run = JsonParser.parseString(log.out.strip()).getAsJsonArray().get(0).getAsJsonObject();
    assertThat(run.get("kind").getAsString()).isEqualTo("full");
    assertThat(run.get("videos_indexed").getAsInt()).isEqualTo(2);
    assertThat(run.get("clips").getAsInt()).isEqualTo(4);

    Run table = run("sql", "--warehouse", warehouse, "--master", "local[1]", "SELECT instrument, count(*) AS n FROM sources GROUP BY instrument ORDER BY n DESC");
    assertThat(table.code).as(table.err).isZero();
    assertThat(table.out).contains("instrument", "cello").containsPattern("\\(\\d+ rows?\\)");
  }

  @Test
  void sqlRefusesAnythingThatWrites() {
    for (String statement : List.of("DROP VIEW clips", "INSERT INTO clips SELECT * FROM clips", "CREATE TABLE t AS SELECT * FROM videos",
        "CREATE OR REPLACE TEMP VIEW v AS SELECT 1", "SET spark.sql.shuffle.partitions=1", "CACHE TABLE clips",
        "INSERT OVERWRITE DIRECTORY '/tmp/x' SELECT * FROM clips", "DELETE FROM clips", "/* comment */\n  drop table videos")) {
      Run refused = run("sql", "--warehouse", warehouse, "--master", "local[1]", statement);
      assertThat(refused.code).as(statement + ": " + refused.err).isEqualTo(2);
      assertThat(refused.err).as(statement).contains("read-only");
    }
    Run invalid = run("sql", "--warehouse", warehouse, "--master", "local[1]", "SELEKT 1");
    assertThat(invalid.code).isEqualTo(2);
    assertThat(invalid.err).contains("not valid SQL").doesNotContain("\n\tat ");
  }

  @Test
  void readingAFolderWithoutRunsFailsInOneLine(@TempDir Path empty) {
    Run nothing = run("sql", "--warehouse", empty.toString(), "--master", "local[1]", "SELECT 1");
    assertThat(nothing.code).isEqualTo(1);
    assertThat(nothing.err.strip()).contains("no committed index run").doesNotContain("\n");
  }

  @Test
  void demoSummarisesEachVideo(@TempDir Path out) {
    Run demo = run("demo", "--out", out.toString(), "--conf", "pixelplayer.demo.input=" + input);
    assertThat(demo.code).as(demo.err).isZero();
    assertThat(demo.out).contains("What the model heard and saw in 2 videos").containsPattern("solo-0012 +6\\.0 s +cello 0\\.0-5\\.9 s");
    assertThat(demo.out).contains("solo-0009");
    assertThat(out.resolve("warehouse/_runs")).isDirectory();
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = PixelPlayerCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
