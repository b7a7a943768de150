package io.pixelplayer.jobs.warehouse;

import java.io.Serializable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One row of an ingest run's {@code videos} table: a video that opened, with what was decoded of
 * it.
 */
public record VideoRecord(
    String videoId,
    String uri,
    long sizeBytes,
    String fingerprint,
    double durationSeconds,
    int width,
    int height,
    double fps,
    int audioRate,
    int clips)
    implements Serializable {

  /**
   * What the container and the decoder say of the video: the columns an ingest run and the
   * warehouse share.
   */
  public static final StructType DESCRIPTION =
      new StructType()
          .add("video_id", DataTypes.StringType, false)
          .add("uri", DataTypes.StringType, false)
          .add("size_bytes", DataTypes.LongType, false)
          .add("fingerprint", DataTypes.StringType, false)
          .add("duration_s", DataTypes.DoubleType, false)
          .add("width", DataTypes.IntegerType, false)
          .add("height", DataTypes.IntegerType, false)
          .add("fps", DataTypes.DoubleType, false)
          .add("audio_rate", DataTypes.IntegerType, false);

  /** The {@code videos} table of an ingest run. */
  public static final StructType SCHEMA =
      DESCRIPTION
          .add("clips", DataTypes.IntegerType, false)
          .add("run_id", DataTypes.StringType, false);

  public Row toRow(String runId) {
    return RowFactory.create(
        videoId,
        uri,
        sizeBytes,
        fingerprint,
        durationSeconds,
        width,
        height,
        fps,
        audioRate,
        clips,
        runId);
  }

  /**
   * A row of the warehouse's {@code videos} table (CONTRACT.md's column order, then the clip
   * count).
   */
  public Row toWarehouseRow(String runId, String modelVersion) {
    return RowFactory.create(
        videoId,
        uri,
        sizeBytes,
        fingerprint,
        durationSeconds,
        width,
        height,
        fps,
        audioRate,
        runId,
        modelVersion,
        clips);
  }
}
