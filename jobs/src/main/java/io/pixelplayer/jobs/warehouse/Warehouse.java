package io.pixelplayer.jobs.warehouse;

import static org.apache.spark.sql.functions.lit;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.fs.WritableFolder;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.spark.CommitMetadata;
import org.apache.iceberg.spark.SparkCatalog;
import org.apache.iceberg.spark.SparkSchemaUtil;
import org.apache.iceberg.util.SnapshotUtil;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A warehouse: Apache Iceberg tables (format v2, Parquet data files) under one URI, on any Hadoop
 * FileSystem, in a catalog of its own that needs no server (Iceberg's Hadoop catalog). Layout:
 *
 * <pre>
 *   TABLE/metadata/, TABLE/data/     one Iceberg table per table of CONTRACT.md
 *   stems/RUN_ID/VIDEO_ID/*.wav      separated sources, written by a run before its commit
 *   _staging/RUN_ID/...              a run's intermediate rows, removed once it has committed
 *   _lock                            held by the run writing (one writer at a time)
 * </pre>
 *
 * <p>A run commits one snapshot per table, the {@code videos} table last: its snapshot publishes
 * the run. Each snapshot's summary holds the run's id, kind and details (model version, counts,
 * times); the {@code videos} table's are the {@value #RUNS_VIEW} view. A full run replaces every
 * row; an incremental one replaces the rows of the videos it processed. Readers ({@link #tables})
 * read each table at its latest snapshot of the published run or an earlier one, so a run in
 * progress or one that died between two table commits is never half seen; the next run rolls a dead
 * run's snapshots back.
 */
public final class Warehouse {
  public static final String STEMS = "stems";
  private static final String STAGING = "_staging";
  private static final String LOCK = "_lock";

  /** Where a warehouse of the earlier layout (Parquet folders per run) kept its run markers. */
  private static final String EARLIER_LAYOUT = "_runs";

  /** The snapshot summary key that names the run which committed a snapshot. */
  public static final String RUN_ID = "pixelplayer.run-id";

  /** The run id of the empty snapshot each table starts with: it sorts before every run's. */
  private static final String CREATED = "created";

  /** The order a run commits its tables: {@code videos}, the one that publishes it, last. */
  static final List<String> COMMIT_ORDER =
      List.of(
          WarehouseTables.PIXEL_MAPS,
          WarehouseTables.SOURCES,
          WarehouseTables.CLIPS,
          WarehouseTables.FAILURES,
          WarehouseTables.VIDEOS);

  /** The view of the committed runs. */
  public static final String RUNS_VIEW = "runs";

  /** The view of every table's snapshots: what time travel can read. */
  public static final String SNAPSHOTS_VIEW = "snapshots";

  /** Every view of {@link #registerViews}: the tables, then the run log and the snapshots. */
  public static final List<String> VIEWS =
      Stream.concat(WarehouseTables.ALL.stream(), Stream.of(RUNS_VIEW, SNAPSHOTS_VIEW)).toList();

  private final Path root;
  private final FileSystem fs;
  private final Configuration hadoop;
  private final WarehouseCatalog where;
  private final TablePartitioning partitioning;

  /** The session whose configured catalog holds the tables; null for the warehouse's own. */
  private final SparkSession session;

  private Catalog catalog;

  /** Called after each table commit with the table's name: lets tests stop a run in between. */
  private Consumer<String> afterTableCommit = table -> {};

  /** A warehouse whose tables are in its own catalog, partitioned as by default. */
  public Warehouse(String uri, Configuration hadoop) throws IOException {
    this(uri, hadoop, WarehouseCatalog.OWN, TablePartitioning.DEFAULT, null);
  }

  /**
   * A warehouse whose tables are where {@code where} says, reached through {@code spark}, and
   * created partitioned as {@code partitioning} says.
   */
  public Warehouse(
      String uri, SparkSession spark, WarehouseCatalog where, TablePartitioning partitioning)
      throws IOException {
    this(uri, spark.sparkContext().hadoopConfiguration(), where, partitioning, spark);
  }

  /**
   * The warehouse at {@code uri}, reached through {@code spark}, its tables as {@code conf} says.
   */
  public static Warehouse configured(String uri, SparkSession spark, PixelPlayerConf conf)
      throws IOException {
    return new Warehouse(uri, spark, WarehouseCatalog.from(conf), TablePartitioning.from(conf));
  }

  private Warehouse(
      String uri,
      Configuration hadoop,
      WarehouseCatalog where,
      TablePartitioning partitioning,
      SparkSession session)
      throws IOException {
    this.root = new Path(uri);
    this.fs = root.getFileSystem(hadoop);
    this.hadoop = hadoop;
    this.where = where;
    this.partitioning = partitioning;
    this.session = session;
  }

  public String uri() {
    return fs.makeQualified(root).toString();
  }

  /** Where run {@code runId} writes its intermediate {@code folder} before its commit. */
  public Path staged(String runId, String folder) {
    return fs.makeQualified(new Path(new Path(new Path(root, STAGING), runId), folder));
  }

  /** Where run {@code runId} writes its stems: what its rows' {@code stem_uri} point at. */
  public Path stems(String runId) {
    return fs.makeQualified(new Path(new Path(root, STEMS), runId));
  }

  /** The folder of every run's stems. */
  public Path stemsRoot() {
    return fs.makeQualified(new Path(root, STEMS));
  }

  /** Fails in one line, before a run does any work, when the warehouse cannot be written. */
  public void requireWritable() throws IOException {
    WritableFolder.require(root, fs.getConf(), "the warehouse");
    requireCurrentLayout();
  }

  /**
   * Takes the warehouse for one writer ({@code holder} says who, to a second one), until closed.
   *
   * @throws IOException in one line when a live run holds it
   */
  public WarehouseLock lock(String holder, Duration timeout) throws IOException {
    return WarehouseLock.acquire(fs, new Path(root, LOCK), holder, timeout);
  }

  /**
   * Fails with a one-line reason when {@code uri} holds no committed run (a typo in --warehouse, or
   * nothing indexed yet) or was written by an earlier version.
   */
  public void requireRuns() throws IOException {
    requireCurrentLayout();
    if (runs().isEmpty()) {
      throw new FileNotFoundException(
          "no committed index run in warehouse " + uri() + " (run index or nightly first)");
    }
  }

  private void requireCurrentLayout() throws IOException {
    if (fs.exists(new Path(root, EARLIER_LAYOUT))
        && !fs.exists(new Path(new Path(root, WarehouseTables.VIDEOS), "metadata"))) {
      throw new IOException(
          "warehouse "
              + uri()
              + " was written by an earlier PixelPlayer (Parquet folders per run, _runs/); index"
              + " its videos into a new warehouse, which holds Apache Iceberg tables: pixelplayer"
              + " index --input VIDEOS --warehouse NEW_URI");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Writing

  /**
   * Clears what interrupted runs left: their staging folders and stems, and the snapshots of runs
   * that died between two table commits (rolled back). Call, holding the lock, before a run starts;
   * returns the ids of the runs cleared.
   */
  public Set<String> clearInterrupted() throws IOException {
    Set<String> cleared = new TreeSet<>();
    Path staging = new Path(root, STAGING);
    if (fs.exists(staging)) {
      for (FileStatus run : fs.listStatus(staging)) cleared.add(run.getPath().getName());
      fs.delete(staging, true);
    }
    Map<String, Table> tables = load();
    if (!tables.isEmpty()) {
      String published = publishedRun(tables);
      for (Table table : tables.values()) {
        Snapshot pinned = latestPublished(table, published);
        for (Snapshot s : SnapshotUtil.currentAncestors(table)) {
          if (s == null || (pinned != null && s.snapshotId() == pinned.snapshotId())) break;
          cleared.add(runId(s));
        }
        if (pinned != null && table.currentSnapshot().snapshotId() != pinned.snapshotId()) {
          table.manageSnapshots().rollbackTo(pinned.snapshotId()).commit();
        }
      }
    }
    for (String runId : cleared) fs.delete(stems(runId), true);
    return cleared;
  }

  /**
   * Publishes a run from its staged tables ({@link #staged}{@code (runId, table)}): one snapshot
   * per table in {@link #COMMIT_ORDER}, replacing every row (a full run) or the rows of the videos
   * it processed (those in its staged {@code videos} and {@code failures}), then removes its
   * staging folder.
   */
  public void commit(SparkSession spark, WarehouseRun run) throws IOException {
    createTables();
    Map<String, Dataset<Row>> staged = new LinkedHashMap<>();
    for (String table : WarehouseTables.ALL) staged.put(table, readStaged(spark, run, table));
    Dataset<Row> replaced = run.full() ? null : processed(spark, staged);
    for (String table : COMMIT_ORDER) {
      String name = sparkTable(spark, table);
      CommitMetadata.withCommitProperties(
          run.toSummary(),
          () -> {
            if (replaced == null) replaceAll(staged.get(table), name);
            else replaceVideos(spark, staged.get(table), replaced, name);
            return null;
          },
          IOException.class);
      afterTableCommit.accept(table);
    }
    Path staging = new Path(root, STAGING);
    fs.delete(new Path(staging, run.runId()), true);
    if (fs.exists(staging) && fs.listStatus(staging).length == 0) fs.delete(staging, false);
  }

  private Dataset<Row> readStaged(SparkSession spark, WarehouseRun run, String table)
      throws IOException {
    Path dir = staged(run.runId(), table);
    StructType schema = WarehouseTables.schema(table);
    if (!fs.exists(dir)) return spark.createDataFrame(List.of(), schema);
    return spark.read().schema(schema).parquet(dir.toString());
  }

  /**
   * The inputs an incremental run replaces the rows of: those it indexed or saw fail, read from the
   * staged tables once for all the table commits.
   */
  private static Dataset<Row> processed(SparkSession spark, Map<String, Dataset<Row>> staged) {
    Dataset<Row> uris =
        staged
            .get(WarehouseTables.VIDEOS)
            .select("uri")
            .union(staged.get(WarehouseTables.FAILURES).select("uri"))
            .distinct();
    return spark.createDataFrame(uris.collectAsList(), uris.schema());
  }

  /** A full run's commit: every row of the table replaced by {@code rows}, in one snapshot. */
  private void replaceAll(Dataset<Row> rows, String table) throws IOException {
    try {
      // Staged Parquet reads back as nullable; the rows were built to the schema.
      rows.writeTo(table).option("check-nullability", "false").overwrite(lit(true));
    } catch (NoSuchTableException e) {
      throw new IOException("table " + table + " vanished from warehouse " + uri(), e);
    }
  }

  /**
   * An incremental run's commit, in one snapshot: the rows of the {@code replaced} inputs deleted
   * and {@code rows} inserted, as one MERGE whose source holds a delete marker per replaced input
   * beside the new rows (row-level: a data file may mix videos).
   */
  private static void replaceVideos(
      SparkSession spark, Dataset<Row> rows, Dataset<Row> replaced, String table) {
    String op = "pixelplayer_op";
    Dataset<Row> changes =
        rows.withColumn(op, lit("insert"))
            .unionByName(replaced.withColumn(op, lit("delete")), true);
    String view = "pixelplayer_changes_" + Long.toUnsignedString(System.nanoTime(), 36);
    changes.createOrReplaceTempView(view);
    try {
      List<String> names = List.of(rows.columns());
      String columns = String.join(", ", names.stream().map(c -> "`" + c + "`").toList());
      String values = String.join(", ", names.stream().map(c -> "s.`" + c + "`").toList());
      spark
          .sql(
              "MERGE INTO "
                  + table
                  + " t USING "
                  + view
                  + " s ON t.uri = s.uri AND s."
                  + op
                  + " = 'delete'"
                  + " WHEN MATCHED THEN DELETE"
                  + " WHEN NOT MATCHED AND s."
                  + op
                  + " = 'insert' THEN INSERT ("
                  + columns
                  + ") VALUES ("
                  + values
                  + ")")
          .collect();
    } finally {
      spark.catalog().dropTempView(view);
    }
  }

  /** Creates the tables that are missing, each with an empty first snapshot. */
  private void createTables() {
    if (!where.own() && catalog() instanceof SupportsNamespaces namespaces) {
      Namespace namespace = Namespace.of(where.namespace());
      if (!namespaces.namespaceExists(namespace)) namespaces.createNamespace(namespace);
    }
    for (String name : WarehouseTables.ALL) {
      TableIdentifier id = id(name);
      if (catalog().tableExists(id)) continue;
      Schema schema = SparkSchemaUtil.convert(WarehouseTables.schema(name));
      Catalog.TableBuilder builder =
          catalog()
              .buildTable(id, schema)
              .withPartitionSpec(partitioning.spec(name, schema))
              .withProperty("format-version", "2")
              .withProperty("write.parquet.compression-codec", "zstd");
      // The Hadoop catalog places a table by its name; a catalog service is told to keep its files
      // under the warehouse too.
      if (!where.own())
        builder = builder.withLocation(fs.makeQualified(new Path(root, name)).toString());
      builder.create().newAppend().set(RUN_ID, CREATED).commit();
    }
  }

  private TableIdentifier id(String table) {
    return where.own()
        ? TableIdentifier.of(table)
        : TableIdentifier.of(Namespace.of(where.namespace()), table);
  }

  /** Lets tests stop a run between two table commits. */
  void afterTableCommit(Consumer<String> hook) {
    this.afterTableCommit = hook;
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  /** The Iceberg table {@code name} (one of {@link WarehouseTables#ALL}), for any engine. */
  public Table table(String name) {
    return catalog().loadTable(id(name));
  }

  /**
   * Every table, its metadata read once for all a caller asks of it; empty before the first commit.
   */
  private Map<String, Table> load() {
    if (!catalog().tableExists(id(WarehouseTables.VIDEOS))) return Map.of();
    Map<String, Table> tables = new LinkedHashMap<>();
    for (String name : WarehouseTables.ALL) tables.put(name, table(name));
    return tables;
  }

  /** The committed runs, oldest first (those whose snapshots have not been expired). */
  public List<WarehouseRun> runs() {
    return runs(load());
  }

  private static List<WarehouseRun> runs(Map<String, Table> tables) {
    if (tables.isEmpty()) return List.of();
    List<WarehouseRun> runs = new ArrayList<>();
    for (Snapshot s : SnapshotUtil.currentAncestors(tables.get(WarehouseTables.VIDEOS))) {
      WarehouseRun run = WarehouseRun.fromSummary(s.summary());
      if (run != null) runs.add(0, run);
    }
    return runs;
  }

  /**
   * The run the {@code videos} table's current snapshot published. Runs never overlap (the lock)
   * and their ids sort by start, so a table's snapshots with a later id are of a run in progress or
   * one that died between its table commits.
   */
  private static String publishedRun(Map<String, Table> tables) {
    return runId(tables.get(WarehouseTables.VIDEOS).currentSnapshot());
  }

  private static String runId(Snapshot snapshot) {
    return snapshot.summary().getOrDefault(RUN_ID, "");
  }

  /** The table's latest snapshot of {@code published} or an earlier run, or null when none. */
  private static Snapshot latestPublished(Table table, String published) {
    for (Snapshot s : SnapshotUtil.currentAncestors(table)) {
      if (runId(s).compareTo(published) <= 0) return s;
    }
    return null;
  }

  /**
   * Every table as of the last published run: each at its latest snapshot of that run or an earlier
   * one.
   */
  public Map<String, Dataset<Row>> tables(SparkSession spark) {
    return tables(spark, load());
  }

  private Map<String, Dataset<Row>> tables(SparkSession spark, Map<String, Table> loaded) {
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    String published = loaded.isEmpty() ? null : publishedRun(loaded);
    for (String name : WarehouseTables.ALL) {
      Snapshot pinned = published == null ? null : latestPublished(loaded.get(name), published);
      tables.put(
          name,
          pinned == null
              ? spark.createDataFrame(List.of(), WarehouseTables.schema(name))
              : spark
                  .read()
                  .option("snapshot-id", pinned.snapshotId())
                  .table(sparkTable(spark, name)));
    }
    return tables;
  }

  /**
   * Registers the tables of {@link #tables} as temporary views of {@code spark}, under their table
   * names, and the view {@value #RUNS_VIEW}: the run log, one row per committed run.
   */
  public void registerViews(SparkSession spark) {
    Map<String, Table> loaded = load();
    tables(spark, loaded).forEach((name, rows) -> rows.createOrReplaceTempView(name));
    runLog(spark, runs(loaded)).createOrReplaceTempView(RUNS_VIEW);
    snapshots(spark, loaded).createOrReplaceTempView(SNAPSHOTS_VIEW);
  }

  private static final StructType SNAPSHOTS_SCHEMA =
      new StructType()
          .add("table_name", DataTypes.StringType)
          .add("snapshot_id", DataTypes.LongType)
          .add("parent_id", DataTypes.LongType)
          .add("committed_at", DataTypes.TimestampType)
          .add("operation", DataTypes.StringType)
          .add("run_id", DataTypes.StringType)
          .add("added_rows", DataTypes.LongType)
          .add("deleted_rows", DataTypes.LongType)
          .add("total_rows", DataTypes.LongType)
          .add("is_current", DataTypes.BooleanType);

  /**
   * Every snapshot of every table, oldest first, from the tables' metadata: the ids and times
   * {@code VERSION AS OF} and {@code TIMESTAMP AS OF} take.
   */
  public Dataset<Row> snapshots(SparkSession spark) {
    return snapshots(spark, load());
  }

  private static Dataset<Row> snapshots(SparkSession spark, Map<String, Table> loaded) {
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, Table> entry : loaded.entrySet()) {
      String name = entry.getKey();
      Table table = entry.getValue();
      long current = table.currentSnapshot() == null ? -1 : table.currentSnapshot().snapshotId();
      for (Snapshot s : table.snapshots()) {
        Map<String, String> summary = s.summary();
        rows.add(
            RowFactory.create(
                name,
                s.snapshotId(),
                s.parentId(),
                new java.sql.Timestamp(s.timestampMillis()),
                s.operation(),
                summary.get(RUN_ID),
                number(summary, "added-records"),
                number(summary, "deleted-records"),
                number(summary, "total-records"),
                s.snapshotId() == current));
      }
    }
    return spark.createDataFrame(rows, SNAPSHOTS_SCHEMA);
  }

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

  /** Every committed run still in the warehouse, as its snapshot's summary records it. */
  public Dataset<Row> runLog(SparkSession spark) {
    return runLog(spark, runs());
  }

  private static Dataset<Row> runLog(SparkSession spark, List<WarehouseRun> runs) {
    List<Row> rows = new ArrayList<>();
    for (WarehouseRun run : runs) {
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
   * The fingerprint each input had when its latest run processed it (indexed, or failed in a way
   * that is the file's fault); inputs whose latest run failed for another reason (the model) have
   * none, so they are tried again.
   */
  public Map<String, String> fingerprints(SparkSession spark) {
    Map<String, Dataset<Row>> current = tables(spark);
    Map<String, String> fingerprints = new LinkedHashMap<>();
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

  // ---------------------------------------------------------------------------------------------
  // Catalogs

  private Catalog catalog() {
    if (catalog == null) {
      if (where.own()) {
        catalog = new HadoopCatalog(hadoop, uri());
      } else {
        String name = sparkCatalog(session);
        if (!(((org.apache.spark.sql.classic.SparkSession) session)
                .sessionState()
                .catalogManager()
                .catalog(name)
            instanceof SparkCatalog iceberg)) {
          throw new IllegalArgumentException(
              "Spark catalog "
                  + name
                  + " ("
                  + WarehouseCatalog.CATALOG
                  + ") is not Iceberg's SparkCatalog");
        }
        catalog = iceberg.icebergCatalog();
      }
    }
    return catalog;
  }

  /**
   * The name of the warehouse's catalog in {@code spark}: the configured one, or its own
   * (registered on first use: an Iceberg Hadoop catalog at the warehouse's URI, uncached, so that
   * every read sees the latest commit).
   */
  public String sparkCatalog(SparkSession spark) {
    if (!where.own()) {
      if (!spark.conf().contains("spark.sql.catalog." + where.sparkCatalog())) {
        throw new IllegalArgumentException(
            WarehouseCatalog.CATALOG
                + "="
                + where.sparkCatalog()
                + " names no Spark catalog: set spark.sql.catalog."
                + where.sparkCatalog()
                + "=org.apache.iceberg.spark.SparkCatalog and its type, uri and warehouse (see"
                + " conf/pixelplayer.properties)");
      }
      return where.sparkCatalog();
    }
    String name = "pixelplayer_" + shortHash(uri());
    String key = "spark.sql.catalog." + name;
    if (!spark.conf().contains(key)) {
      spark.conf().set(key, "org.apache.iceberg.spark.SparkCatalog");
      spark.conf().set(key + ".type", "hadoop");
      spark.conf().set(key + ".warehouse", uri());
      spark.conf().set(key + ".cache-enabled", "false");
    }
    return name;
  }

  /** The multi-part Spark name of {@code table}: catalog, namespace (if any), table. */
  public List<String> sparkTableParts(SparkSession spark, String table) {
    return where.own()
        ? List.of(sparkCatalog(spark), table)
        : List.of(sparkCatalog(spark), where.namespace(), table);
  }

  /** The Spark name of {@code table}, to read or write it with. */
  public String sparkTable(SparkSession spark, String table) {
    return String.join(".", sparkTableParts(spark, table));
  }

  private static String shortHash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The locations of the warehouse's tables, for checks that a plan reads nothing else. */
  public Set<String> tableLocations() {
    return WarehouseTables.ALL.stream()
        .map(t -> new Path(root, t))
        .map(p -> fs.makeQualified(p).toString())
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
