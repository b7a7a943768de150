package io.pixelplayer.jobs.ingest;

import io.pixelplayer.jobs.fs.FileUris;
import io.pixelplayer.jobs.spark.JobProgress;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * The videos under an input URI, found through the Hadoop FileSystem API (local, file:, s3a:, ...).
 */
public final class VideoListing {
  private VideoListing() {}

  /**
   * A video file to ingest.
   *
   * @param videoId the file's base name without extension, made safe ({@link #videoId}) and unique
   *     within the listing
   * @param uri fully qualified, escaped URI ({@link FileUris})
   * @param sizeBytes file size
   * @param modifiedMs modification time (ms since the epoch)
   */
  public record VideoFile(String videoId, String uri, long sizeBytes, long modifiedMs)
      implements Serializable {
    /** What identifies this version of the file: a change of size or time means a new version. */
    public String fingerprint() {
      return sizeBytes + "-" + modifiedMs;
    }
  }

  /**
   * Every file under {@code input} (recursively; or {@code input} itself if it is a file) whose
   * extension is in {@code extensions}, largest first.
   *
   * @throws FileNotFoundException if {@code input} does not exist
   */
  public static List<VideoFile> list(String input, Set<String> extensions, Configuration hadoop)
      throws IOException {
    Path root = new Path(input);
    FileSystem fs = root.getFileSystem(hadoop);
    FileStatus rootStatus;
    try {
      rootStatus = fs.getFileStatus(root);
    } catch (FileNotFoundException e) {
      throw new FileNotFoundException("no such file or folder: " + input);
    }
    List<FileStatus> files = new ArrayList<>();
    if (rootStatus.isFile()) {
      files.add(rootStatus);
    } else {
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
      while (it.hasNext()) {
        LocatedFileStatus status = it.next();
        if (extensions.contains(extension(status.getPath().getName()))) {
          files.add(status);
        }
      }
    }
    Map<String, Long> idCounts =
        files.stream()
            .collect(
                Collectors.groupingBy(f -> videoId(f.getPath().getName()), Collectors.counting()));
    List<VideoFile> videos = new ArrayList<>();
    for (FileStatus f : files) {
      String uri = FileUris.of(fs.makeQualified(f.getPath()));
      String id = videoId(f.getPath().getName());
      // The same name in two folders must not collide: each gets a short hash of its URI.
      if (idCounts.get(id) > 1) id = id + "-" + shortHash(uri);
      videos.add(new VideoFile(id, uri, f.getLen(), f.getModificationTime()));
    }
    videos.sort(
        Comparator.comparingLong(VideoFile::sizeBytes).reversed().thenComparing(VideoFile::uri));
    return videos;
  }

  /**
   * Progress of a job whose task {@code i} handles {@code groups.get(i)} (see {@link #balance}):
   * videos done, {@code clips} as the rate's unit, an ETA from the bytes done; null when {@code
   * out} is null.
   */
  public static JobProgress progress(
      SparkContext spark,
      String label,
      List<List<VideoFile>> groups,
      LongAccumulator clips,
      double intervalSeconds,
      PrintStream out) {
    if (out == null) return null;
    return new JobProgress(
        spark,
        label,
        groups.size(),
        groups.stream().mapToInt(List::size).sum(),
        "videos",
        i -> groups.get(i).stream().mapToLong(v -> Math.max(1, v.sizeBytes())).sum(),
        i -> groups.get(i).size(),
        clips,
        "clips",
        intervalSeconds,
        out);
  }

  /**
   * Deals the videos (largest first) into at most {@code maxGroups} groups of about equal total
   * size, each giving the files of one Spark task (longest-processing-time-first scheduling).
   */
  public static List<List<VideoFile>> balance(List<VideoFile> largestFirst, int maxGroups) {
    if (maxGroups < 1) {
      throw new IllegalArgumentException("groups " + maxGroups + " < 1");
    }
    int n = Math.min(maxGroups, largestFirst.size());
    List<List<VideoFile>> groups = new ArrayList<>();
    long[] totals = new long[n];
    for (int i = 0; i < n; i++) {
      groups.add(new ArrayList<>());
    }
    for (VideoFile video : largestFirst) {
      int lightest = 0;
      for (int g = 1; g < n; g++) {
        if (totals[g] < totals[lightest]) {
          lightest = g;
        }
      }
      groups.get(lightest).add(video);
      totals[lightest] += Math.max(1, video.sizeBytes());
    }
    return groups;
  }

  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /**
   * The id of a video file named {@code name}: its base name when that holds only letters, digits
   * (any script), {@code - _ .} and starts with a letter or digit. Otherwise every other character
   * becomes {@code _}, a name that does not start with a letter or digit gets {@code video-} before
   * it, and a short hash of the name is appended, so that ids are safe in file names, stem paths
   * and SQL literals, and distinct names stay distinct.
   */
  static String videoId(String name) {
    String stem = stem(name);
    String safe = UNSAFE_ID_CHARACTERS.matcher(stem).replaceAll("_");
    boolean startsWell = !safe.isEmpty() && Character.isLetterOrDigit(safe.codePointAt(0));
    if (safe.equals(stem) && startsWell) {
      return safe;
    }
    return (startsWell ? safe : safe.isEmpty() ? "video" : "video-" + safe) + "-" + shortHash(name);
  }

  /** What a video id may not hold: anything but letters, digits, '-', '_' and '.'. */
  private static final Pattern UNSAFE_ID_CHARACTERS = Pattern.compile("[^\\p{L}\\p{N}._-]");

  static String stem(String name) {
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? name : name.substring(0, dot);
  }

  private static String shortHash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
