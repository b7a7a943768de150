package io.pixelplayer.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.spark.SparkSessions;
import io.pixelplayer.jobs.warehouse.Warehouse;
import io.pixelplayer.jobs.warehouse.WarehouseRun;
import io.pixelplayer.jobs.warehouse.WarehouseTables;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code sql} from the command line over a small warehouse written here (two videos, three clips,
 * no model): what it answers, and what it refuses without doing any of it.
 */
class SqlCommandTest {
  @TempDir static Path dir;
  private static String warehouse;

  @BeforeAll
  static void writeWarehouse() throws Exception {
    warehouse = dir.resolve("wh").toString();
    String run = WarehouseRun.newId(Instant.parse("2024-05-01T02:00:00Z"));
    try (SparkSession spark =
        SparkSessions.create("sql-test", PixelPlayerConf.defaults(), "local[1]")) {
      Warehouse written = new Warehouse(warehouse, spark.sparkContext().hadoopConfiguration());
      write(
          spark,
          written,
          run,
          WarehouseTables.VIDEOS,
          RowFactory.create(
              "duet",
              "file:/videos/duet.mp4",
              1000L,
              "f1",
              12.0,
              320,
              240,
              25.0,
              44100,
              run,
              "m1",
              2),
          RowFactory.create(
              "solo",
              "file:/videos/solo.mp4",
              500L,
              "f2",
              6.0,
              320,
              240,
              25.0,
              44100,
              run,
              "m1",
              1));
      write(
          spark,
          written,
          run,
          WarehouseTables.CLIPS,
          RowFactory.create("duet-0", "duet", "file:/videos/duet.mp4", 0.0, 6.0, -20f, 2, run),
          RowFactory.create("duet-1", "duet", "file:/videos/duet.mp4", 6.0, 12.0, -40f, 1, run),
          RowFactory.create("solo-0", "solo", "file:/videos/solo.mp4", 0.0, 6.0, -25f, 1, run));
      write(
          spark,
          written,
          run,
          WarehouseTables.SOURCES,
          source("duet-0", "duet", 0, "cello", 0.9, run),
          source("duet-0", "duet", 1, "violin", 0.6, run),
          source("duet-1", "duet", 0, "cello", 0.8, run),
          source("solo-0", "solo", 0, "flute", 0.7, run));
      write(
          spark,
          written,
          run,
          WarehouseTables.PIXEL_MAPS,
          RowFactory.create(
              "duet-0", -1, 2, 2, List.of(0f, 1f, 2f, 3f), run, "file:/videos/duet.mp4"),
          RowFactory.create(
              "duet-0", 0, 2, 2, List.of(0f, 0f, 0f, 1f), run, "file:/videos/duet.mp4"),
          RowFactory.create(
              "duet-1", -1, 2, 2, List.of(4f, 0f, 0f, 0f), run, "file:/videos/duet.mp4"),
          RowFactory.create(
              "solo-0", -1, 2, 2, List.of(1f, 1f, 1f, 1f), run, "file:/videos/solo.mp4"));
      write(
          spark,
          written,
          run,
          WarehouseTables.FAILURES,
          RowFactory.create("file:/videos/broken.mp4", "decode", "not a video", run, "f3"));
      written.commit(
          spark, new WarehouseRun(run, true, Map.of("videos_indexed", "2", "clips", "3")));
    }
  }

  private static Row source(
      String clip, String video, int index, String instrument, double confidence, String run) {
    double start = clip.endsWith("-1") ? 6.0 : 0.0;
    return RowFactory.create(
        clip,
        video,
        "file:/videos/" + video + ".mp4",
        start,
        start + 6.0,
        index,
        instrument,
        confidence,
        0.5,
        0.5,
        0.5,
        0.0,
        0.0,
        1.0,
        1.0,
        null,
        run);
  }

  private static void write(
      SparkSession spark, Warehouse warehouse, String run, String table, Row... rows) {
    spark
        .createDataFrame(List.of(rows), WarehouseTables.schema(table))
        .write()
        .parquet(warehouse.staged(run, table).toString());
  }

