package io.pixelplayer.jobs.bench;

import io.pixelplayer.jobs.index.IndexJob;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The index job's speed with a model against a baseline model, on the same videos in the same run:
 * a model that is to replace the shipped one must index no slower. After one untimed run (class
 * loading, native libraries, JIT), the two alternate as baseline, model, model, baseline, ... so
 * that drift in what else the machine does falls on both alike; each measure is the median over the
 * rounds.
 */
public final class IndexSpeedBench {
  public static final StructType RESULT =
      new StructType()
          .add("model", DataTypes.StringType)
          .add("version", DataTypes.StringType)
          .add("measure", DataTypes.StringType)
          .add("value", DataTypes.DoubleType)
          .add("ratio_to_baseline", DataTypes.DoubleType);

  /**
   * One index run of the bench's videos with the model at {@code modelUri}, into a new warehouse.
   */
  @FunctionalInterface
  public interface Indexer {
    IndexJob.Result index(String modelUri) throws Exception;
  }

  private final Indexer indexer;
  private final int rounds;
  private final PrintStream progress;

  /**
   * @param rounds timed runs of each model
   */
  public IndexSpeedBench(Indexer indexer, int rounds, PrintStream progress) {
    if (rounds < 1) throw new IllegalArgumentException("rounds (" + rounds + ") must be >= 1");
    this.indexer = indexer;
    this.rounds = rounds;
    this.progress = progress;
  }

  /** Rows per model: clips per second and times real time, each with its ratio to the baseline. */
  public List<Row> run(String baselineUri, String modelUri) throws Exception {
    progress.printf("bench index: warm-up run with %s%n", baselineUri);
    indexer.index(baselineUri);
    List<IndexJob.Result> baseline = new ArrayList<>();
    List<IndexJob.Result> model = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      boolean baselineFirst = round % 2 == 0;
      for (boolean isBaseline : new boolean[] {baselineFirst, !baselineFirst}) {
        String uri = isBaseline ? baselineUri : modelUri;
        IndexJob.Result run = indexer.index(uri);
        progress.printf(
            "bench index: round %d/%d, %s: %.2f clips/s%n",
            round + 1, rounds, uri, run.clipsPerSecond());
        (isBaseline ? baseline : model).add(run);
      }
    }
    double baselineClips = median(baseline, IndexJob.Result::clipsPerSecond);
    double baselineRealTime = median(baseline, IndexJob.Result::timesRealTime);
    List<Row> rows = new ArrayList<>();
    for (List<IndexJob.Result> runs : List.of(baseline, model)) {
      IndexJob.ModelRef ran = runs.get(0).model();
      double clips = median(runs, IndexJob.Result::clipsPerSecond);
      double realTime = median(runs, IndexJob.Result::timesRealTime);
      rows.add(
          RowFactory.create(
              ran.uri(), ran.version(), "clips_per_second", clips, clips / baselineClips));
      rows.add(
          RowFactory.create(
              ran.uri(), ran.version(), "times_real_time", realTime, realTime / baselineRealTime));
    }
    return rows;
  }

  private static double median(List<IndexJob.Result> runs, ToDoubleFunction<IndexJob.Result> f) {
    double[] values = runs.stream().mapToDouble(f).sorted().toArray();
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }
}
