package io.pixelplayer.jobs.warehouse;

import io.pixelplayer.jobs.fs.WritableFolder;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A warehouse: Parquet tables under one URI (any Hadoop FileSystem), written by runs of the index
 * job and committed all-or-nothing. Layout:
 *
 * <pre>
 *   TABLE/RUN_ID/part-*.parquet      one folder per table (CONTRACT.md) and committed run
 *   stems/RUN_ID/VIDEO_ID/*.wav      separated sources
 *   _staging/RUN_ID/...              a run in progress: the same folders, moved into place by the commit
 *   _runs/RUN_ID.properties          the commit marker, written last: a run without one is not part of the warehouse
 * </pre>
 *
 * Readers (the views of {@link #registerViews}, and the run log {@value #RUNS_VIEW}) see the runs
 * from the last full run on; of a video indexed by several runs (it changed), only the latest run's
 * rows. One writer at a time: the next run clears what an interrupted run left behind.
 */
public final class Warehouse {
  public static final String STEMS = "stems";
  private static final String STAGING = "_staging";
  private static final String RUNS = "_runs";
  private static final String MARKER = ".properties";

  private final Path root;
  private final FileSystem fs;

  public Warehouse(String uri, Configuration hadoop) throws IOException {
    this.root = new Path(uri);
    this.fs = root.getFileSystem(hadoop);
  }

  public String uri() {
    return fs.makeQualified(root).toString();
  }

  /**
   * Where run {@code runId} writes {@code folder} (a table or {@link #STEMS}) before its commit.
   */
  public Path staged(String runId, String folder) {
    return fs.makeQualified(new Path(new Path(new Path(root, STAGING), runId), folder));
  }

  /** Where {@code folder} (a table or {@link #STEMS}) of a committed run {@code runId} lies. */
  public Path committed(String folder, String runId) {
    return fs.makeQualified(new Path(new Path(root, folder), runId));
  }

  /** The committed runs, oldest first. */
  public List<WarehouseRun> runs() throws IOException {
    Path runs = new Path(root, RUNS);
    if (!fs.exists(runs)) return List.of();
    List<WarehouseRun> found = new ArrayList<>();
    for (FileStatus status : fs.listStatus(runs, p -> p.getName().endsWith(MARKER))) {
      try (InputStream in = fs.open(status.getPath())) {
        found.add(WarehouseRun.read(in));
      }
    }
    found.sort(Comparator.comparing(WarehouseRun::runId));
    return found;
  }

