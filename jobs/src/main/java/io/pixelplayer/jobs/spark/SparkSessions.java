package io.pixelplayer.jobs.spark;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Builds the Spark session our jobs run in, from the settings (spark-submit's own settings win). */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * @param appName  shown in the Spark UI and logs
   * @param master   explicit master (e.g. from --master), or null for spark-submit's or the configured one
   */
  public static SparkSession create(String appName, PixelPlayerConf conf, String master) {
    SparkConf spark = new SparkConf(); // picks up spark.* system properties set by spark-submit
    if (master != null) {
      spark.setMaster(master);
    } else if (!spark.contains("spark.master")) {
      spark.setMaster(conf.getString("pixelplayer.spark.master"));
    }
    conf.sparkSettings().forEach(spark::set);
    if (spark.get("spark.master").startsWith("local")) {
      // A laptop or CI box: no network beyond loopback, and no UI to look at.
      spark.setIfMissing("spark.driver.host", "127.0.0.1");
      spark.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      spark.setIfMissing("spark.ui.enabled", "false");
      spark.setIfMissing("spark.ui.showConsoleProgress", "false");
    }
    spark.setIfMissing("spark.sql.parquet.compression.codec", conf.getString("pixelplayer.spark.parquetCompression"));
    spark.setIfMissing("spark.sql.session.timeZone", "UTC");
    return SparkSession.builder().appName(appName).config(spark).getOrCreate();
  }
}
