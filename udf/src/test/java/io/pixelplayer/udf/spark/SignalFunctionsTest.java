package io.pixelplayer.udf.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pixelplayer.udf.Loudness;
import io.pixelplayer.udf.Pcm16;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The signal functions called from Spark SQL, against the pure Java they wrap. */
class SignalFunctionsTest {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .master("local[1]")
            .appName("signal-functions-test")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate();
    SignalFunctions.register(spark);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void audioFunctionsAnswerFromSql() {
    float[] tone = new float[4096];
    for (int i = 0; i < tone.length; i++)
      tone[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / 11025.0));
    spark
        .createDataFrame(
            List.of(org.apache.spark.sql.RowFactory.create((Object) Pcm16.encode(tone))),
            new org.apache.spark.sql.types.StructType()
                .add("audio", org.apache.spark.sql.types.DataTypes.BinaryType))
        .createOrReplaceTempView("clips");

    Row row =
        spark
            .sql(
                "SELECT pp_loudness_db(pp_pcm16_decode(audio)) AS db, pp_magnitude_spectrogram(pp_pcm16_decode(audio)) AS spec, "
                    + "pp_loudness_db(NULL) AS none FROM clips")
            .first();
    assertThat(row.getDouble(0))
        .isCloseTo(Loudness.rmsDb(Pcm16.decode(Pcm16.encode(tone))), within(1e-9));
    assertThat(row.getDouble(0)).isCloseTo(20 * Math.log10(0.5 / Math.sqrt(2)), within(0.05));
    List<Object> bins = row.getList(1);
    assertThat(bins).hasSize(512);
    // The tone's energy is in the bin of 440 Hz (11025 / 1022 Hz per bin).
    int loudest = 0;
    double best = -1;
    for (int b = 0; b < bins.size(); b++) {
      double sum = 0;
      for (float v : SignalFunctions.floats((scala.collection.Seq<?>) bins.get(b))) sum += v;
      if (sum > best) {
        best = sum;
        loudest = b;
      }
    }
    assertThat(loudest).isEqualTo((int) Math.round(440 / (11025.0 / 1022)));
    assertThat(row.isNullAt(2)).isTrue();
  }

  @Test
  void energyMapFunctionsAnswerFromSql() {
    Row row =
        spark
            .sql(
                "SELECT pp_energy_peak(m, 2, 2) AS peak, pp_energy_centroid(m, 2, 2) AS centroid, pp_energy_box(m, 2, 2, 0.5) AS box "
                    + "FROM (SELECT array(CAST(0 AS FLOAT), 3, 0, 1) AS m)")
            .first();
    Row peak = row.getStruct(0);
    assertThat(peak.getDouble(0)).isEqualTo(0.75);
    assertThat(peak.getDouble(1)).isEqualTo(0.25);
    Row centroid = row.getStruct(1);
    assertThat(centroid.getDouble(0)).isCloseTo(0.75, within(1e-9));
    assertThat(centroid.getDouble(1)).isCloseTo((3 * 0.25 + 0.75) / 4, within(1e-9));
    Row box = row.getStruct(2);
    assertThat(List.of(box.getDouble(0), box.getDouble(1), box.getDouble(2), box.getDouble(3)))
        .containsExactly(0.5, 0.0, 1.0, 0.5);
  }
}
