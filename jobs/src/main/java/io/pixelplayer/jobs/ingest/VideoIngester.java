package io.pixelplayer.jobs.ingest;

import io.pixelplayer.jobs.ingest.VideoListing.VideoFile;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;

/**
 * The executor side of ingest: the clips of one task's videos as rows of the {@code clips} table,
 * with their tags.
 */
final class VideoIngester implements Serializable {
  private final VideoDecoding decoding;
  private final CorpusManifest manifest;
  private final LongAccumulator clips;

  VideoIngester(VideoDecoding decoding, CorpusManifest manifest, LongAccumulator clips) {
    this.decoding = decoding;
    this.manifest = manifest;
    this.clips = clips;
  }

  Iterator<Row> ingest(List<VideoFile> group) {
    Iterator<VideoDecoding.VideoClip> decoded = decoding.clips(group);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return decoded.hasNext();
      }

      @Override
      public Row next() {
        VideoDecoding.VideoClip next = decoded.next();
        clips.add(1);
        return ClipRows.toRow(
            next.video(),
            manifest.entry(next.video().videoId()).orElse(null),
            next.clip(),
            decoding.spec());
      }
    };
  }
}
