package io.pixelplayer.jobs.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.ingest.HostileNames;
import io.pixelplayer.jobs.ingest.TestVideos;
import io.pixelplayer.jobs.runtime.ExecutorModels;
import io.pixelplayer.jobs.spark.SparkSessions;
import io.pixelplayer.jobs.warehouse.Warehouse;
import io.pixelplayer.jobs.warehouse.WarehouseTables;
import io.pixelplayer.udf.SampledAudio;
import io.pixelplayer.udf.Wav;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.hadoop.HadoopTables;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index job end to end on local Spark with the shipped model: two sample videos, a silent one
 * and a broken file.
 */
class IndexJobTest {
  private static final Path ROOT = ShippedModelIndex.ROOT;
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = SparkSessions.create("index-test", PixelPlayerConf.defaults(), "local[2]");
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  private static IndexJob.Result index(
      Path input, Warehouse warehouse, boolean incremental, PixelPlayerConf conf) throws Exception {
    return ShippedModelIndex.index(spark, input, warehouse, incremental, conf);
  }

  private static String key(String table) {
    return switch (table) {
      case WarehouseTables.VIDEOS, WarehouseTables.FAILURES -> "uri";
      default -> "clip_id";
    };
  }

  @Test
  void everyVideoBecomesClipsSourcesMapsAndStemsAndEveryBadFileOneFailure(@TempDir Path dir)
      throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.copy(ROOT.resolve("samples/videos/solo-0012.mp4"), in.resolve("solo-0012.mp4"));
    Files.copy(ROOT.resolve("samples/videos/duet-0003.mp4"), in.resolve("duet-0003.mp4"));
    Path broken = TestVideos.randomBytes(in);
    Path silent = TestVideos.silentAudio(in, 4);
    Warehouse warehouse =
        new Warehouse(dir.resolve("wh").toString(), spark.sparkContext().hadoopConfiguration());
    int loadsBefore = ExecutorModels.loads();

    IndexJob.Result result = index(in, warehouse, false, PixelPlayerConf.defaults());

    // One model load in this JVM at most (the driver's, shared by the tasks), not one per task or
    // partition.
    assertThat(ExecutorModels.loads() - loadsBefore).isLessThanOrEqualTo(1);
    assertThat(result.runId()).startsWith("run-");
    assertThat(result.videosFound()).isEqualTo(4);
    assertThat(warehouse.runs())
        .singleElement()
        .satisfies(
            run -> {
              assertThat(run.runId()).isEqualTo(result.runId());
              assertThat(run.full()).isTrue();
              assertThat(run.details())
                  .containsEntry("videos_indexed", "2")
                  .containsEntry("failures", "2");
            });
    assertThat(dir.resolve("wh/_staging")).doesNotExist();
    // One snapshot per table, naming the run; any engine reads the same rows as sql (here Iceberg's
    // generic Java reader, given only the table's folder: no Spark, no catalog).
    Map<String, Dataset<Row>> tables = warehouse.tables(spark);
    for (String table : WarehouseTables.ALL) {
      Table byPath =
          new HadoopTables(new Configuration()).load(dir.resolve("wh").resolve(table).toString());
      assertThat(byPath.currentSnapshot().summary())
          .containsEntry("pixelplayer.run-id", result.runId());
      List<String> generic = new ArrayList<>();
      try (CloseableIterable<Record> rows = IcebergGenerics.read(byPath).build()) {
        for (Record row : rows)
          generic.add(row.getField("run_id") + " " + row.getField(key(table)));
      }
      List<String> viaSpark =
          tables.get(table).select("run_id", key(table)).collectAsList().stream()
              .map(r -> r.get(0) + " " + r.get(1))
              .toList();
      assertThat(generic).as(table).isNotEmpty().containsExactlyInAnyOrderElementsOf(viaSpark);
    }
    for (String table : WarehouseTables.ALL) {
      assertThat(tables.get(table).schema().fieldNames())
          .as(table)
          .containsExactly(WarehouseTables.schema(table).fieldNames());
    }

