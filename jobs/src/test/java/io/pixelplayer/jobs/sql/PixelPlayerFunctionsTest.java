package io.pixelplayer.jobs.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.ingest.IngestJob;
import io.pixelplayer.jobs.ingest.IngestSettings;
import io.pixelplayer.jobs.spark.SparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model-backed functions from Spark SQL, on the ingested clips of a sample solo cello, as a
 * user's own job would call them.
 */
class PixelPlayerFunctionsTest {
  private static final Path ROOT = Path.of(System.getProperty("pixelplayer.root"));
  private static SparkSession spark;

  @BeforeAll
  static void ingest(@TempDir Path dir) throws Exception {
    spark = SparkSessions.create("functions-test", PixelPlayerConf.defaults(), "local[2]");
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.copy(ROOT.resolve("samples/videos/solo-0012.mp4"), in.resolve("solo-0012.mp4"));
    IngestJob.run(
        spark,
        IngestSettings.from(PixelPlayerConf.defaults()),
        in.toString(),
        dir.resolve("out").toString(),
        60,
        null);
    spark.read().parquet(dir.resolve("out/clips").toString()).createOrReplaceTempView("my_clips");
    PixelPlayerFunctions.register(
        spark,
        PixelPlayerConf.defaults()
            .with("pixelplayer.device", "cpu")
            .with("pixelplayer.model.dir", ROOT.resolve("model-store/model").toString()));
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void instrumentsEnergyMapsAndSeparationFromSql() {
    List<Row> rows =
        spark
            .sql(
                "SELECT clip_id, pp_instruments(pp_pcm16_decode(audio), frames) AS found, "
                    + "pp_energy_map(pp_pcm16_decode(audio), frames) AS map, pp_separate(pp_pcm16_decode(audio), frames) AS parts, "
                    + "pp_loudness_db(pp_pcm16_decode(audio)) AS db FROM my_clips ORDER BY clip_id")
            .collectAsList();
    assertThat(rows).isNotEmpty();
    for (Row row : rows) {
      List<Row> found = row.getList(1);
      assertThat(found).isNotEmpty();
      assertThat(found.get(0).getString(0)).isEqualTo("cello");
      assertThat(found.get(0).getDouble(1)).isGreaterThan(0.5);
      Row map = row.getStruct(2);
      assertThat(map.getList(2)).hasSize(map.getInt(0) * map.getInt(1));
      List<Row> parts = row.getList(3);
      assertThat(parts)
          .extracting(p -> p.getString(0))
          .isEqualTo(found.stream().map(f -> f.getString(0)).toList());
      assertThat(parts.get(0).getList(1)).hasSize(32767);
      assertThat(row.getDouble(4)).isBetween(-60.0, 0.0);
    }
    // Users get the same through their own column names and NULLs.
    assertThat(spark.sql("SELECT pp_instruments(NULL, NULL)").first().isNullAt(0)).isTrue();
  }
}
