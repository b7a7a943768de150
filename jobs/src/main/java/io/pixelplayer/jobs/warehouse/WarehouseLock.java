package io.pixelplayer.jobs.warehouse;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One writer at a time: a run holds the warehouse's lock file while it writes and refreshes it
 * every quarter of the timeout; a lock not refreshed for the timeout was left by a run that died,
 * and the next run takes it over. A second run started beside a live one fails in one line, before
 * any work.
 *
 * <p>Taking it must be atomic when two runs start at once. A local file is created exclusively; an
 * object store has no such create (a check, then a write), so both runs may write: the last write
 * wins, and each run reads the lock back after {@link #SETTLE}, longer than the gap between its
 * check and its write, and goes on only if the lock still holds its own text.
 */
public final class WarehouseLock implements AutoCloseable {
  /** Seconds after which a lock not refreshed is taken as left by a run that died. */
  public static final String TIMEOUT_SECONDS = "pixelplayer.warehouse.lockTimeoutSeconds";

  /** How long a run waits before reading back the lock it wrote to an object store. */
  static final Duration SETTLE = Duration.ofSeconds(2);

  private final FileSystem fs;
  private final Path file;
  private final String text;
  private final ScheduledExecutorService refresher;

  private WarehouseLock(FileSystem fs, Path file, String text, Duration timeout) {
    this.fs = fs;
    this.file = file;
    this.text = text;
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "warehouse-lock");
              thread.setDaemon(true);
              return thread;
            });
    long every = Math.max(1, timeout.toMillis() / 4);
    refresher.scheduleAtFixedRate(this::refresh, every, every, TimeUnit.MILLISECONDS);
  }

  /** The lock timeout of {@code conf}. */
  public static Duration timeout(PixelPlayerConf conf) {
    long seconds = conf.getLong(TIMEOUT_SECONDS);
    if (seconds < 10) {
      throw new IllegalArgumentException(
          "setting " + TIMEOUT_SECONDS + "=" + seconds + " must be at least 10");
    }
    return Duration.ofSeconds(seconds);
  }

  /**
   * Takes the lock {@code file} for {@code holder} (who holds it, for the message a second writer
   * gets).
   *
   * @throws IOException in one line when a live run holds it
   */
  static WarehouseLock acquire(FileSystem fs, Path file, String holder, Duration timeout)
      throws IOException {
    FileStatus held = status(fs, file);
    if (held != null) {
      Duration age =
          Duration.ofMillis(Math.max(0, System.currentTimeMillis() - held.getModificationTime()));
      if (age.compareTo(timeout) < 0) throw busy(fs, file, age, timeout);
      fs.delete(file, false);
    }
    String text = holder + " since " + Instant.now() + " (" + UUID.randomUUID() + ")";
    java.nio.file.Path local = localFile(fs, file);
    try {
      if (local != null) {
        Files.createDirectories(local.getParent());
        Files.writeString(local, text + "\n", StandardOpenOption.CREATE_NEW);
      } else {
        write(fs, file, text, false);
        settle();
        if (!text.equals(read(fs, file))) throw busy(fs, file, Duration.ZERO, timeout);
      }
    } catch (FileAlreadyExistsException | java.nio.file.FileAlreadyExistsException e) {
      throw busy(fs, file, Duration.ZERO, timeout);
    }
    return new WarehouseLock(fs, file, text, timeout);
  }

  /**
   * The lock as a local file, written through java.nio on every write (Hadoop's local create cannot
   * create exclusively, and would add a checksum file beside it), or null on other stores.
   */
  private static java.nio.file.Path localFile(FileSystem fs, Path file) {
    return fs instanceof LocalFileSystem local ? local.pathToFile(file).toPath() : null;
  }

  private static void settle() throws IOException {
    try {
      Thread.sleep(SETTLE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while taking the warehouse lock");
    }
  }

  /** The lock's text, or null when it is gone. */
  private static String read(FileSystem fs, Path file) throws IOException {
    try (var in = fs.open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (java.io.FileNotFoundException e) {
      return null;
    }
  }

  private static FileStatus status(FileSystem fs, Path file) throws IOException {
    try {
      return fs.getFileStatus(file);
    } catch (java.io.FileNotFoundException e) {
      return null;
    }
  }

  private static IOException busy(FileSystem fs, Path file, Duration age, Duration timeout) {
    String by;
    try (var in = fs.open(file)) {
      by = new String(in.readNBytes(200), StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
    } catch (IOException e) {
      by = "";
    }
    // Empty while its writer is still writing it.
    if (by.isEmpty()) by = "another run";
    return new IOException(
        "the warehouse is being written by "
            + by
            + " (its lock "
            + file
            + " was refreshed "
            + age.toSeconds()
            + " s ago); run again when it has ended (a lock not refreshed for "
            + timeout.toSeconds()
            + " s is taken as left by a run that died)");
  }

  private static void write(FileSystem fs, Path file, String text, boolean overwrite)
      throws IOException {
    try (OutputStream out = fs.create(file, overwrite)) {
      out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * A local lock's time is set in place, so that a second run never reads it half rewritten; an
   * object store's write replaces the whole object at once.
   */
  private void refresh() {
    java.nio.file.Path local = localFile(fs, file);
    try {
      if (local != null) Files.setLastModifiedTime(local, FileTime.from(Instant.now()));
      else write(fs, file, text, true);
    } catch (IOException e) {
      // The next refresh tries again; a lock that goes stale meanwhile only lets a later run in.
    }
  }

  @Override
  public void close() throws IOException {
    refresher.shutdownNow();
    try {
      refresher.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    fs.delete(file, false);
  }
}
