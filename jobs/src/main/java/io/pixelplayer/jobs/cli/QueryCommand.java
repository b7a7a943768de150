package io.pixelplayer.jobs.cli;

import io.pixelplayer.model.Instruments;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "query",
    sortOptions = false,
    description =
        "Clips where an instrument is heard and seen: the video's URI, when (start_s, end_s), how sure the model is "
            + "(confidence), where its sound is in the frame (x, y: energy centroid, 0..1 from the left and top) and its separated "
            + "audio (stem_uri). Most confident first within each video.")
final class QueryCommand implements Callable<Integer> {
  /** The instrument and the threshold are bound as parameters, never spliced into the SQL text. */
  static final String QUERY =
      "SELECT uri, start_s, end_s, confidence, x, y, clip_id, stem_uri FROM sources "
          + "WHERE instrument = :instrument AND confidence >= :min_confidence ORDER BY uri, start_s, confidence DESC";

  @Mixin WarehouseOptions warehouse;

  @Option(
      names = "--instrument",
      required = true,
      paramLabel = "NAME",
      description = "An instrument of the MUSIC-21 set, e.g. cello or acoustic_guitar.")
  String instrument;

  @Option(
      names = "--min-confidence",
      paramLabel = "C",
      defaultValue = "0",
      description =
          "Only sources the model gives at least this probability (0..1; default ${DEFAULT-VALUE}).")
  double minConfidence;

  @Option(names = "--json", description = "Print one JSON array of objects instead of a table.")
  boolean json;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    String name = Instruments.named(instrument);
    if (!(minConfidence >= 0 && minConfidence <= 1)) {
      throw new IllegalArgumentException("--min-confidence must be in 0..1, got " + minConfidence);
    }
    try (SparkSession spark = warehouse.open(common.conf(), "query")) {
      Dataset<Row> rows =
          spark.sql(QUERY, Map.of("instrument", name, "min_confidence", minConfidence));
      List<Row> found = rows.collectAsList();
      ResultTable.print(rows.schema(), found, json, common.out());
    }
    return 0;
  }
}