  /** Each query's --json output contains the expected text. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "=>",
      quoteCharacter = '"',
      textBlock =
          """
      SELECT v.video_id, count(*) AS clips FROM videos v JOIN clips c ON c.video_id = v.video_id GROUP BY v.video_id ORDER BY 1 => [{"video_id":"duet","clips":2},{"video_id":"solo","clips":1}]
      SELECT instrument, round(avg(confidence), 2) AS c FROM sources GROUP BY instrument HAVING count(*) > 1             => [{"instrument":"cello","c":0.85}]
      SELECT clip_id, instrument FROM (SELECT *, row_number() OVER (PARTITION BY clip_id ORDER BY confidence DESC) AS r FROM sources) WHERE r = 1 ORDER BY clip_id => [{"clip_id":"duet-0","instrument":"cello"},{"clip_id":"duet-1","instrument":"cello"},{"clip_id":"solo-0","instrument":"flute"}]
      WITH loud AS (SELECT * FROM clips WHERE loudness_db > -30) SELECT count(*) AS n FROM loud l WHERE video_id IN (SELECT video_id FROM videos) AND EXISTS (SELECT 1 FROM sources s WHERE s.clip_id = l.clip_id AND instrument = 'cello') => [{"n":1}]
      SELECT (SELECT max(confidence) FROM sources) AS best, (SELECT count(*) FROM failures) AS failed                      => [{"best":0.9,"failed":1}]
      SELECT name, n FROM VALUES ('cello', 1), ('violin', 2) AS t(name, n) WHERE n > 1                                   => [{"name":"violin","n":2}]
      VALUES (1, 'a')                                                                                                    => [{"col1":1,"col2":"a"}]
      SELECT clip_id, max(e) AS peak FROM pixel_maps LATERAL VIEW explode(energy) t AS e WHERE source_index = -1 GROUP BY clip_id ORDER BY clip_id => [{"clip_id":"duet-0","peak":3.0},{"clip_id":"duet-1","peak":4.0},{"clip_id":"solo-0","peak":1.0}]
      SELECT count(*) AS cells FROM pixel_maps p, LATERAL explode(p.energy)                                              => [{"cells":16}]
      SELECT transform(energy, x -> x * 2) AS doubled, filter(energy, x -> x > 1) AS high, aggregate(energy, 0D, (acc, x) -> acc + x) AS total FROM pixel_maps WHERE clip_id = 'duet-0' AND source_index = -1 => [{"doubled":[0.0,2.0,4.0,6.0],"high":[2.0,3.0],"total":6.0}]
      SELECT pp_energy_peak(energy, height, width).x AS x, pp_energy_centroid(energy, height, width).y AS y FROM pixel_maps WHERE clip_id = 'duet-1' AND source_index = -1 => [{"x":0.25,"y":0.25}]
      SELECT * FROM (SELECT clip_id, instrument, confidence FROM sources) PIVOT (max(confidence) FOR instrument IN ('cello', 'violin')) WHERE clip_id = 'duet-0' => [{"clip_id":"duet-0","cello":0.9,"violin":0.6}]
      SELECT * FROM runs                                                                                                 => [{"run_id":"run-20240501T020000000Z","kind":"full"
      TABLE failures                                                                                                     => [{"uri":"file:/videos/broken.mp4","stage":"decode","reason":"not a video"
      select VIDEO_ID from VIDEOS union select video_id from Clips order by 1                                            => [{"VIDEO_ID":"duet"},{"VIDEO_ID":"solo"}]
      FROM sources |> WHERE confidence >= 0.7 |> AGGREGATE count(*) AS n                                                 => [{"n":3}]
      SELECT '${env:HOME}' AS home, '${system:user.home}' AS user_home                                                 => [{"home":"${env:HOME}","user_home":"${system:user.home}"}]
      SELECT table_name, operation, run_id, total_rows FROM snapshots WHERE is_current AND table_name = 'clips'          => [{"table_name":"clips","operation":"overwrite","run_id":"run-20240501T020000000Z","total_rows":3}]
      SELECT count(*) AS n FROM videos TIMESTAMP AS OF '2999-01-01 00:00:00'                                            => [{"n":2}]
      SELECT sum(id) AS s FROM range(4)                                                                                  => [{"s":6}]
      /* a comment */ SELECT /*+ BROADCAST(c) */ typeof(height) AS t FROM pixel_maps p JOIN clips c USING (clip_id) LIMIT 1 => [{"t":"int"}]
      """)
  void answersQueriesOverTheViews(String query, String expected) {
    CliRun answer =
        CliRun.of("sql", "--warehouse", warehouse, "--json", "--master", "local[1]", query);
    assertThat(answer.code()).as(answer.err()).isZero();
    assertThat(answer.out().strip()).contains(expected);
  }

  @Test
  void readsATableAsOfOneOfItsSnapshots() throws Exception {
    long snapshot;
    try (SparkSession spark =
        SparkSessions.create("sql-test", PixelPlayerConf.defaults(), "local[1]")) {
      snapshot =
          new Warehouse(warehouse, spark.sparkContext().hadoopConfiguration())
              .table(WarehouseTables.CLIPS)
              .currentSnapshot()
              .snapshotId();
    }
    CliRun answer =
        CliRun.of(
            "sql",
            "--warehouse",
            warehouse,
            "--json",
            "--master",
            "local[1]",
            "SELECT count(*) AS n, min(run_id) AS run FROM clips VERSION AS OF " + snapshot);
    assertThat(answer.code()).as(answer.err()).isZero();
    assertThat(answer.out()).contains("[{\"n\":3,\"run\":\"run-20240501T020000000Z\"}]");
  }

  /**
   * Each statement gets exit code 2, one line on stderr saying why, nothing on stdout, and does
   * nothing: {out} is a folder that must not exist afterwards, and a System.exit would end this JVM
   * and fail the run. {wh} is the warehouse's folder, \n a newline.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "=>",
      quoteCharacter = '"',
      textBlock =
          """
      SELECT * FROM csv.`/etc/passwd`                                                  => only the warehouse's views may be read (videos, clips, sources, pixel_maps, failures, runs, snapshots); got csv.`/etc/passwd`
      SELECT * FROM text.`/etc/passwd`                                                 => got text.`/etc/passwd`
      SELECT * FROM json.`/etc`                                                        => got json.`/etc`
      SELECT * FROM binaryFile.`/etc/passwd`                                           => got binaryFile.`/etc/passwd`
      SELECT * FROM parquet.`{wh}/videos`                                              => only the warehouse's views may be read
      SELECT * FROM orc.`/tmp`                                                         => only the warehouse's views may be read
      SELECT * FROM spark_catalog.default.t                                            => got spark_catalog.default.t
      SELECT * FROM global_temp.videos                                                 => got global_temp.videos
      SELECT * FROM passwd                                                             => got passwd
      SELECT * FROM videos v JOIN csv.`/etc/passwd` p ON true                          => got csv.`/etc/passwd`
      SELECT * FROM videos WHERE uri IN (SELECT _c0 FROM csv.`/etc/passwd`)            => got csv.`/etc/passwd`
      WITH p AS (SELECT * FROM text.`/etc/passwd`) SELECT * FROM p                     => got text.`/etc/passwd`
      WITH csv AS (SELECT 1) SELECT * FROM csv.`/etc/passwd`                           => got csv.`/etc/passwd`
      SELECT * FROM (WITH p AS (SELECT 1) SELECT * FROM p) JOIN p                      => got p
      SELECT * FROM IDENTIFIER('csv.`/etc/passwd`')                                    => IDENTIFIER(...) is not allowed
      SELECT * FROM read_files('/etc/passwd')                                          => function read_files is not allowed
      SELECT * FROM runs VERSION AS OF 1                                               => time travel (VERSION AS OF, TIMESTAMP AS OF) reads only the warehouse's tables
      SELECT * FROM csv.`/etc/passwd` VERSION AS OF 1                                  => reads only the warehouse's tables
      SELECT * FROM videos TIMESTAMP AS OF java_method('java.lang.Long', 'toString', 1L) => function java_method is not allowed
      SELECT java_method('java.lang.System', 'getenv', 'AWS_SECRET_ACCESS_KEY')        => function java_method is not allowed (only Spark's pure built-ins and PixelPlayer's functions)
      SELECT reflect('java.lang.System', 'load', '/tmp/x.so')                          => function reflect is not allowed
      SELECT java_method('java.lang.System', 'exit', 0)                                => function java_method is not allowed
      SELECT try_reflect('java.lang.System', 'exit', 1)                                => function try_reflect is not allowed
      SELECT (SELECT java_method('java.lang.System', 'exit', 0))                       => function java_method is not allowed
      WITH x AS (SELECT reflect('java.lang.System', 'exit', 0) AS r) SELECT * FROM x   => function reflect is not allowed
      SELECT transform(energy, e -> java_method('java.lang.System', 'exit', 0)) FROM pixel_maps => function java_method is not allowed
      SELECT * FROM videos ORDER BY java_method('java.lang.System', 'exit', 0)         => function java_method is not allowed
      SELECT * FROM videos WHERE EXISTS (SELECT 1 WHERE reflect('java.lang.System', 'exit', 0) IS NULL) => function reflect is not allowed
      VALUES (java_method('java.lang.System', 'exit', 0))                              => function java_method is not allowed
      SELECT x FROM videos LATERAL VIEW explode(array(java_method('java.lang.System', 'exit', 0))) t AS x => function java_method is not allowed
      SELECT IDENTIFIER('java_method')('java.lang.System', 'exit', 0)                  => IDENTIFIER(...) is not allowed
      SELECT system.builtin.java_method('java.lang.System', 'exit', 0)                 => function system.builtin.java_method is not allowed
      /* just a comment */ sElEcT JaVa_MeThOd('java.lang.System', 'exit', 0)          => function JaVa_MeThOd is not allowed
      SELECT input_file_name() FROM videos                                             => function input_file_name is not allowed
      SELECT current_user                                                              => function current_user is not allowed
      SELECT session_user()                                                            => function session_user is not allowed
      SELECT version()                                                                 => function version is not allowed
      SELECT raise_error('boom')                                                       => function raise_error is not allowed
      SELECT xpath_string('<a>b</a>', 'a')                                             => function xpath_string is not allowed
      SELECT TRANSFORM(uri) USING 'cat' AS (line) FROM videos                          => only a read-only query may run
      EXECUTE IMMEDIATE 'CREATE TABLE t (a INT)'                                       => only a read-only query may run (SELECT, FROM, WITH, VALUES, TABLE), no commands; got ExecuteImmediateQuery
      EXECUTE IMMEDIATE 'DROP VIEW videos'                                             => only a read-only query may run
      EXECUTE IMMEDIATE "INSERT OVERWRITE DIRECTORY '{out}' USING csv SELECT * FROM videos" => only a read-only query may run
      EXECUTE IMMEDIATE "SELECT java_method('java.lang.System', 'exit', 0)"            => only a read-only query may run
      INSERT OVERWRITE DIRECTORY '{out}' USING csv SELECT * FROM videos                => only a read-only query may run
      INSERT INTO clips SELECT * FROM clips                                            => only a read-only query may run
      DELETE FROM clips                                                                => only a read-only query may run
      DROP VIEW clips                                                                  => only a read-only query may run
      /* comment */\\n  drop table videos                                              => only a read-only query may run
      CREATE TABLE t AS SELECT * FROM videos                                           => only a read-only query may run
      CREATE OR REPLACE TEMP VIEW v AS SELECT 1                                        => only a read-only query may run
      CREATE TEMPORARY FUNCTION f AS 'java.lang.System'                                => only a read-only query may run
      CACHE TABLE clips                                                                => only a read-only query may run
      CLEAR CACHE                                                                      => only a read-only query may run
      SET spark.sql.shuffle.partitions=1                                               => only a read-only query may run
      RESET                                                                            => only a read-only query may run
      ADD JAR /tmp/x.jar                                                               => only a read-only query may run
      DECLARE VARIABLE v INT DEFAULT 1                                                 => only a read-only query may run
      LOAD DATA LOCAL INPATH '/etc/passwd' INTO TABLE videos                           => only a read-only query may run
      MSCK REPAIR TABLE videos                                                         => only a read-only query may run
      REFRESH TABLE videos                                                             => only a read-only query may run
      USE default                                                                      => only a read-only query may run
      SHOW TABLES                                                                      => only a read-only query may run
      DESCRIBE videos                                                                  => only a read-only query may run
      EXPLAIN SELECT * FROM videos                                                     => only a read-only query may run
      SELECT 1; DROP VIEW videos                                                       => not valid SQL
      SELEKT 1                                                                         => not valid SQL
      """)
  void refusesAnythingButAQueryOfTheViews(String statement, String reason) {
    Path out = dir.resolve("written");
    CliRun refused =
        CliRun.of(
            "sql",
            "--warehouse",
            warehouse,
            "--master",
            "local[1]",
            statement
                .replace("\\n", "\n")
                .replace("{out}", out.toString())
                .replace("{wh}", warehouse));
    assertThat(refused.code()).as(refused.err()).isEqualTo(2);
    assertThat(refused.out()).isEmpty();
    assertThat(refused.err())
        .endsWith("\n")
        .containsOnlyOnce("\n")
        .startsWith("pixelplayer sql: ")
        .contains(reason);
    assertThat(out).doesNotExist();
  }
}
