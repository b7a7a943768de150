package io.pixelplayer.jobs.warehouse;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The tables of a warehouse (CONTRACT.md), their names and schemas. */
public final class WarehouseTables {
  public static final String VIDEOS = "videos";
  public static final String CLIPS = "clips";
  public static final String SOURCES = "sources";
  public static final String PIXEL_MAPS = "pixel_maps";
  public static final String FAILURES = "failures";

  /** Every table. */
  public static final List<String> ALL = List.of(VIDEOS, CLIPS, SOURCES, PIXEL_MAPS, FAILURES);

  /** The pixel map of a clip's whole sound has this source index. */
  public static final int ALL_SOUND = -1;

  public static final StructType VIDEOS_SCHEMA =
      VideoRecord.DESCRIPTION
          .add("run_id", DataTypes.StringType, false)
          .add("model_version", DataTypes.StringType, false)
          .add("clips", DataTypes.IntegerType, false);

  /** Which clip a row is about: the first columns of {@code clips} and {@code sources}. */
  public static final StructType CLIP_KEY =
      new StructType()
          .add("clip_id", DataTypes.StringType, false)
          .add("video_id", DataTypes.StringType, false)
          .add("uri", DataTypes.StringType, false)
          .add("start_s", DataTypes.DoubleType, false)
          .add("end_s", DataTypes.DoubleType, false);

  /** What is said of one source in a clip. */
  public static final StructType SOURCE =
      new StructType()
          .add("source_index", DataTypes.IntegerType, false)
          .add("instrument", DataTypes.StringType, false)
          .add("confidence", DataTypes.DoubleType, false)
          .add("energy_share", DataTypes.DoubleType, false)
          .add("x", DataTypes.DoubleType, false)
          .add("y", DataTypes.DoubleType, false)
          .add("x0", DataTypes.DoubleType, false)
          .add("y0", DataTypes.DoubleType, false)
          .add("x1", DataTypes.DoubleType, false)
          .add("y1", DataTypes.DoubleType, false)
          .add("stem_uri", DataTypes.StringType, true);

  public static final StructType CLIPS_SCHEMA =
      CLIP_KEY
          .add("loudness_db", DataTypes.FloatType, false)
          .add("n_sources", DataTypes.IntegerType, false)
          .add("run_id", DataTypes.StringType, false);

  public static final StructType SOURCES_SCHEMA =
      concat(CLIP_KEY, SOURCE).add("run_id", DataTypes.StringType, false);

  public static final StructType PIXEL_MAPS_SCHEMA =
      new StructType()
          .add("clip_id", DataTypes.StringType, false)
          .add("source_index", DataTypes.IntegerType, false)
          .add("height", DataTypes.IntegerType, false)
          .add("width", DataTypes.IntegerType, false)
          .add("energy", DataTypes.createArrayType(DataTypes.FloatType, false), false)
          .add("run_id", DataTypes.StringType, false)
          // The clip's video, by which a nightly run replaces the maps of a changed video.
          .add("uri", DataTypes.StringType, false);

  private WarehouseTables() {}

  /** The fields of {@code parts}, in order, as one struct. */
  public static StructType concat(StructType... parts) {
    return new StructType(
        java.util.Arrays.stream(parts)
            .flatMap(p -> java.util.Arrays.stream(p.fields()))
            .toArray(StructField[]::new));
  }

  public static StructType schema(String table) {
    return switch (table) {
      case VIDEOS -> VIDEOS_SCHEMA;
      case CLIPS -> CLIPS_SCHEMA;
      case SOURCES -> SOURCES_SCHEMA;
      case PIXEL_MAPS -> PIXEL_MAPS_SCHEMA;
      case FAILURES -> FailureRecord.SCHEMA;
      default ->
          throw new IllegalArgumentException(
              "no table " + table + " in a warehouse (tables: " + String.join(", ", ALL) + ")");
    };
  }
}
