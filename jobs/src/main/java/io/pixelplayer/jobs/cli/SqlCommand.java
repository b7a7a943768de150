package io.pixelplayer.jobs.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sql", sortOptions = false,
    description = "Read-only Spark SQL over the warehouse's views: videos, clips, sources, pixel_maps, failures (each video's "
        + "rows from its latest run), and runs (the log of committed runs). Statements that write or change anything are refused.")
final class SqlCommand implements Callable<Integer> {
  @Mixin
  WarehouseOptions warehouse;

  @Parameters(index = "0", paramLabel = "QUERY", description = "One query, e.g. \"SELECT instrument, count(*) FROM sources GROUP BY instrument\".")
  String query;

  @Option(names = "--json", description = "Print one JSON array of objects instead of a table.")
  boolean json;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "Print at most N rows (default ${DEFAULT-VALUE}).")
  int limit;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() throws Exception {
    if (limit < 1) throw new IllegalArgumentException("--limit must be at least 1, got " + limit);
    try (SparkSession spark = warehouse.open(common.conf(), "sql")) {
      requireReadOnly(spark, query);
      Dataset<Row> rows = spark.sql(query);
      List<Row> found = rows.limit(limit).collectAsList();
      ResultTable.print(rows.schema(), found, json, common.out());
    }
    return 0;
  }

  /**
   * Refuses anything but a query: the parsed plan must hold no command (DDL, DML, SET, CACHE, ...) and no insert (into a table or a directory). Spark's
   * parser decides what the text is, so comments, case and odd spacing change nothing.
   */
  static void requireReadOnly(SparkSession spark, String text) {
    LogicalPlan plan;
    try {
      plan = spark.sessionState().sqlParser().parsePlan(text);
    } catch (Exception e) {
      throw new IllegalArgumentException("not valid SQL: " + PixelPlayerCli.oneLine(e));
    }
    boolean writes = plan.exists(node -> node instanceof org.apache.spark.sql.catalyst.plans.logical.Command
        || node instanceof org.apache.spark.sql.catalyst.plans.logical.InsertIntoStatement
        || node instanceof org.apache.spark.sql.catalyst.plans.logical.InsertIntoDir
        || node instanceof org.apache.spark.sql.catalyst.plans.logical.ParsedStatement);
    if (writes) {
      throw new IllegalArgumentException("only read-only queries are allowed (SELECT, WITH, VALUES, TABLE); got: " + plan.nodeName());
    }
  }
}
