package io.pixelplayer.jobs.spark;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * How {@code s3a://} URIs reach S3 or an S3-compatible store: the {@code pixelplayer.s3.*} settings
 * as Hadoop S3A keys. They are defaults: S3A keys a cluster or spark-submit already sets ({@code
 * spark.hadoop.fs.s3a.*}) win. Credentials are never a setting: S3A asks the AWS provider chain.
 */
public final class S3Settings {
  private static final String S3 = "pixelplayer.s3.";
  public static final String ENDPOINT = S3 + "endpoint";
  public static final String REGION = S3 + "region";
  public static final String PATH_STYLE = S3 + "pathStyleAccess";
  public static final String SSL = S3 + "ssl";
  public static final String CREDENTIALS = S3 + "credentialsProvider";

  private S3Settings() {}

  /** The Spark keys ({@code spark.hadoop.fs.s3a.*}) the settings give, empty ones left out. */
  public static Map<String, String> sparkKeys(PixelPlayerConf conf) {
    Map<String, String> keys = new LinkedHashMap<>();
    put(keys, "fs.s3a.endpoint", conf.getString(ENDPOINT));
    put(keys, "fs.s3a.endpoint.region", conf.getString(REGION));
    put(keys, "fs.s3a.path.style.access", Boolean.toString(conf.getBoolean(PATH_STYLE)));
    put(keys, "fs.s3a.connection.ssl.enabled", Boolean.toString(conf.getBoolean(SSL)));
    put(keys, "fs.s3a.aws.credentials.provider", conf.getString(CREDENTIALS));
    return keys;
  }

  /**
   * The Hadoop settings of a verb that runs no Spark session: Hadoop's defaults, then the S3
   * settings, then the {@code spark.hadoop.*} keys given by the user.
   */
  public static Configuration hadoop(PixelPlayerConf conf) {
    Map<String, String> keys = sparkKeys(conf);
    keys.putAll(conf.sparkSettings());
    Configuration hadoop = new Configuration();
    keys.forEach(
        (k, v) -> {
          if (k.startsWith(SPARK_HADOOP)) hadoop.set(k.substring(SPARK_HADOOP.length()), v);
        });
    return hadoop;
  }

  private static final String SPARK_HADOOP = "spark.hadoop.";

  private static void put(Map<String, String> keys, String s3aKey, String value) {
    if (!value.isBlank()) keys.put(SPARK_HADOOP + s3aKey, value.trim());
  }
}