  /** The runs readers see: from the last full run on, oldest first. */
  public List<WarehouseRun> visibleRuns() throws IOException {
    List<WarehouseRun> all = runs();
    int from = 0;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).full()) from = i;
    }
    return all.subList(from, all.size());
  }

  /** Fails in one line, before a run does any work, when the warehouse cannot be written. */
  public void requireWritable() throws IOException {
    WritableFolder.require(root, fs.getConf(), "the warehouse");
  }

  /**
   * Removes what interrupted runs left: their staging folders and any folder of a run without a
   * commit marker (a run that died while committing). Call before a run starts; returns the ids of
   * the runs cleared.
   */
  public Set<String> clearInterrupted() throws IOException {
    Set<String> committed = runs().stream().map(WarehouseRun::runId).collect(Collectors.toSet());
    Set<String> cleared = new java.util.TreeSet<>();
    Path staging = new Path(root, STAGING);
    if (fs.exists(staging)) {
      for (FileStatus run : fs.listStatus(staging)) cleared.add(run.getPath().getName());
      fs.delete(staging, true);
    }
    for (String folder : folders()) {
      Path parent = new Path(root, folder);
      if (!fs.exists(parent)) continue;
      for (FileStatus run : fs.listStatus(parent)) {
        String name = run.getPath().getName();
        if (run.isDirectory() && name.startsWith("run-") && !committed.contains(name)) {
          fs.delete(run.getPath(), true);
          cleared.add(name);
        }
      }
    }
    return cleared;
  }

  /**
   * Publishes a run: moves its staged folders into place, then writes its marker, the one step that
   * makes it part of the warehouse. A full run then deletes the runs before it.
   */
  public void commit(WarehouseRun run) throws IOException {
    for (String folder : folders()) {
      Path from = staged(run.runId(), folder);
      if (!fs.exists(from)) continue;
      Path to = new Path(new Path(root, folder), run.runId());
      fs.mkdirs(to.getParent());
      if (!fs.rename(from, to)) throw new IOException("cannot move " + from + " to " + to);
    }
    Path marker = new Path(new Path(root, RUNS), run.runId() + MARKER);
    fs.mkdirs(marker.getParent());
    try (OutputStream out = fs.create(marker, false)) {
      run.write(out);
    }
    Path staging = new Path(root, STAGING);
    fs.delete(new Path(staging, run.runId()), true);
    if (fs.listStatus(staging).length == 0) fs.delete(staging, false);
    if (run.full()) {
      for (WarehouseRun earlier : runs()) {
        if (earlier.runId().compareTo(run.runId()) < 0) drop(earlier.runId());
      }
    }
  }

  /** Deletes a run's folders, then its marker. */
  private void drop(String runId) throws IOException {
    for (String folder : folders()) {
      fs.delete(new Path(new Path(root, folder), runId), true);
    }
    fs.delete(new Path(new Path(root, RUNS), runId + MARKER), false);
  }

  /** Every committed table of the visible runs, with each input's rows from its latest run only. */
  public Map<String, Dataset<Row>> tables(SparkSession spark) throws IOException {
    List<String> runIds = visibleRuns().stream().map(WarehouseRun::runId).toList();
    Map<String, Dataset<Row>> all = new HashMap<>();
    for (String table : WarehouseTables.ALL) {
      all.put(table, read(spark, table, runIds));
    }
    // The latest run of each input: a changed video was indexed again, or a failed one tried again;
    // earlier rows are out of date.
    Dataset<Row> processed =
        all.get(WarehouseTables.VIDEOS)
            .select("uri", "run_id")
            .union(all.get(WarehouseTables.FAILURES).select("uri", "run_id"));
    Dataset<Row> latest = processed.groupBy("uri").agg(functions.max("run_id").as("run_id"));
    Map<String, Dataset<Row>> current = new HashMap<>();
    for (String table :
        List.of(
            WarehouseTables.VIDEOS,
            WarehouseTables.CLIPS,
            WarehouseTables.SOURCES,
            WarehouseTables.FAILURES)) {
      Dataset<Row> rows = all.get(table);
      current.put(table, inOrder(rows.join(latest, columns("uri", "run_id"), "left_semi"), table));
    }
    Dataset<Row> clips = current.get(WarehouseTables.CLIPS);
    Dataset<Row> maps = all.get(WarehouseTables.PIXEL_MAPS);
    current.put(
        WarehouseTables.PIXEL_MAPS,
        inOrder(
            maps.join(clips.select("clip_id", "run_id"), columns("clip_id", "run_id"), "left_semi"),
            WarehouseTables.PIXEL_MAPS));
    return current;
  }

  /**
   * Registers the tables of {@link #tables} as temporary views of {@code spark}, under their table
   * names, and the view {@value #RUNS_VIEW}: the run log, one row per committed run.
   */
  public void registerViews(SparkSession spark) throws IOException {
    tables(spark).forEach((name, rows) -> rows.createOrReplaceTempView(name));
    runLog(spark).createOrReplaceTempView(RUNS_VIEW);
  }

  /** The view of the committed runs. */
  public static final String RUNS_VIEW = "runs";

  /** Every view of {@link #registerViews}: the tables, then the run log. */
  public static final List<String> VIEWS =
      Stream.concat(WarehouseTables.ALL.stream(), Stream.of(RUNS_VIEW)).toList();

  private static final StructType RUNS_SCHEMA =
      new StructType()
          .add("run_id", DataTypes.StringType)
          .add("kind", DataTypes.StringType)
          .add("started", DataTypes.StringType)
          .add("committed", DataTypes.StringType)
          .add("input", DataTypes.StringType)
          .add("model_version", DataTypes.StringType)
          .add("videos_found", DataTypes.LongType)
          .add("videos_unchanged", DataTypes.LongType)
          .add("videos_indexed", DataTypes.LongType)
          .add("clips", DataTypes.LongType)
          .add("sources", DataTypes.LongType)
          .add("failures", DataTypes.LongType)
          .add("media_seconds", DataTypes.DoubleType)
          .add("wall_seconds", DataTypes.DoubleType);

  /** Every committed run still in the warehouse, as its marker records it. */
  public Dataset<Row> runLog(SparkSession spark) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (WarehouseRun run : runs()) {
      Map<String, String> d = run.details();
      rows.add(
          RowFactory.create(
              run.runId(),
              run.full() ? "full" : "incremental",
              d.get("started"),
              d.get("committed"),
              d.get("input"),
              d.get("model_version"),
              number(d, "videos_found"),
              number(d, "videos_unchanged"),
              number(d, "videos_indexed"),
              number(d, "clips"),
              number(d, "sources"),
              number(d, "failures"),
              decimal(d, "media_seconds"),
              decimal(d, "wall_seconds")));
    }
    return spark.createDataFrame(rows, RUNS_SCHEMA);
  }

  private static Long number(Map<String, String> details, String key) {
    try {
      return details.containsKey(key) ? Long.parseLong(details.get(key)) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Double decimal(Map<String, String> details, String key) {
    try {
      return details.containsKey(key) ? Double.parseDouble(details.get(key)) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * The fingerprint each input had when its latest visible run processed it (indexed, or failed in
   * a way that is the file's fault); inputs whose latest run failed for another reason (the model)
   * have none, so they are tried again.
   */
  public Map<String, String> fingerprints(SparkSession spark) throws IOException {
    Map<String, Dataset<Row>> current = tables(spark);
    Map<String, String> fingerprints = new HashMap<>();
    for (String table : List.of(WarehouseTables.FAILURES, WarehouseTables.VIDEOS)) {
      for (Row row :
          current
              .get(table)
              .where("fingerprint IS NOT NULL")
              .select("uri", "fingerprint")
              .distinct()
              .collectAsList()) {
        fingerprints.put(row.getString(0), row.getString(1));
      }
    }
    return fingerprints;
  }

  private Dataset<Row> read(SparkSession spark, String table, List<String> runIds)
      throws IOException {
    List<String> paths = new ArrayList<>();
    for (String runId : runIds) {
      Path dir = new Path(new Path(root, table), runId);
      if (fs.exists(dir)) paths.add(fs.makeQualified(dir).toString());
    }
    if (paths.isEmpty()) {
      return spark.createDataFrame(List.of(), WarehouseTables.schema(table));
    }
    return spark.read().schema(WarehouseTables.schema(table)).parquet(paths.toArray(String[]::new));
  }

  /**
   * Join columns by name: the tables share lineage with the latest-run table, so column references
   * would be ambiguous.
   */
  private static scala.collection.immutable.Seq<String> columns(String... names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toSeq();
  }

  /** The table's columns in its schema's order (a join by column names puts those first). */
  private static Dataset<Row> inOrder(Dataset<Row> rows, String table) {
    String[] names = WarehouseTables.schema(table).fieldNames();
    return rows.selectExpr(
        java.util.Arrays.stream(names).map(n -> "`" + n + "`").toArray(String[]::new));
  }

  private static List<String> folders() {
    List<String> folders = new ArrayList<>(WarehouseTables.ALL);
    folders.add(STEMS);
    return folders;
  }

  /**
   * Fails with a one-line reason when {@code uri} holds no committed run (a typo in --warehouse, or
   * nothing indexed yet).
   */
  public void requireRuns() throws IOException {
    if (runs().isEmpty()) {
      throw new FileNotFoundException(
          "no committed index run in warehouse " + uri() + " (run index or nightly first)");
    }
  }
}
