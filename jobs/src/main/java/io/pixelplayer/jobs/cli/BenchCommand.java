package io.pixelplayer.jobs.cli;

import io.pixelplayer.jobs.bench.IndexSpeedBench;
import io.pixelplayer.jobs.bench.WarehouseLayoutBench;
import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.runtime.ModelSettings;
import io.pixelplayer.jobs.warehouse.TablePartitioning;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
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
            + " tables. index: the index job's speed with --model against --baseline on the same videos, as ratios"
            + " to the baseline.")
final class BenchCommand implements Callable<Integer> {
  static final String WAREHOUSE = "warehouse";
  static final String INDEX = "index";
  private static final List<String> ALL = List.of(WAREHOUSE, INDEX);

  @Parameters(
      arity = "0..*",
      paramLabel = "BENCHMARK",
      description = "Benchmarks to run (default all): ${COMPLETION-CANDIDATES}.",
      completionCandidates = Benchmarks.class)
  List<String> benchmarks = ALL;

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

  @Option(
      names = "--input",
      paramLabel = "URI",
      description =
          "index: the videos indexed (default: the bundled samples, pixelplayer.demo.input).")
  String input;

  @Option(
      names = "--model",
      paramLabel = "MODEL_DIR",
      description = "index: the model measured (default: the shipped one, pixelplayer.model.dir).")
  String model;

  @Option(
      names = "--baseline",
      paramLabel = "MODEL_DIR",
      description = "index: the model it is measured against (default: the shipped one).")
  String baseline;

  @Option(
      names = "--rounds",
      paramLabel = "N",
      description =
          "index: timed runs of each model, after one untimed (default: ${DEFAULT-VALUE}).")
  int rounds = 2;

  @Option(names = "--json", description = "Print one JSON array of objects instead of a table.")
  boolean json;

  @Mixin SparkOptions sparkOptions;

  @Mixin CommonOptions common;

  static final class Benchmarks implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return ALL.iterator();
    }
  }

  @Override
  public Integer call() throws Exception {
    for (String name : benchmarks) {
      if (!ALL.contains(name)) {
        throw new IllegalArgumentException(
            "no benchmark " + name + " (benchmarks: " + String.join(", ", ALL) + ")");
      }
    }
    PixelPlayerConf conf = common.conf();
    int buckets = TablePartitioning.from(conf).buckets();
    int changed = nightlyVideos != null ? nightlyVideos : Math.max(1, videos / 100);
    Path dir = work != null ? work : Files.createTempDirectory("pixelplayer-bench-");
    try (SparkSession spark = sparkOptions.session("bench", conf)) {
      if (benchmarks.contains(WAREHOUSE)) {
        List<Row> rows =
            new WarehouseLayoutBench(
                    spark,
                    dir.resolve(WAREHOUSE).toAbsolutePath().toString(),
                    videos,
                    changed,
                    System.err)
                .run(buckets);
        ResultTable.print(WarehouseLayoutBench.RESULT, rows, json, common.out());
      }
      if (benchmarks.contains(INDEX)) {
        ResultTable.print(
            IndexSpeedBench.RESULT,
            indexSpeed(spark, conf, dir.resolve(INDEX)),
            json,
            common.out());
      }
    } finally {
      if (work == null) FileUtils.deleteQuietly(dir.toFile());
    }
    return 0;
  }

  /** Each index run writes a warehouse of its own under {@code dir}; its summary goes to stderr. */
  private List<Row> indexSpeed(SparkSession spark, PixelPlayerConf conf, Path dir)
      throws Exception {
    String videos = input != null ? input : conf.getLocation(DemoCommand.INPUT);
    AtomicInteger runs = new AtomicInteger();
    PrintWriter summaries = new PrintWriter(System.err, true);
    IndexSpeedBench.Indexer indexer =
        modelUri ->
            IndexOptions.run(
                spark,
                conf,
                "bench",
                videos,
                dir.resolve("run-" + runs.incrementAndGet()).toAbsolutePath().toString(),
                modelUri,
                false,
                summaries);
    return new IndexSpeedBench(indexer, rounds, System.err)
        .run(ModelSettings.location(conf, baseline), ModelSettings.location(conf, model));
  }
}
