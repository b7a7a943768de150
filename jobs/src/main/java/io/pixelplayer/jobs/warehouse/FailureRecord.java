package io.pixelplayer.jobs.warehouse;

import java.io.Serializable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One row of the {@code failures} table: an input that could not (fully) be processed, and why.
 *
 * @param fingerprint the version of the input that failed (see {@code VideoFile#fingerprint()}), or null when unknown:
 *                    the nightly run does not retry an unchanged input that failed
 */
public record FailureRecord(String uri, String stage, String reason, String fingerprint) implements Serializable {
  public static final StructType SCHEMA = new StructType()
      .add("uri", DataTypes.StringType, false)
      .add("stage", DataTypes.StringType, false)
      .add("reason", DataTypes.StringType, false)
      .add("run_id", DataTypes.StringType, false)
      .add("fingerprint", DataTypes.StringType, true);

  public FailureRecord {
    reason = reason == null ? "unknown error" : reason.strip().replaceAll("\\s+", " ");
  }

  public Row toRow(String runId) {
    return RowFactory.create(uri, stage, reason, runId, fingerprint);
  }
}
