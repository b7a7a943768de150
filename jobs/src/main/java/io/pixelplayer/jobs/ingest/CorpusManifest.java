package io.pixelplayer.jobs.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The weak labels of a corpus ({@code manifest.csv}: video_id,path,split,kind,instruments,seconds),
 * when the input is a corpus in the layout of CONTRACT.md. Real archives have none; then clips
 * carry no labels.
 */
public final class CorpusManifest implements Serializable {
  static final String FILE_NAME = "manifest.csv";
  private static final List<String> HEADER =
      List.of("video_id", "path", "split", "kind", "instruments", "seconds");

  /** The labels of one video. {@code instruments} are the weak tags, left to right. */
  public record Entry(String split, String kind, List<String> instruments)
      implements Serializable {}

  private final Map<String, Entry> entries;

  private CorpusManifest(Map<String, Entry> entries) {
    this.entries = entries;
  }

  public static CorpusManifest empty() {
    return new CorpusManifest(Map.of());
  }

  public Optional<Entry> entry(String videoId) {
    return Optional.ofNullable(entries.get(videoId));
  }

  public int size() {
    return entries.size();
  }

  /**
   * The manifest beside the input: {@code INPUT/manifest.csv}, or {@code INPUT/../manifest.csv}
   * when the input is a corpus's {@code videos/} folder; empty when there is none.
   */
  public static CorpusManifest find(String input, Configuration hadoop) throws IOException {
    Path root = new Path(input);
    FileSystem fs = root.getFileSystem(hadoop);
    for (Path candidate :
        new Path[] {
          new Path(root, FILE_NAME),
          root.getParent() == null ? null : new Path(root.getParent(), FILE_NAME)
        }) {
      if (candidate != null && fs.exists(candidate) && fs.getFileStatus(candidate).isFile()) {
        try (BufferedReader in =
            new BufferedReader(new InputStreamReader(fs.open(candidate), StandardCharsets.UTF_8))) {
          return parse(in, candidate.toString());
        }
      }
    }
    return empty();
  }

  static CorpusManifest parse(BufferedReader in, String name) throws IOException {
    String header = in.readLine();
    if (header == null || !Arrays.asList(header.strip().split(",")).equals(HEADER)) {
      throw new IOException(
          name + ": header must be " + String.join(",", HEADER) + ", got " + header);
    }
    Map<String, Entry> entries = new HashMap<>();
    String line;
    int number = 1;
    while ((line = in.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      if (cells.length != HEADER.size()) {
        throw new IOException(
            name
                + " line "
                + number
                + ": expected "
                + HEADER.size()
                + " columns, got "
                + cells.length);
      }
      List<String> instruments =
          Arrays.stream(cells[4].split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
      entries.put(cells[0].strip(), new Entry(cells[2].strip(), cells[3].strip(), instruments));
    }
    return new CorpusManifest(entries);
  }
}
