package io.pixelplayer.jobs.ingest;

/**
 * Why a video could not be ingested, as one row of the {@code failures} table: the stage that failed
 * ({@code open}, {@code probe}, {@code decode}, ...) and a reason on one line.
 */
public final class IngestFailure extends Exception {
  private final String stage;

  public IngestFailure(String stage, String reason) {
    super(oneLine(reason));
    this.stage = stage;
  }

  public IngestFailure(String stage, String reason, Throwable cause) {
    super(oneLine(reason), cause);
    this.stage = stage;
  }

  public String stage() {
    return stage;
  }

  public String reason() {
    return getMessage();
  }

  /** Collapses whitespace so that any message fits on one line. */
  public static String oneLine(String text) {
    return text == null ? "unknown error" : text.strip().replaceAll("\\s+", " ");
  }
}
