package io.pixelplayer.jobs.cli;

import io.pixelplayer.jobs.Causes;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The one line a failed verb prints: the most telling message of an exception chain, without the
 * stack traces that some messages carry (Spark's "Job aborted due to stage failure" quotes the
 * task's whole trace).
 */
final class ErrorMessages {
  private ErrorMessages() {}

  static String oneLine(Throwable e) {
    Throwable telling = e;
    for (Throwable t : Causes.chain(e)) {
      telling = t;
      if (!isWrapper(t)) break;
    }
    return firstLine(describe(telling));
  }

  /**
   * An exception that only carries another: its cause says more (Spark's job failures, reflection,
   * futures).
   */
  private static boolean isWrapper(Throwable e) {
    Throwable cause = e.getCause();
    if (cause == null || cause == e) return false;
    String message = e.getMessage();
    return message == null
        || message.isBlank()
        || message.equals(cause.toString())
        || e.getClass().getName().equals("org.apache.spark.SparkException")
        || e instanceof java.util.concurrent.ExecutionException
        || e instanceof java.lang.reflect.InvocationTargetException;
  }

  /** File system errors name only the path: say what went wrong with it. */
  private static String describe(Throwable e) {
    if (e instanceof FileSystemException fs) {
      String what =
          e instanceof AccessDeniedException
              ? "permission denied"
              : e instanceof NoSuchFileException
                  ? "no such file or folder"
                  : e instanceof NotDirectoryException
                      ? "not a folder"
                      : e instanceof FileAlreadyExistsException
                          ? "already exists"
                          : fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
      return fs.getFile()
          + ": "
          + what
          + (fs.getOtherFile() != null ? " (" + fs.getOtherFile() + ")" : "");
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /** The text up to the first stack frame, on one line. */
  private static String firstLine(String text) {
    int trace = text.indexOf("\n\tat ");
    String head = trace < 0 ? text : text.substring(0, trace);
    return head.strip().replaceAll("\\s+", " ");
  }
}
