package io.pixelplayer.jobs.cli;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.warehouse.Warehouse;
import io.pixelplayer.jobs.warehouse.WarehouseTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "tables",
    sortOptions = false,
    description =
        "The warehouse's Iceberg tables as any engine sees them: per table its location, current snapshot and run, and "
            + "its rows counted twice, by Iceberg's own Java reader (no Spark, what other engines read) and through the "
            + "views sql reads.")
final class TablesCommand implements Callable<Integer> {
  private static final StructType SCHEMA =
      new StructType()
          .add("table_name", DataTypes.StringType)
          .add("snapshot_id", DataTypes.LongType)
          .add("run_id", DataTypes.StringType)
          .add("rows_iceberg_reader", DataTypes.LongType)
          .add("rows_sql", DataTypes.LongType)
          .add("location", DataTypes.StringType);

  @Mixin WarehouseOptions warehouse;

  @Option(names = "--json", description = "Print one JSON array of objects instead of a table.")
  boolean json;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    PixelPlayerConf conf = common.conf();
    try (SparkSession spark = warehouse.open(conf, "tables")) {
      Warehouse opened = warehouse.in(spark, conf);
      Map<String, Dataset<Row>> views = opened.tables(spark);
      List<Row> rows = new ArrayList<>();
      for (String name : WarehouseTables.ALL) {
        Table table = opened.table(name);
        Snapshot current = table.currentSnapshot();
        long read = 0;
        try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
          for (Record ignored : records) read++;
        }
        rows.add(
            RowFactory.create(
                name,
                current.snapshotId(),
                current.summary().get(Warehouse.RUN_ID),
                read,
                views.get(name).count(),
                table.location()));
      }
      ResultTable.print(SCHEMA, rows, json, common.out());
    }
    return 0;
  }
}
