package io.pixelplayer.jobs.warehouse;

import java.io.Serializable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One row of the {@code failures} table: an input that could not (fully) be processed, and why.
 *
 * @param fingerprint the version of the input that failed (see {@code VideoFile#fingerprint()}), or
 *     null when the failure was not the input's fault ({@link FailureStage#retried()}): the nightly
 *     run does not retry an unchanged input whose failure has a fingerprint
 */
public record FailureRecord(String uri, FailureStage stage, String reason, String fingerprint)
    implements Serializable {
  public static final StructType SCHEMA =
      new StructType()
          .add("uri", DataTypes.StringType, false)
          .add("stage", DataTypes.StringType, false)
          .add("reason", DataTypes.StringType, false)
          .add("run_id", DataTypes.StringType, false)
          .add("fingerprint", DataTypes.StringType, true);

  public FailureRecord {
    reason = oneLine(reason);
  }

  /**
   * A failure of the version {@code fingerprint} of {@code uri} at {@code stage}; retried stages
   * keep no fingerprint.
   */
  public static FailureRecord of(
      String uri, FailureStage stage, String reason, String fingerprint) {
    return new FailureRecord(uri, stage, reason, stage.retried() ? null : fingerprint);
  }

  public Row toRow(String runId) {
    return RowFactory.create(uri, stage.column(), reason, runId, fingerprint);
  }

  /**
   * What went wrong, for a reason: the exception's class and its message (when it has one), on one
   * line.
   */
  public static String describe(Throwable e) {
    String name = e.getClass().getSimpleName();
    return e.getMessage() == null || e.getMessage().isBlank()
        ? name
        : name + ": " + oneLine(e.getMessage());
  }

  /** Collapses whitespace (newlines included) so that any message fits on one line. */
  public static String oneLine(String text) {
    return text == null || text.isBlank() ? "unknown error" : text.strip().replaceAll("\\s+", " ");
  }
}
