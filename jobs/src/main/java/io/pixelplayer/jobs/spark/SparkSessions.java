package io.pixelplayer.jobs.spark;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the Spark session our jobs run in, from the settings (spark-submit's own settings win).
 */
public final class SparkSessions {
  /** The master when neither --master nor spark-submit names one. */
  public static final String MASTER = "pixelplayer.spark.master";

  /** Parquet codec of the tables written, unless spark.sql.parquet.compression.codec is set. */
  public static final String PARQUET_COMPRESSION = "pixelplayer.spark.parquetCompression";

  private static final String ICEBERG_EXTENSIONS =
      "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions";

  private SparkSessions() {}

  /**
   * @param appName shown in the Spark UI and logs
   * @param master explicit master (e.g. from --master), or null for spark-submit's or the
   *     configured one
   */
  public static SparkSession create(String appName, PixelPlayerConf conf, String master) {
    return SparkSession.builder().appName(appName).config(sparkConf(conf, master)).getOrCreate();
  }

  /** Spark's settings for a session of ours: spark-submit's, then {@code master}, then ours. */
  public static SparkConf sparkConf(PixelPlayerConf conf, String master) {
    SparkConf spark = new SparkConf(); // picks up spark.* system properties set by spark-submit
    if (master != null) {
      spark.setMaster(master);
    } else if (!spark.contains("spark.master")) {
      spark.setMaster(conf.getString(MASTER));
    }
    conf.sparkSettings().forEach(spark::set);
    if (spark.get("spark.master").startsWith("local")) {
      // A laptop or CI box: no network beyond loopback, and no UI to look at.
      spark.setIfMissing("spark.driver.host", "127.0.0.1");
      spark.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      spark.setIfMissing("spark.ui.enabled", "false");
      spark.setIfMissing("spark.ui.showConsoleProgress", "false");
    }
    S3Settings.sparkKeys(conf).forEach(spark::setIfMissing);
    spark.setIfMissing("spark.sql.parquet.compression.codec", conf.getString(PARQUET_COMPRESSION));
    spark.setIfMissing("spark.sql.session.timeZone", "UTC");
    // The warehouse's Iceberg tables take row-level MERGE through Iceberg's SQL extensions.
    String extensions = spark.get("spark.sql.extensions", "");
    if (!extensions.contains(ICEBERG_EXTENSIONS)) {
      spark.set(
          "spark.sql.extensions",
          extensions.isEmpty() ? ICEBERG_EXTENSIONS : extensions + "," + ICEBERG_EXTENSIONS);
    }
    return spark;
  }
}
