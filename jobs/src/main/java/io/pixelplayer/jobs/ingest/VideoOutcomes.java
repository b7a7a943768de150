package io.pixelplayer.jobs.ingest;

import io.pixelplayer.jobs.warehouse.FailureRecord;
import io.pixelplayer.jobs.warehouse.VideoRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What became of each input file of a run, settled on the driver from what the executors reported,
 * so that every file is accounted for exactly once:
 *
 * <ul>
 *   <li>indexed: in {@code videos}, no {@code failures} row;
 *   <li>indexed in part: in {@code videos} with what was decoded, plus one {@code failures} row
 *       saying what was lost (decoding ended early or was stopped at the length limit);
 *   <li>lost: one {@code failures} row only (unreadable, not a video, no audio or video stream, too
 *       short for a clip, silent, or the model failed on it); its clips, if any were decoded, are
 *       dropped from the run.
 * </ul>
 *
 * A file that failed in several ways gets one row: the earliest stage, and every reason, earliest
 * first.
 */
public final class VideoOutcomes {
  /**
   * @param videos the files indexed (in full or in part), by URI
   * @param failures one row per file that lost anything, by URI
   * @param dropped the URIs of files that are lost: their clips must not reach any table
   */
  public record Settled(
      List<VideoRecord> videos, List<FailureRecord> failures, Set<String> dropped) {}

  private VideoOutcomes() {}

  public static Settled settle(
      Collection<VideoRecord> decoded, Collection<FailureRecord> reported) {
    Map<String, List<FailureRecord>> byUri =
        reported.stream()
            .distinct()
            .collect(
                Collectors.groupingBy(FailureRecord::uri, LinkedHashMap::new, Collectors.toList()));
    List<FailureRecord> failures = new ArrayList<>();
    Set<String> dropped = new TreeSet<>();
    byUri.forEach(
        (uri, rows) -> {
          rows.sort(Comparator.comparing(FailureRecord::stage));
          FailureRecord first = rows.get(0);
          String reason =
              rows.stream().map(FailureRecord::reason).distinct().collect(Collectors.joining("; "));
          boolean retried = rows.stream().anyMatch(r -> r.stage().retried());
          failures.add(
              new FailureRecord(uri, first.stage(), reason, retried ? null : first.fingerprint()));
          if (rows.stream().anyMatch(r -> !r.stage().keepsVideo())) dropped.add(uri);
        });
    failures.sort(Comparator.comparing(FailureRecord::uri));
    Map<String, VideoRecord> videos = new LinkedHashMap<>();
    decoded.stream()
        .filter(v -> !dropped.contains(v.uri()))
        .forEach(v -> videos.putIfAbsent(v.uri(), v));
    List<VideoRecord> indexed = new ArrayList<>(videos.values());
    indexed.sort(Comparator.comparing(VideoRecord::uri));
    return new Settled(indexed, failures, dropped);
  }

  /** {@code rows} (with a {@code uri} column) without those of the files that are lost. */
  public static Dataset<Row> withoutDropped(
      SparkSession spark, Dataset<Row> rows, Settled settled) {
    if (settled.dropped().isEmpty()) return rows;
    List<Row> uris = settled.dropped().stream().map(RowFactory::create).toList();
    Dataset<Row> lost =
        spark.createDataFrame(uris, new StructType().add("uri", DataTypes.StringType, false));
    return rows.join(
        functions.broadcast(lost), rows.col("uri").equalTo(lost.col("uri")), "left_anti");
  }
}
