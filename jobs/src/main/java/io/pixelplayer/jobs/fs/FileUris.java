package io.pixelplayer.jobs.fs;

import java.net.URI;
import org.apache.hadoop.fs.Path;

/**
 * How the location of a file is stored (in tables, in accumulators, in the arguments of executor
 * tasks) and read back: as its fully qualified URI, escaped to ASCII ({@code
 * file:///videos/good%20one.mp4}, {@code s3a://bucket/a%23b.mp4}, non-ASCII as UTF-8 octets), the
 * form any URI parser (java.nio, Python's urllib, browsers) reads. It round-trips every name a file
 * system allows (spaces, {@code % # ? [ " < >}, newlines, unicode, colons). Hadoop's {@code new
 * Path(String)} does not: it takes its argument for an unescaped path, so an escaped URI handed to
 * it names a file that does not exist.
 */
public final class FileUris {
  private FileUris() {}

  /** The stored form of {@code path}, which must be qualified (have a scheme). */
  public static String of(Path path) {
    URI uri = path.toUri();
    if (uri.getScheme() == null) {
      throw new IllegalArgumentException("not a qualified path (no file system scheme): " + path);
    }
    return uri.toASCIIString();
  }

  /** The file a stored URI names. */
  public static Path path(String storedUri) {
    return new Path(URI.create(storedUri));
  }
}
