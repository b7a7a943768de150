package io.pixelplayer.jobs.bench;

import static org.apache.spark.sql.functions.col;

import io.pixelplayer.jobs.warehouse.TablePartitioning;
import io.pixelplayer.jobs.warehouse.Warehouse;
import io.pixelplayer.jobs.warehouse.WarehouseCatalog;
import io.pixelplayer.jobs.warehouse.WarehouseRun;
import io.pixelplayer.jobs.warehouse.WarehouseTables;
import io.pixelplayer.model.Instruments;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Table partitionings compared on one generated warehouse each, through the warehouse's own commit
 * path: the size of a full run, the queries users run ("which clips hold a cello, and where":
 * {@code sources} by instrument; one video's pixel maps: {@code pixel_maps} by uri) and a nightly
 * run that replaces a few videos. Each measure is also given as a ratio to the unpartitioned tables
 * measured in the same run. File counts and bytes are exact; times depend on the machine and what
 * else runs.
 */
public final class WarehouseLayoutBench {
  /** Clips per generated video, and sources per clip (each with its pixel map, plus the clip's). */
  private static final int CLIPS_PER_VIDEO = 10;

  private static final int SOURCES_PER_CLIP = 2;
  private static final int MAP_SIDE = 14;
  private static final int QUERY_REPEATS = 5;
  private static final String QUERIED_INSTRUMENT = "cello";

  public static final StructType RESULT =
      new StructType()
          .add("partitioning", DataTypes.StringType)
          .add("measure", DataTypes.StringType)
          .add("value", DataTypes.DoubleType)
          .add("ratio_to_none", DataTypes.DoubleType);

  private final SparkSession spark;
  private final String work;
  private final int videos;
  private final int changed;
  private final PrintStream progress;

  /**
   * @param work a folder under which each partitioning's warehouse is written
   * @param videos videos of the generated warehouse
   * @param changed videos a nightly run replaces
   */
  public WarehouseLayoutBench(
      SparkSession spark, String work, int videos, int changed, PrintStream progress) {
    if (videos < 1 || changed < 1 || changed > videos) {
      throw new IllegalArgumentException(
          "videos ("
              + videos
              + ") must be >= 1 and nightly-changed ("
              + changed
              + ") in 1..videos");
    }
    this.spark = spark;
    this.work = work;
    this.videos = videos;
    this.changed = changed;
    this.progress = progress;
  }

  /** Rows of {@link #RESULT}: each partitioning's measures, the unpartitioned tables' first. */
  public List<Row> run(int buckets) throws IOException {
    // The first commits and queries of a JVM are slower: an unreported round warms it up.
    progress.println("bench warehouse: warming up");
    new WarehouseLayoutBench(spark, work + "/warm-up", Math.min(videos, 50), 1, progress)
        .measure(new TablePartitioning(TablePartitioning.NONE, buckets));
    Map<String, Double> baseline = new HashMap<>();
    List<Row> rows = new ArrayList<>();
    for (String scheme : TablePartitioning.SCHEMES) {
      TablePartitioning layout = new TablePartitioning(scheme, buckets);
      progress.printf(
          "bench warehouse: %s, %d videos, nightly replaces %d%n", layout, videos, changed);
      for (Map.Entry<String, Double> m : measure(layout).entrySet()) {
        if (layout.scheme().equals(TablePartitioning.NONE)) baseline.put(m.getKey(), m.getValue());
        double base = baseline.get(m.getKey());
        rows.add(
            RowFactory.create(
                layout.toString(),
                m.getKey(),
                m.getValue(),
                base == 0 ? null : m.getValue() / base));
      }
    }
    return rows;
  }

  private Map<String, Double> measure(TablePartitioning layout) throws IOException {
    String uri = work + "/" + layout.scheme().replace('+', '-');
    Warehouse warehouse = new Warehouse(uri, spark, WarehouseCatalog.OWN, layout);
    Map<String, Double> m = new LinkedHashMap<>();

    WarehouseRun full = stage(warehouse, true, 1, videos);
    m.put("full run: commit seconds", seconds(() -> warehouse.commit(spark, full)));
    m.put("full run: data files", (double) sum(warehouse, "total-data-files"));
    m.put("full run: MB", sum(warehouse, "total-files-size") / 1e6);

    Table sources = warehouse.table(WarehouseTables.SOURCES);
    Expression cello = Expressions.equal("instrument", QUERIED_INSTRUMENT);
    m.put("cello query: files read", (double) files(sources, cello));
    m.put(
        "cello query: seconds",
        median(
            () ->
                spark
                    .read()
                    .table(warehouse.sparkTable(spark, WarehouseTables.SOURCES))
                    .where(col("instrument").equalTo(QUERIED_INSTRUMENT))
                    .select("clip_id", "x", "y", "x0", "y0", "x1", "y1")
                    .collectAsList()));

    String oneVideo = uri(videos / 2);
    Table maps = warehouse.table(WarehouseTables.PIXEL_MAPS);
    m.put("one video's maps: files read", (double) files(maps, Expressions.equal("uri", oneVideo)));
    m.put(
        "one video's maps: seconds",
        median(
            () ->
                spark
                    .read()
                    .table(warehouse.sparkTable(spark, WarehouseTables.PIXEL_MAPS))
                    .where(col("uri").equalTo(oneVideo))
                    .collectAsList()));

    // Every (videos / changed)-th video changes, spread over the archive as new files would be.
    WarehouseRun nightly = stage(warehouse, false, videos / changed, changed);
    m.put("nightly: commit seconds", seconds(() -> warehouse.commit(spark, nightly)));
    m.put("nightly: data files rewritten", (double) sum(warehouse, "deleted-data-files"));
    m.put("nightly: MB written", sum(warehouse, "added-files-size") / 1e6);
    return m;
  }

  /**
   * Stages the generated rows of a run of every {@code every}-th video, {@code count} of them: the
   * files the index job would have written before its commit.
   */
  private WarehouseRun stage(Warehouse warehouse, boolean full, long every, long count) {
    String runId = WarehouseRun.newId(Instant.now());
    boolean nightly = !full;
    for (String table : WarehouseTables.ALL) {
      if (table.equals(WarehouseTables.FAILURES)) continue;
      StructType schema = WarehouseTables.schema(table);
      // As many files as the index job writes: one for videos, one per core for the others.
      int files =
          table.equals(WarehouseTables.VIDEOS) ? 1 : spark.sparkContext().defaultParallelism();
      spark
          .range(0, videos, 1, files)
          .flatMap(
              (FlatMapFunction<Long, Row>)
                  v ->
                      v % every == 0 && v / every < count
                          ? generated(table, schema, v, runId, nightly).iterator()
                          : Collections.emptyIterator(),
              Encoders.row(schema))
          .write()
          .mode("overwrite")
          .parquet(warehouse.staged(runId, table).toString());
    }
    return new WarehouseRun(runId, full, Map.of("input", "rows generated by bench warehouse"));
  }

  private static String uri(long video) {
    return String.format("s3a://archive/videos/video-%06d.mp4", video);
  }

  /**
   * The rows of {@code table} for one video: its keys as the index job makes them, every other
   * column a plausible random value (the same for the same video and run kind).
   */
  static List<Row> generated(
      String table, StructType schema, long video, String runId, boolean nightly) {
    Random random = new Random(video * 2 + (nightly ? 1 : 0));
    String videoId = String.format("%016x", new Random(video).nextLong());
    Map<String, Object> known = new HashMap<>();
    known.put("uri", uri(video));
    known.put("video_id", videoId);
    known.put("run_id", runId);
    known.put("clips", CLIPS_PER_VIDEO);
    known.put("height", MAP_SIDE);
    known.put("width", MAP_SIDE);
    List<Row> rows = new ArrayList<>();
    if (table.equals(WarehouseTables.VIDEOS)) {
      rows.add(row(schema, known, random));
      return rows;
    }
    for (int clip = 0; clip < CLIPS_PER_VIDEO; clip++) {
      known.put("clip_id", videoId + "-" + clip);
      known.put("start_s", clip * 3.0);
      known.put("end_s", clip * 3.0 + 6.0);
      known.put("n_sources", SOURCES_PER_CLIP);
      switch (table) {
        case WarehouseTables.CLIPS -> rows.add(row(schema, known, random));
        case WarehouseTables.SOURCES -> {
          for (int s = 0; s < SOURCES_PER_CLIP; s++) {
            known.put("source_index", s);
            known.put("instrument", Instruments.ALL.get(random.nextInt(Instruments.ALL.size())));
            rows.add(row(schema, known, random));
          }
        }
        case WarehouseTables.PIXEL_MAPS -> {
          for (int s = WarehouseTables.ALL_SOUND; s < SOURCES_PER_CLIP; s++) {
            known.put("source_index", s);
            rows.add(row(schema, known, random));
          }
        }
        default -> throw new IllegalArgumentException("no generated rows for " + table);
      }
    }
    return rows;
  }

  private static Row row(StructType schema, Map<String, Object> known, Random random) {
    Object[] values = new Object[schema.size()];
    StructField[] fields = schema.fields();
    for (int i = 0; i < fields.length; i++) {
      Object value = known.get(fields[i].name());
      values[i] =
          value != null ? value : randomValue(fields[i].name(), fields[i].dataType(), random);
    }
    return RowFactory.create(values);
  }

  private static Object randomValue(String name, DataType type, Random random) {
    if (type.equals(DataTypes.StringType)) return name + "-" + Long.toHexString(random.nextLong());
    if (type.equals(DataTypes.DoubleType)) return random.nextDouble();
    if (type.equals(DataTypes.FloatType)) return random.nextFloat();
    if (type.equals(DataTypes.IntegerType)) return random.nextInt(1000);
    if (type.equals(DataTypes.LongType)) return random.nextLong(1L << 32);
    if (type instanceof ArrayType array && array.elementType().equals(DataTypes.FloatType)) {
      // A Row's array column is a Java array (or a Scala Seq) to the row encoder.
      Float[] energy = new Float[MAP_SIDE * MAP_SIDE];
      for (int i = 0; i < energy.length; i++) energy[i] = random.nextFloat();
      return energy;
    }
    throw new IllegalArgumentException("no generated value for " + name + " of type " + type);
  }

  /** The data files a scan of {@code table} with {@code filter} reads, after pruning. */
  private static long files(Table table, Expression filter) throws IOException {
    long n = 0;
    try (CloseableIterable<FileScanTask> tasks = table.newScan().filter(filter).planFiles()) {
      for (FileScanTask ignored : tasks) n++;
    }
    return n;
  }

  /** The sum over the tables of a figure of their current snapshot's summary. */
  private static long sum(Warehouse warehouse, String key) {
    long total = 0;
    for (String name : WarehouseTables.ALL) {
      Snapshot current = warehouse.table(name).currentSnapshot();
      total += Long.parseLong(current.summary().getOrDefault(key, "0"));
    }
    return total;
  }

  /** Work whose time is measured. */
  private interface Timed {
    void run() throws IOException;
  }

  private static double seconds(Timed work) throws IOException {
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1e9;
  }

  /** The median time of a few runs of {@code query}, after one unmeasured run. */
  private static double median(Timed query) throws IOException {
    seconds(query);
    double[] times = new double[QUERY_REPEATS];
    for (int i = 0; i < times.length; i++) times[i] = seconds(query);
    Arrays.sort(times);
    return times[times.length / 2];
  }
}
