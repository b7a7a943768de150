package io.pixelplayer.jobs.ingest;

import io.pixelplayer.jobs.warehouse.FailureRecord;
import io.pixelplayer.jobs.warehouse.FailureStage;

/**
 * Why a video could not be ingested: the stage that failed and a reason on one line (a row of the
 * {@code failures} table).
 */
public final class IngestFailure extends Exception {
  private final FailureStage stage;

  public IngestFailure(FailureStage stage, String reason) {
    super(FailureRecord.oneLine(reason));
    this.stage = stage;
  }

  public IngestFailure(FailureStage stage, String reason, Throwable cause) {
    super(FailureRecord.oneLine(reason), cause);
    this.stage = stage;
  }

  public FailureStage stage() {
    return stage;
  }

  public String reason() {
    return getMessage();
  }
}
