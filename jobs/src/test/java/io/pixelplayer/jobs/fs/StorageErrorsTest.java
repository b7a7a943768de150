package io.pixelplayer.jobs.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.AccessDeniedException;
import org.junit.jupiter.api.Test;

class StorageErrorsTest {
  @Test
  void aRefusedOrTimedOutConnectionAnywhereInTheChainIsTheStorageNotTheFile() {
    assertThat(
            StorageErrors.unreachable(
                new IOException("open s3a://b/k", new ConnectException("Connection refused"))))
        .isTrue();
    assertThat(
            StorageErrors.unreachable(
                new RuntimeException(
                    new IOException(new SocketTimeoutException("Read timed out")))))
        .isTrue();
    assertThat(StorageErrors.unreachable(new AccessDeniedException("s3a://b/k"))).isFalse();
    assertThat(StorageErrors.unreachable(new FileNotFoundException("s3a://b/k"))).isFalse();
    assertThat(StorageErrors.unreachable(new IOException("Invalid data found"))).isFalse();
  }

  @Test
  void aFileThatCannotBeReadGetsAOneLineReason() {
    assertThat(
            StorageErrors.readFailure(
                new AccessDeniedException("s3a://b/k", null, "403 Forbidden")))
        .isEqualTo(
            "cannot read the file: access denied (the credentials or permissions do not allow it)");
    assertThat(StorageErrors.readFailure(new FileNotFoundException("s3a://b/k")))
        .isEqualTo("cannot read the file: it is gone (removed after the listing)");
    assertThat(StorageErrors.readFailure(new IOException("bad\nthings")))
        .isEqualTo("cannot read the file: IOException: bad things");
  }

  @Test
  void aTaskThatCannotReachTheStorageFailsInOneLineThatSaysNothingIsPublished() {
    String message =
        StorageErrors.unreachableWhileReading(
                "s3a://b/in/a.mp4",
                new IOException("open", new ConnectException("Connection refused")))
            .getMessage();
    assertThat(message)
        .isEqualTo(
            "cannot reach the storage of s3a://b/in/a.mp4 (ConnectException: Connection refused);"
                + " this run publishes nothing: run it again when the storage answers");
  }
}
