package io.pixelplayer.jobs.fs;

import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A job's output folder, checked before any work is done, so that an unwritable one fails in one
 * line, not after an hour.
 */
public final class WritableFolder {
  private WritableFolder() {}

  /**
   * Creates {@code folder} if needed and writes and deletes a probe file in it.
   *
   * @param role what the folder is, for the message ("the warehouse", "--out")
   * @throws IOException saying which folder cannot be written and why
   */
  public static void require(Path folder, Configuration hadoop, String role) throws IOException {
    try {
      FileSystem fs = folder.getFileSystem(hadoop);
      if (fs.exists(folder) && !fs.getFileStatus(folder).isDirectory())
        throw new IOException("it is a file, not a folder");
      if (!fs.mkdirs(folder)) throw new IOException("it cannot be created");
      Path probe = new Path(folder, "_write-check-" + UUID.randomUUID());
      fs.create(probe, false).close();
      fs.delete(probe, false);
    } catch (IOException | RuntimeException e) {
      String reason =
          e.getMessage() == null
              ? e.getClass().getSimpleName()
              : e.getMessage().lines().findFirst().orElse("").strip();
      throw new IOException("cannot write to " + role + " " + folder + ": " + reason, e);
    }
  }
}
