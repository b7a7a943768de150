package io.pixelplayer.jobs.fs;

import io.pixelplayer.jobs.Causes;
import io.pixelplayer.jobs.warehouse.FailureRecord;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.util.Set;

/**
 * Tells a stored file that cannot be read (denied, gone: a {@code failures} row, and the job goes
 * on) from a storage that cannot be reached (refused connections, timeouts, server errors after the
 * client's retries): then no file's fault, so the task fails, Spark retries it, and a run that
 * still cannot read fails whole rather than record good videos as failures.
 */
public final class StorageErrors {
  /**
   * Exceptions of a connection to the storage, not of one file (by class name: no S3 on the
   * classpath is needed).
   */
  private static final Set<String> UNREACHABLE =
      Set.of(
          "java.net.ConnectException",
          "java.net.NoRouteToHostException",
          "java.net.UnknownHostException",
          "java.net.SocketTimeoutException",
          "java.net.SocketException",
          "org.apache.hadoop.net.ConnectTimeoutException",
          "org.apache.hadoop.fs.s3a.AWSClientIOException",
          "org.apache.hadoop.fs.s3a.AWSApiCallTimeoutException",
          "org.apache.hadoop.fs.s3a.AWSStatus500Exception",
          "org.apache.hadoop.fs.s3a.AWSServiceThrottledException",
          "software.amazon.awssdk.core.exception.SdkClientException");

  private StorageErrors() {}

  /** Whether {@code e} says the storage could not be reached, rather than something of one file. */
  public static boolean unreachable(Throwable e) {
    for (Throwable t : Causes.chain(e)) {
      for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
        if (UNREACHABLE.contains(c.getName())) return true;
      }
    }
    return false;
  }

  /** The one-line reason a file could not be read, for its {@code failures} row. */
  public static String readFailure(Throwable e) {
    if (e instanceof AccessDeniedException) {
      return "cannot read the file: access denied (the credentials or permissions do not allow it)";
    }
    if (e instanceof FileNotFoundException) {
      return "cannot read the file: it is gone (removed after the listing)";
    }
    return "cannot read the file: " + FailureRecord.describe(e);
  }

  /** The failure of a task that could not reach the storage of {@code uri}. */
  public static UncheckedIOException unreachableWhileReading(String uri, Throwable e) {
    return new UncheckedIOException(
        "cannot reach the storage of "
            + uri
            + " ("
            + FailureRecord.describe(Causes.root(e))
            + "); this run publishes nothing: run it again when the storage answers",
        e instanceof IOException io ? io : new IOException(e));
  }
}
