package io.pixelplayer.jobs.ingest;

import io.pixelplayer.jobs.fs.LocalCopy;
import io.pixelplayer.jobs.fs.StorageErrors;
import io.pixelplayer.jobs.ingest.VideoListing.VideoFile;
import io.pixelplayer.jobs.spark.HadoopSettings;
import io.pixelplayer.jobs.warehouse.FailureRecord;
import io.pixelplayer.jobs.warehouse.FailureStage;
import io.pixelplayer.jobs.warehouse.VideoRecord;
import java.io.IOException;
import java.io.Serializable;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.TaskCompletionListener;

/**
 * The executor side of every job that reads videos: turns the videos of one task into clips,
 * lazily, one video open at a time. Whatever goes wrong with a video becomes a {@link
 * FailureRecord} and the task goes on with the next. Videos and failures travel back to the driver
 * in accumulators (counted once per successful task).
 */
public final class VideoDecoding implements Serializable {
  private final ClipSpec spec;
  private final HadoopSettings hadoopSettings;
  private final CollectionAccumulator<VideoRecord> videos;
  private final CollectionAccumulator<FailureRecord> failures;

  /** A decoded clip and the video it comes from. */
  public record VideoClip(VideoFile video, DecodedClip clip) {}

  public VideoDecoding(
      ClipSpec spec,
      HadoopSettings hadoopSettings,
      CollectionAccumulator<VideoRecord> videos,
      CollectionAccumulator<FailureRecord> failures) {
    this.spec = spec;
    this.hadoopSettings = hadoopSettings;
    this.videos = videos;
    this.failures = failures;
  }

  public ClipSpec spec() {
    return spec;
  }

  /** The Hadoop configuration the driver had, for the executor's own file system calls. */
  public Configuration hadoop() {
    return hadoopSettings.configuration();
  }

  /**
   * Records a failure of {@code video} at {@code stage}; the driver settles each file's rows into
   * one ({@link VideoOutcomes}).
   */
  public void fail(VideoFile video, FailureStage stage, String reason) {
    failures.add(FailureRecord.of(video.uri(), stage, reason, video.fingerprint()));
  }

  /** The clips of {@code group}'s videos in order, decoded as they are asked for. */
  public Iterator<VideoClip> clips(List<VideoFile> group) {
    Configuration hadoop = hadoop();
    Iterator<VideoFile> pending = group.iterator();
    return new Iterator<>() {
      private Iterator<VideoClip> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && pending.hasNext()) {
          current = open(pending.next(), hadoop);
        }
        return current.hasNext();
      }

      @Override
      public VideoClip next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  private Iterator<VideoClip> open(VideoFile video, Configuration hadoop) {
    LocalCopy local;
    try {
      local = LocalCopy.of(video.uri(), hadoop);
    } catch (IOException | RuntimeException e) {
      if (StorageErrors.unreachable(e)) throw StorageErrors.unreachableWhileReading(video.uri(), e);
      fail(video, FailureStage.READ, StorageErrors.readFailure(e));
      return Collections.emptyIterator();
    }
    ClipReader reader;
    try {
      reader = new ClipReader(local.path().toString(), spec);
    } catch (IngestFailure e) {
      fail(video, e.stage(), e.reason());
      closeQuietly(local);
      return Collections.emptyIterator();
    }
    return new VideoClips(video, reader, local);
  }

  /** The clips of one open video; closes the reader when exhausted, or when the task ends first. */
  private final class VideoClips implements Iterator<VideoClip> {
    private final VideoFile video;
    private final ClipReader reader;
    private final LocalCopy local;
    private boolean finished;

    VideoClips(VideoFile video, ClipReader reader, LocalCopy local) {
      this.video = video;
      this.reader = reader;
      this.local = local;
      TaskContext task = TaskContext.get();
      if (task != null) {
        task.addTaskCompletionListener((TaskCompletionListener) context -> release());
      }
    }

    @Override
    public boolean hasNext() {
      if (finished) {
        return false;
      }
      boolean more;
      try {
        more = reader.hasNext();
      } catch (RuntimeException e) {
        fail(video, FailureStage.DECODE, "decoding stopped: " + FailureRecord.describe(e));
        more = false;
      }
      if (!more) {
        finish();
      }
      return more;
    }

    @Override
    public VideoClip next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return new VideoClip(video, reader.next());
    }

    private void finish() {
      finished = true;
      VideoInfo info = reader.info();
      int emitted = reader.clipsEmitted();
      videos.add(
          new VideoRecord(
              video.videoId(),
              video.uri(),
              video.sizeBytes(),
              video.fingerprint(),
              reader.decodedSeconds(),
              info.width(),
              info.height(),
              info.fps(),
              info.audioRate(),
              emitted));
      if (reader.truncation() != null) {
        fail(video, FailureStage.DECODE, reader.truncation());
      }
      if (reader.decodedSeconds() >= spec.maxSeconds()) {
        fail(
            video,
            FailureStage.DECODE,
            String.format(
                "stopped after %.0f s (pixelplayer.ingest.maxSeconds); the rest is not read",
                spec.maxSeconds()));
      }
      if (emitted == 0) {
        fail(
            video,
            FailureStage.CLIP,
            String.format(
                "too short: %.2f s of audio decoded, a clip needs at least %.2f s",
                reader.decodedSeconds(), spec.clipSeconds() * spec.minClipFraction()));
      } else if (reader.silentClips() == emitted) {
        fail(
            video,
            FailureStage.AUDIO,
            String.format(
                "silent audio track: all %d clips are below %.0f dBFS", emitted, spec.silenceDb()));
      }
      release();
    }

    private void release() {
      reader.close();
      closeQuietly(local);
    }
  }

  private static void closeQuietly(LocalCopy local) {
    try {
      local.close();
    } catch (IOException ignored) {
      // a temporary file we could not delete is not worth failing a video for
    }
  }
}
