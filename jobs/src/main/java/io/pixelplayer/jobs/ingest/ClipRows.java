package io.pixelplayer.jobs.ingest;

import io.pixelplayer.jobs.ingest.VideoListing.VideoFile;
import io.pixelplayer.udf.Pcm16;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The {@code clips} table of an ingest run: the training cache that the model reads. Audio is
 * 16-bit PCM (little-endian, mono, {@code sample_rate}), frames are JPEGs of {@code frame_width x
 * frame_height} taken at {@code frame_times} (seconds from the start of the video).
 */
public final class ClipRows {
  public static final StructType SCHEMA =
      new StructType()
          .add("clip_id", DataTypes.StringType, false)
          .add("video_id", DataTypes.StringType, false)
          .add("uri", DataTypes.StringType, false)
          .add("clip_index", DataTypes.IntegerType, false)
          .add("start_s", DataTypes.DoubleType, false)
          .add("end_s", DataTypes.DoubleType, false)
          .add("sample_rate", DataTypes.IntegerType, false)
          .add("valid_samples", DataTypes.IntegerType, false)
          .add("audio", DataTypes.BinaryType, false)
          .add("loudness_db", DataTypes.FloatType, false)
          .add("silent", DataTypes.BooleanType, false)
          .add("frame_width", DataTypes.IntegerType, false)
          .add("frame_height", DataTypes.IntegerType, false)
          .add("frame_times", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
          .add("frames", DataTypes.createArrayType(DataTypes.BinaryType, false), false)
          .add("split", DataTypes.StringType, true)
          .add("kind", DataTypes.StringType, true)
          .add("instruments", DataTypes.createArrayType(DataTypes.StringType, false), true);

  private ClipRows() {}

  static Row toRow(VideoFile video, CorpusManifest.Entry labels, DecodedClip clip, ClipSpec spec) {
    List<Double> times = clip.frames().stream().map(DecodedClip.EncodedFrame::seconds).toList();
    List<byte[]> jpegs = clip.frames().stream().map(DecodedClip.EncodedFrame::jpeg).toList();
    return RowFactory.create(
        clipId(video.videoId(), clip.index()),
        video.videoId(),
        video.uri(),
        clip.index(),
        clip.startSeconds(),
        clip.endSeconds(),
        spec.sampleRate(),
        clip.validSamples(),
        Pcm16.encode(clip.audio()),
        clip.loudnessDb(),
        clip.silent(),
        spec.frameWidth(),
        spec.frameHeight(),
        seq(times),
        seq(jpegs),
        labels == null ? null : labels.split(),
        labels == null ? null : labels.kind(),
        labels == null ? null : seq(labels.instruments()));
  }

  /** Spark's row encoder takes arrays as Scala sequences. */
  private static <T> scala.collection.immutable.Seq<T> seq(List<T> list) {
    return CollectionConverters.asScala(list).toSeq();
  }

  /** Stable, readable and unique within a run: the video's id and the clip's position in it. */
  public static String clipId(String videoId, int clipIndex) {
    return videoId + "#" + clipIndex;
  }
}
