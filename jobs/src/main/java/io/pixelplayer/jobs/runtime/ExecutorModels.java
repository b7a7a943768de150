package io.pixelplayer.jobs.runtime;

import ai.djl.Device;
import io.pixelplayer.model.infer.PixelPlayerModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The models of one JVM (an executor, or the driver in local mode): each version of a model folder
 * is loaded once per device and shared by every task that runs here, not once per partition or row.
 * Tasks {@link #acquire} a lease and close it when done; a model nobody holds stays loaded for the
 * next task and is closed when the JVM exits (or by {@link #closeIdle}). Models are told apart by
 * the version of their weights (a hash of the file), so retrained weights in the same folder, even
 * of the same size, are a new model. A model folder on a remote file system (s3a:, hdfs:) is copied
 * to a local temporary folder named by the remote files' names, sizes and modification times: a
 * changed remote model is a new copy, never a stale one.
 */
public final class ExecutorModels {
  private record Key(String uri, String version, String device) {}

  private static final class Entry {
    final PixelPlayerModel model;
    int leases;

    Entry(PixelPlayerModel model) {
      this.model = model;
    }
  }

  private static final Map<Key, Entry> LOADED = new HashMap<>();
  private static final AtomicInteger LOADS = new AtomicInteger();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(ExecutorModels::closeAll, "pixelplayer-models-close"));
  }

  private ExecutorModels() {}

  /** A task's hold on a shared model; closing it lets the model be closed when idle. */
  public static final class Lease implements AutoCloseable {
    private final Key key;
    private final PixelPlayerModel model;
    private boolean closed;

    private Lease(Key key, PixelPlayerModel model) {
      this.key = key;
      this.model = model;
    }

    public PixelPlayerModel model() {
      return model;
    }

    @Override
    public void close() {
      synchronized (ExecutorModels.class) {
        if (closed) return;
        closed = true;
        Entry entry = LOADED.get(key);
        if (entry != null && entry.model == model) entry.leases--;
      }
    }
  }

  /**
   * The model in {@code uri} on {@code device}, loaded if this JVM has not loaded this version of
   * it yet.
   *
   * @param expectedVersion the version the driver saw, or null: a different version here means the
   *     folder changed under a running job, which fails the task rather than mixing two models in
   *     one run
   */
  public static synchronized Lease acquire(
      String uri, String expectedVersion, Device device, Configuration hadoop) throws IOException {
    java.nio.file.Path folder = localFolder(uri, hadoop);
    java.nio.file.Path params = folder.resolve(PixelPlayerModel.PARAMS);
    String version = Files.isRegularFile(params) ? versionOf(params) : null;
    if (expectedVersion != null && !expectedVersion.equals(version)) {
      throw new IllegalStateException(
          "model "
              + uri
              + " is "
              + version
              + " here but "
              + expectedVersion
              + " when the job started: it changed during the run");
    }
    Key key = new Key(uri, version, device.toString());
    Entry entry = LOADED.get(key);
    if (entry == null) {
      entry = new Entry(PixelPlayerModel.load(folder, device));
      LOADS.incrementAndGet();
      LOADED.put(key, entry);
    }
    entry.leases++;
    return new Lease(key, entry.model);
  }

  /**
   * What a weights file was when it was hashed: rewritten weights have another time (and often
   * size).
   */
  private record Stamp(java.nio.file.Path file, long size, long modifiedMs) {}

  private static final Map<Stamp, String> VERSIONS = new HashMap<>();

  /**
   * The weights' version, hashed once per file as it is now (tasks acquire the model often; hashing
   * reads it all).
   */
  private static String versionOf(java.nio.file.Path params) throws IOException {
    Stamp stamp =
        new Stamp(
            params.toAbsolutePath(),
            Files.size(params),
            Files.getLastModifiedTime(params).toMillis());
    String version = VERSIONS.get(stamp);
    if (version == null) {
      version = PixelPlayerModel.version(params);
      VERSIONS.put(stamp, version);
    }
    return version;
  }

  /** How many times this JVM loaded a model (for tests and logs). */
  public static int loads() {
    return LOADS.get();
  }

  /** How many models this JVM holds loaded. */
  static synchronized int loaded() {
    return LOADED.size();
  }

  /** Closes the models no task holds. */
  public static synchronized void closeIdle() {
    LOADED
        .entrySet()
        .removeIf(
            e -> {
              if (e.getValue().leases > 0) return false;
              e.getValue().model.close();
              return true;
            });
  }

  private static synchronized void closeAll() {
    LOADED.values().forEach(e -> e.model.close());
    LOADED.clear();
  }

  /**
   * The model folder as a local path: itself when local, else a copy in a temporary folder named by
   * its URI and by the names, sizes and modification times of its files (what identifies this
   * version of them without reading them).
   */
  static java.nio.file.Path localFolder(String uri, Configuration hadoop) throws IOException {
    Path source = new Path(uri);
    FileSystem fs = source.getFileSystem(hadoop);
    if (fs instanceof LocalFileSystem local) {
      return local.pathToFile(source).toPath();
    }
    List<FileStatus> files = new ArrayList<>();
    for (FileStatus file : fs.listStatus(source)) {
      if (file.isFile()) files.add(file);
    }
    files.sort(Comparator.comparing(f -> f.getPath().getName()));
    StringBuilder signature = new StringBuilder(fs.makeQualified(source).toString());
    for (FileStatus file : files) {
      signature
          .append('\n')
          .append(file.getPath().getName())
          .append(' ')
          .append(file.getLen())
          .append(' ')
          .append(file.getModificationTime());
    }
    java.nio.file.Path copy =
        java.nio.file.Path.of(
            System.getProperty("java.io.tmpdir"),
            "pixelplayer-model-" + hash(signature.toString()));
    Files.createDirectories(copy);
    for (FileStatus file : files) {
      java.nio.file.Path target = copy.resolve(file.getPath().getName());
      if (Files.exists(target))
        continue; // written whole by an earlier copy of this very version (moved into place last)
      java.nio.file.Path partial = Files.createTempFile(copy, file.getPath().getName(), ".part");
      try (InputStream in = fs.open(file.getPath())) {
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      }
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    return copy;
  }

  private static String hash(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)),
              0,
              8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
