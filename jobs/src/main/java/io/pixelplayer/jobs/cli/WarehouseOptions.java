package io.pixelplayer.jobs.cli;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.warehouse.Warehouse;
import java.io.IOException;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of the verbs that read a warehouse, and the session they read it in. */
final class WarehouseOptions {
  @Option(
      names = "--warehouse",
      required = true,
      paramLabel = "URI",
      description = "A warehouse written by index or nightly.")
  String warehouse;

  @Mixin SparkOptions sparkOptions;

  /** A Spark session with the warehouse's current rows as the views of {@link Warehouse#VIEWS}. */
  SparkSession open(PixelPlayerConf conf, String verb) throws Exception {
    SparkSession spark = sparkOptions.session(verb, conf);
    try {
      Warehouse opened = in(spark, conf);
      opened.requireRuns();
      opened.registerViews(spark);
      return spark;
    } catch (Exception e) {
      spark.close();
      throw e;
    }
  }

  /** The warehouse, reached through {@code spark}, its tables where {@code conf} says. */
  Warehouse in(SparkSession spark, PixelPlayerConf conf) throws IOException {
    return Warehouse.configured(warehouse, spark, conf);
  }
}
