package io.pixelplayer.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;

class ErrorMessagesTest {
  @Test
  void aSparkJobFailureIsTheTasksOwnErrorWithoutItsTrace() {
    IOException task = new IOException("Mkdirs failed to create file:/wh/_staging/run-1/indexed");
    SparkException job =
        new SparkException(
            "Job aborted due to stage failure: Task 0 in stage 1.0 failed 1 times, most recent failure: "
                + task
                + "\n\tat org.apache.hadoop.fs.ChecksumFileSystem.create(ChecksumFileSystem.java:1)\n\tat x.y(Z.java:2)",
            task);
    assertThat(ErrorMessages.oneLine(job))
        .isEqualTo("Mkdirs failed to create file:/wh/_staging/run-1/indexed");
  }

  @Test
  void aMessageThatQuotesATraceIsCutAtItsFirstFrame() {
    assertThat(
            ErrorMessages.oneLine(
                new IllegalStateException(
                    "it broke:\n  badly\n\tat a.b(C.java:1)\n\tat d.e(F.java:2)")))
        .isEqualTo("it broke: badly");
  }

  @Test
  void fileSystemErrorsSayWhatIsWrongWithThePath() {
    assertThat(ErrorMessages.oneLine(new AccessDeniedException("/out/x.wav")))
        .isEqualTo("/out/x.wav: permission denied");
    assertThat(
            ErrorMessages.oneLine(new UncheckedIOException(new NoSuchFileException("/in/a.mp4"))))
        .isEqualTo("/in/a.mp4: no such file or folder");
  }

  @Test
  void anExceptionWithoutAMessageIsNamedOrExplainedByItsCause() {
    assertThat(ErrorMessages.oneLine(new NullPointerException())).isEqualTo("NullPointerException");
    assertThat(ErrorMessages.oneLine(new RuntimeException(new IOException("disk full"))))
        .isEqualTo("disk full");
    assertThat(
            ErrorMessages.oneLine(
                new IllegalArgumentException("bad --gain", new NumberFormatException("x"))))
        .isEqualTo("bad --gain");
  }
}