    // Failures: the broken file at open, the silent one at audio; one line each, with the file's
    // fingerprint.
    Map<String, String> failures =
        tables.get(WarehouseTables.FAILURES).collectAsList().stream()
            .collect(Collectors.toMap(r -> fileName(r.getString(0)), r -> r.getString(1)));
    assertThat(failures)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                broken.getFileName().toString(), "open", silent.getFileName().toString(), "audio"));
    assertThat(tables.get(WarehouseTables.FAILURES).collectAsList())
        .allSatisfy(
            r -> {
              assertThat(r.getString(2)).isNotBlank().doesNotContain("\n");
              assertThat(r.<String>getAs("fingerprint")).matches("\\d+-\\d+");
            });

    // Videos: the two good ones, with the model's version; the silent one is a failure only
    // (nothing of it is indexed).
    String version = ShippedModelIndex.version(spark);
    List<Row> videos = tables.get(WarehouseTables.VIDEOS).orderBy("video_id").collectAsList();
    assertThat(videos)
        .extracting(r -> r.<String>getAs("video_id"))
        .containsExactly("duet-0003", "solo-0012");
    assertThat(videos)
        .allSatisfy(
            r -> {
              assertThat(r.<String>getAs("model_version")).isEqualTo(version);
              assertThat(r.<String>getAs("run_id")).isEqualTo(result.runId());
            });

    // Clips: the model's 3 s crops tile each 6 s sample video; none of the silent video, and none
    // of its stems.
    List<Row> clips = tables.get(WarehouseTables.CLIPS).orderBy("clip_id").collectAsList();
    assertThat(clips)
        .extracting(r -> r.<String>getAs("clip_id"))
        .containsExactly("duet-0003#0", "duet-0003#1", "solo-0012#0", "solo-0012#1");
    assertThat(clips.get(1).<Double>getAs("start_s")).isCloseTo(32767 / 11025.0, within(1e-6));
    assertThat(result.clips()).isEqualTo(clips.size());
    assertThat(dir.resolve("wh/stems/" + result.runId() + "/silent")).doesNotExist();

    // Sources: the solo cello is heard and seen as a cello; each source's stem is its clip's length
    // of audio.
    List<Row> sources =
        tables.get(WarehouseTables.SOURCES).orderBy("clip_id", "source_index").collectAsList();
    List<Row> cello =
        sources.stream().filter(r -> r.<String>getAs("video_id").equals("solo-0012")).toList();
    assertThat(cello).hasSizeGreaterThanOrEqualTo(2);
    assertThat(cello)
        .filteredOn(r -> r.<Integer>getAs("source_index") == 0)
        .allSatisfy(
            r -> {
              assertThat(r.<String>getAs("instrument")).isEqualTo("cello");
              assertThat(r.<Double>getAs("confidence")).isGreaterThan(0.5);
            });
    for (Row source : sources) {
      assertThat(source.<Double>getAs("confidence")).isBetween(0.2, 1.0);
      assertThat(source.<Double>getAs("energy_share")).isBetween(0.0, 1.0);
      assertThat(source.<Double>getAs("x0")).isLessThan(source.<Double>getAs("x1"));
      assertThat(source.<Double>getAs("x"))
          .isBetween(source.<Double>getAs("x0"), source.<Double>getAs("x1"));
      Path stem = Path.of(URI.create(source.getAs("stem_uri")));
      assertThat(stem.toString()).contains("/wh/stems/" + result.runId() + "/");
      SampledAudio audio = Wav.read(stem);
      assertThat(audio.sampleRate()).isEqualTo(11025);
      double seconds = source.<Double>getAs("end_s") - source.<Double>getAs("start_s");
      assertThat(audio.frames()).isCloseTo((int) Math.round(seconds * 11025), within(1));
    }
    Map<String, Double> shares =
        sources.stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.getString(0),
                    Collectors.summingDouble(r -> r.<Double>getAs("energy_share"))));
    assertThat(shares.values())
        .allSatisfy(total -> assertThat(total).isLessThanOrEqualTo(1.0 + 1e-6));

    // Maps: the whole sound's for every clip, and one per source; a source's map is part of the
    // whole's.
    List<Row> maps = tables.get(WarehouseTables.PIXEL_MAPS).collectAsList();
    assertThat(maps).hasSize(clips.size() + sources.size());
    for (Row map : maps) {
      assertThat(map.getList(map.fieldIndex("energy")))
          .hasSize(map.<Integer>getAs("height") * map.<Integer>getAs("width"));
    }
    assertThat(maps)
        .filteredOn(r -> r.<Integer>getAs("source_index") == WarehouseTables.ALL_SOUND)
        .hasSize(clips.size());
  }

  private static String fileName(String uri) {
    return Path.of(URI.create(uri)).getFileName().toString();
  }

  @Test
  void videosWithAnyNameAreIndexedWithSafeIdsAndUsableStems(@TempDir Path dir) throws Exception {
    Path in = Files.createDirectories(dir.resolve("in put"));
    List<Path> files = new java.util.ArrayList<>();
    for (String name : HostileNames.ALL) {
      files.add(
          Files.copy(ROOT.resolve("samples/videos/solo-0012.mp4"), in.resolve(name + ".mp4")));
    }
    Warehouse warehouse =
        new Warehouse(
            dir.resolve("ware house").toString(), spark.sparkContext().hadoopConfiguration());

    IndexJob.Result result = index(in, warehouse, false, PixelPlayerConf.defaults());

    assertThat(result.failures()).isEmpty();
    assertThat(result.videosIndexed()).isEqualTo(files.size());
    Map<String, org.apache.spark.sql.Dataset<Row>> tables = warehouse.tables(spark);
    List<Row> videos = tables.get(WarehouseTables.VIDEOS).collectAsList();
    assertThat(videos)
        .extracting(r -> Path.of(URI.create(r.getAs("uri"))))
        .containsExactlyInAnyOrderElementsOf(files);
    assertThat(videos)
        .extracting(r -> r.<String>getAs("video_id"))
        .doesNotHaveDuplicates()
        .allSatisfy(id -> assertThat(id).matches("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*"));
    List<Row> sources = tables.get(WarehouseTables.SOURCES).collectAsList();
    assertThat(sources)
        .extracting(r -> r.<String>getAs("video_id"))
        .containsAll(videos.stream().map(r -> r.<String>getAs("video_id")).toList());
    for (Row source : sources) {
      Path stem = Path.of(URI.create(source.getAs("stem_uri")));
      assertThat(stem).startsWith(dir.resolve("ware house"));
      assertThat(Wav.read(stem).sampleRate()).isEqualTo(11025);
    }
    try (var everything = Files.walk(dir)) {
      assertThat(everything.map(p -> p.getFileName().toString()))
          .as("no name was run by a shell")
          .doesNotContain("pwned", "x");
    }
    assertThat(Path.of("pwned")).doesNotExist();

    // Each file alone as the input, and the folder again incrementally: the same URIs, so nothing
    // is new.
    Path alone = files.get(HostileNames.ALL.indexOf("what?"));
    IndexJob.Result single =
        index(
            alone,
            new Warehouse(
                dir.resolve("single").toString(), spark.sparkContext().hadoopConfiguration()),
            false,
            PixelPlayerConf.defaults());
    assertThat(single.failures()).isEmpty();
    assertThat(single.videosIndexed()).isEqualTo(1);
    assertThat(index(in, warehouse, true, PixelPlayerConf.defaults()).runId()).isNull();
  }

  @Test
  void videosTheModelFailsOnAreFailuresOnlyAndTheNextNightlyRetriesThem(@TempDir Path dir)
      throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.copy(ROOT.resolve("samples/videos/solo-0012.mp4"), in.resolve("solo-0012.mp4"));
    Files.copy(ROOT.resolve("samples/videos/solo-0009.mp4"), in.resolve("solo-0009.mp4"));
    Warehouse warehouse =
        new Warehouse(dir.resolve("wh").toString(), spark.sparkContext().hadoopConfiguration());

    IndexJob.Result failed =
        ShippedModelIndex.index(
            spark, in, warehouse, true, PixelPlayerConf.defaults(), hadoop -> new LostDevice());

    assertThat(failed.videosIndexed()).isZero();
    Map<String, org.apache.spark.sql.Dataset<Row>> tables = warehouse.tables(spark);
    assertThat(tables.get(WarehouseTables.VIDEOS).count()).isZero();
    assertThat(tables.get(WarehouseTables.CLIPS).count()).isZero();
    assertThat(tables.get(WarehouseTables.FAILURES).collectAsList())
        .hasSize(2)
        .allSatisfy(
            r -> {
              assertThat(r.<String>getAs("stage")).isEqualTo("model");
              assertThat(r.<String>getAs("reason"))
                  .isEqualTo(
                      "the model failed on clips of this video: IllegalStateException: CUDA error: device lost");
              assertThat(r.<String>getAs("fingerprint")).isNull();
            });
    Path stems = dir.resolve("wh/stems");
    if (Files.exists(stems)) {
      try (var written = Files.walk(stems)) {
        assertThat(written.filter(Files::isRegularFile)).as("no stems of lost videos").isEmpty();
      }
    }

    IndexJob.Result retried = index(in, warehouse, true, PixelPlayerConf.defaults());
    assertThat(retried.videosIndexed()).isEqualTo(2);
    assertThat(retried.unchanged()).isZero();
    tables = warehouse.tables(spark);
    assertThat(tables.get(WarehouseTables.VIDEOS).count()).isEqualTo(2);
    assertThat(tables.get(WarehouseTables.FAILURES).count()).isZero();
    assertThat(index(in, warehouse, true, PixelPlayerConf.defaults()).runId())
        .as("a rerun finds nothing new")
        .isNull();
  }

  /** A model whose device is gone: every batch fails. */
  private static final class LostDevice implements TaskModel {
    @Override
    public int framesPerClip() {
      return 3;
    }

    @Override
    public io.pixelplayer.udf.LogFrequencyWarp warp() {
      return io.pixelplayer.udf.LogFrequencyWarp.paper();
    }

    @Override
    public List<io.pixelplayer.model.infer.ClipAnalysis> analyse(
        List<io.pixelplayer.model.infer.ClipInput> clips) {
      throw new IllegalStateException("CUDA error: device lost");
    }

    @Override
    public void close() {}
  }
}
