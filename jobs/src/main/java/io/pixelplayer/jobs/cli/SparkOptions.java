package io.pixelplayer.jobs.cli;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** The option of every verb that runs on Spark, and the session it gets. */
final class SparkOptions {
  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master (default: pixelplayer.spark.master, local[*]; under spark-submit, its own).")
  String master;

  /** A session named after the verb, with the settings' Spark keys. */
  SparkSession session(String verb, PixelPlayerConf conf) {
    return SparkSessions.create("pixelplayer " + verb, conf, master);
  }
}
