package io.pixelplayer.jobs.cli;

import io.pixelplayer.jobs.bench.WarehouseLayoutBench;
import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.warehouse.TablePartitioning;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "bench",
    sortOptions = false,
    description =
        "Benchmarks, each measured against a baseline measured in the same run. warehouse: the tables'"
            + " partitionings (pixelplayer.warehouse.partitioning) on a warehouse of generated rows: size of a full"
            + " run, the instrument query, one video's pixel maps, a nightly replace; as ratios to unpartitioned"
            + " tables.")
final class BenchCommand implements Callable<Integer> {
  static final String WAREHOUSE = "warehouse";

  @Parameters(
      arity = "0..*",
      paramLabel = "BENCHMARK",
      description = "Benchmarks to run (default all): ${COMPLETION-CANDIDATES}.",
      completionCandidates = Benchmarks.class)
  List<String> benchmarks = List.of(WAREHOUSE);

  @Option(
      names = "--videos",
      paramLabel = "N",
      description = "Videos of the generated warehouse (default: ${DEFAULT-VALUE}).")
  int videos = 2000;

  @Option(
      names = "--nightly-videos",
      paramLabel = "N",
      description = "Videos a nightly run replaces (default: a hundredth of --videos, at least 1).")
  Integer nightlyVideos;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description =
          "Where the generated warehouses go (default: a temporary folder, removed after).")
  Path work;

  @Option(names = "--json", description = "Print one JSON array of objects instead of a table.")
  boolean json;

  @Mixin SparkOptions sparkOptions;

  @Mixin CommonOptions common;

  static final class Benchmarks implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return List.of(WAREHOUSE).iterator();
    }
  }

  @Override
  public Integer call() throws Exception {
    for (String name : benchmarks) {
      if (!name.equals(WAREHOUSE)) {
        throw new IllegalArgumentException(
            "no benchmark " + name + " (benchmarks: " + WAREHOUSE + ")");
      }
    }
    PixelPlayerConf conf = common.conf();
    int buckets = TablePartitioning.from(conf).buckets();
    int changed = nightlyVideos != null ? nightlyVideos : Math.max(1, videos / 100);
    Path dir = work != null ? work : Files.createTempDirectory("pixelplayer-bench-");
    try (SparkSession spark = sparkOptions.session("bench", conf)) {
      List<Row> rows =
          new WarehouseLayoutBench(
                  spark, dir.toAbsolutePath().toString(), videos, changed, System.err)
              .run(buckets);
      ResultTable.print(WarehouseLayoutBench.RESULT, rows, json, common.out());
    } finally {
      if (work == null) FileUtils.deleteQuietly(dir.toFile());
    }
    return 0;
  }
}
