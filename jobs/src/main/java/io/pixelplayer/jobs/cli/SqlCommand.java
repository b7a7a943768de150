package io.pixelplayer.jobs.cli;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.sql.PixelPlayerFunctions;
import io.pixelplayer.jobs.sql.ReadOnlyQuery;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "sql",
    sortOptions = false,
    description = {
      "One read-only Spark SQL query over the warehouse's views: videos, clips, sources, pixel_maps, failures (each "
          + "video's rows from its latest run), and runs (the log of committed runs).",
      "%nAllowed: SELECT, FROM, WITH, VALUES and TABLE queries (joins, subqueries, CTEs, set operations, window functions, "
          + "LATERAL VIEW, PIVOT, hints) that read those views, VALUES rows and range(), and call Spark's pure built-in "
          + "functions and PixelPlayer's pp_* functions; the text is taken as written (no $${...} substitution). Refused "
          + "before anything runs (exit 2): every command (DDL, DML, SET, CACHE, EXPLAIN, DESCRIBE, SHOW, EXECUTE IMMEDIATE, "
          + "...), files and tables by path or catalog name (csv.`/path`, db.table), IDENTIFIER(...), and functions that "
          + "reflect, read files or the environment, or raise errors (java_method, reflect, input_file_name, current_user, "
          + "version, raise_error, ...)."
    })
final class SqlCommand implements Callable<Integer> {
  @Mixin WarehouseOptions warehouse;

  @Parameters(
      index = "0",
      paramLabel = "QUERY",
      description =
          "One query, e.g. \"SELECT instrument, count(*) FROM sources GROUP BY instrument\".")
  String query;

  @Option(names = "--json", description = "Print one JSON array of objects instead of a table.")
  boolean json;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Print at most N rows (default ${DEFAULT-VALUE}).")
  int limit;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    if (limit < 1) throw new IllegalArgumentException("--limit must be at least 1, got " + limit);
    PixelPlayerConf conf = common.conf();
    try (SparkSession spark = warehouse.open(conf, "sql")) {
      PixelPlayerFunctions.register(spark, conf);
      // Never spark.sql(query): it runs commands as it parses them.
      Dataset<Row> rows = ReadOnlyQuery.prepare(spark, warehouse.in(spark, conf), query);
      List<Row> found = rows.limit(limit).collectAsList();
      ResultTable.print(rows.schema(), found, json, common.out());
    }
    return 0;
  }
}
