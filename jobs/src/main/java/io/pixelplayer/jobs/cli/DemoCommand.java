package io.pixelplayer.jobs.cli;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.index.IndexJob;
import io.pixelplayer.jobs.runtime.ModelSettings;
import io.pixelplayer.jobs.spark.SparkSessions;
import io.pixelplayer.jobs.warehouse.Warehouse;
import io.pixelplayer.jobs.warehouse.WarehouseSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "demo",
    sortOptions = false,
    description =
        "The main job on the bundled samples/ corpus with the shipped model, on local Spark and the CPU: indexes the "
            + "videos into DIR/warehouse and prints, per video, the instruments found, when and where.")
final class DemoCommand implements Callable<Integer> {
  /** The videos the demo indexes (conf/pixelplayer.properties): the bundled samples. */
  static final String INPUT = "pixelplayer.demo.input";

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "out/demo",
      description = "Where the warehouse is written (default: ${DEFAULT-VALUE}).")
  Path out;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    PixelPlayerConf conf = common.conf();
    String input = conf.getLocation(INPUT);
    String warehouse = out.resolve("warehouse").toAbsolutePath().toString();
    PrintWriter stdout = common.out();
    try (SparkSession spark = SparkSessions.create("pixelplayer demo", conf, "local[*]")) {
      IndexJob.Result result =
          IndexOptions.run(
              spark,
              conf.with(ModelSettings.DEVICE, "cpu"),
              "demo",
              input,
              warehouse,
              conf.getLocation(ModelSettings.MODEL_DIR),
              false,
              stdout);
      Warehouse written = Warehouse.configured(warehouse, spark, conf);
      written.registerViews(spark);
      stdout.println();
      stdout.printf(
          Locale.ROOT,
          "What the model heard and saw in %d videos (when: seconds into the video; where: x, y in 0..1 of the frame):%n",
          result.videosFound());
      WarehouseSummary.lines(spark).forEach(stdout::println);
      stdout.println();
      stdout.printf("Ask more: ./pixelplayer query --warehouse %s --instrument cello%n", warehouse);
      stdout.printf(
          "          ./pixelplayer sql --warehouse %s \"SELECT instrument, count(*) AS clips FROM sources GROUP BY instrument\"%n",
          warehouse);
      stdout.flush();
    }
    return 0;
  }
}
