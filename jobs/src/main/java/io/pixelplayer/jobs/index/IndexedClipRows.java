package io.pixelplayer.jobs.index;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;

import io.pixelplayer.jobs.ingest.ClipRows;
import io.pixelplayer.jobs.ingest.DecodedClip;
import io.pixelplayer.jobs.ingest.VideoListing.VideoFile;
import io.pixelplayer.jobs.warehouse.WarehouseTables;
import io.pixelplayer.model.infer.SourceFinder;
import io.pixelplayer.udf.PixelEnergyMap;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * What the executors write for each clip: one nested row with its sources and energy maps, written
 * once (the networks run once per clip) and then split into the {@code clips}, {@code sources} and
 * {@code pixel_maps} tables.
 */
final class IndexedClipRows {
  /** A source as the sources table has it, and its energy map. */
  private static final StructType SOURCE =
      WarehouseTables.SOURCE.add(
          "energy", DataTypes.createArrayType(DataTypes.FloatType, false), false);

  static final StructType SCHEMA =
      WarehouseTables.CLIP_KEY
          .add("loudness_db", DataTypes.FloatType, false)
          .add("map_height", DataTypes.IntegerType, true)
          .add("map_width", DataTypes.IntegerType, true)
          .add("sound_energy", DataTypes.createArrayType(DataTypes.FloatType, false), true)
          .add("sources", DataTypes.createArrayType(SOURCE, false), false);

  private IndexedClipRows() {}

  /**
   * @param sampleRate of the clip's audio: the clip ends where its decoded samples end
   * @param sound the whole sound's map, or null when the model did not see the clip (no frames)
   * @param stemUris per source, where its audio is (null when stems are not written)
   */
  static Row toRow(
      VideoFile video,
      DecodedClip clip,
      int sampleRate,
      PixelEnergyMap sound,
      List<SourceFinder.Source> sources,
      List<String> stemUris) {
    List<Row> sourceRows = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      SourceFinder.Source s = sources.get(i);
      sourceRows.add(
          RowFactory.create(
              s.index(),
              s.instrument(),
              s.confidence(),
              s.energyShare(),
              s.centroid().x(),
              s.centroid().y(),
              s.box().x0(),
              s.box().y0(),
              s.box().x1(),
              s.box().y1(),
              stemUris.get(i),
              floats(s.map().energy())));
    }
    return RowFactory.create(
        ClipRows.clipId(video.videoId(), clip.index()),
        video.videoId(),
        video.uri(),
        clip.startSeconds(),
        clip.startSeconds() + clip.validSamples() / (double) sampleRate,
        clip.loudnessDb(),
        sound == null ? null : sound.height(),
        sound == null ? null : sound.width(),
        sound == null ? null : floats(sound.energy()),
        CollectionConverters.asScala(sourceRows).toSeq());
  }

  /** The {@code clips} table of a run. */
  static Dataset<Row> clips(Dataset<Row> indexed, String runId) {
    return indexed.select(
        col("clip_id"),
        col("video_id"),
        col("uri"),
        col("start_s"),
        col("end_s"),
        col("loudness_db"),
        size(col("sources")).as("n_sources"),
        lit(runId).as("run_id"));
  }

  /** The {@code sources} table of a run. */
  static Dataset<Row> sources(Dataset<Row> indexed, String runId) {
    List<Column> columns = new ArrayList<>();
    for (String c : WarehouseTables.CLIP_KEY.fieldNames()) columns.add(col(c));
    for (String field : WarehouseTables.SOURCE.fieldNames())
      columns.add(col("s." + field).as(field));
    columns.add(lit(runId).as("run_id"));
    return withSources(indexed).select(columns.toArray(Column[]::new));
  }

  /**
   * The {@code pixel_maps} table of a run: each clip's whole sound ({@value
   * WarehouseTables#ALL_SOUND}) and each source.
   */
  static Dataset<Row> pixelMaps(Dataset<Row> indexed, String runId) {
    Dataset<Row> sound =
        indexed
            .where(col("sound_energy").isNotNull())
            .select(
                col("clip_id"),
                lit(WarehouseTables.ALL_SOUND).as("source_index"),
                col("map_height").as("height"),
                col("map_width").as("width"),
                col("sound_energy").as("energy"),
                lit(runId).as("run_id"),
                col("uri"));
    Dataset<Row> perSource =
        withSources(indexed)
            .select(
                col("clip_id"),
                col("s.source_index").as("source_index"),
                col("map_height").as("height"),
                col("map_width").as("width"),
                col("s.energy").as("energy"),
                lit(runId).as("run_id"),
                col("uri"));
    return sound.union(perSource);
  }

  private static Dataset<Row> withSources(Dataset<Row> indexed) {
    return indexed.select(col("*"), explode(col("sources")).as("s"));
  }

  private static scala.collection.immutable.Seq<Float> floats(float[] values) {
    List<Float> boxed = new ArrayList<>(values.length);
    for (float v : values) boxed.add(v);
    return CollectionConverters.asScala(boxed).toSeq();
  }
}
