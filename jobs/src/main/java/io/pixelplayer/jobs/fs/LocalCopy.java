package io.pixelplayer.jobs.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A file as a local file (a video FFmpeg can open): local files are used where they are; anything
 * else (S3, HDFS) is streamed to a temporary file that {@link #close()} deletes. FFmpeg needs
 * random access (an MP4's index may sit at its end), which remote streams do not give cheaply.
 */
public final class LocalCopy implements AutoCloseable {
  private final java.nio.file.Path path;
  private final boolean temporary;

  private LocalCopy(java.nio.file.Path path, boolean temporary) {
    this.path = path;
    this.temporary = temporary;
  }

  /** The file a stored URI ({@link FileUris}) names. */
  public static LocalCopy of(String uri, Configuration hadoop) throws IOException {
    Path source = FileUris.path(uri);
    FileSystem fs = source.getFileSystem(hadoop);
    if (fs instanceof LocalFileSystem local) {
      return new LocalCopy(local.pathToFile(source).toPath(), false);
    }
    String name = source.getName();
    int dot = name.lastIndexOf('.');
    java.nio.file.Path temp =
        Files.createTempFile("pixelplayer-", dot < 0 ? "" : name.substring(dot));
    try (InputStream in = fs.open(source)) {
      Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    return new LocalCopy(temp, true);
  }

  public java.nio.file.Path path() {
    return path;
  }

  @Override
  public void close() throws IOException {
    if (temporary) {
      Files.deleteIfExists(path);
    }
  }
}
