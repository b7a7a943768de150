package io.pixelplayer.jobs.index;

import io.pixelplayer.jobs.fs.FileUris;
import io.pixelplayer.jobs.ingest.DecodedClip;
import io.pixelplayer.jobs.ingest.VideoDecoding;
import io.pixelplayer.jobs.ingest.VideoDecoding.VideoClip;
import io.pixelplayer.jobs.ingest.VideoListing.VideoFile;
import io.pixelplayer.jobs.warehouse.FailureRecord;
import io.pixelplayer.jobs.warehouse.FailureStage;
import io.pixelplayer.model.infer.ClipAnalysis;
import io.pixelplayer.model.infer.ClipInput;
import io.pixelplayer.model.infer.SourceFinder;
import io.pixelplayer.udf.MaskSeparation;
import io.pixelplayer.udf.Masks;
import io.pixelplayer.udf.SampledAudio;
import io.pixelplayer.udf.Stft;
import io.pixelplayer.udf.Wav;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.TaskCompletionListener;

/**
 * The executor side of the index job: the clips of one task's videos, analysed in batches by the
 * executor's shared model (one predictor per task, closed when the task ends), become nested rows
 * ({@link IndexedClipRows}); each source's separated audio is written as a WAV under the run's own
 * stems folder, which its rows' {@code stem_uri} name once the run commits. A batch the model fails
 * on becomes a failure of its videos and the task goes on.
 */
final class VideoIndexer implements Serializable {
  private final VideoDecoding decoding;
  private final IndexSettings settings;
  private final TaskModel.Source model;
  private final String stems;
  private final LongAccumulator clips;

  /**
   * @param stems where this run writes stems (a stored URI, {@link FileUris})
   */
  VideoIndexer(
      VideoDecoding decoding,
      IndexSettings settings,
      TaskModel.Source model,
      String stems,
      LongAccumulator clips) {
    this.decoding = decoding;
    this.settings = settings;
    this.model = model;
    this.stems = stems;
    this.clips = clips;
  }

  Iterator<Row> index(List<VideoFile> group) {
    return new Batches(decoding.clips(group));
  }

  /**
   * Pulls a batch of clips, analyses it, hands out its rows; the model is taken on the first batch.
   */
  private final class Batches implements Iterator<Row> {
    private final Iterator<VideoClip> decoded;
    private final Queue<Row> ready = new ArrayDeque<>();
    private final Configuration hadoop = decoding.hadoop();

    /**
     * Videos the model failed on: their remaining clips are skipped (the driver drops what they
     * already gave).
     */
    private final Set<String> failed = new HashSet<>();

    private TaskModel taskModel;
    private SourceFinder finder;
    private MaskSeparation separation;

    Batches(Iterator<VideoClip> decoded) {
      this.decoded = decoded;
    }

    @Override
    public boolean hasNext() {
      while (ready.isEmpty() && decoded.hasNext()) {
        List<VideoClip> batch = new ArrayList<>();
        while (batch.size() < settings.batch() && decoded.hasNext()) batch.add(decoded.next());
        analyse(batch);
      }
      return !ready.isEmpty();
    }

    @Override
    public Row next() {
      if (!hasNext()) throw new NoSuchElementException();
      return ready.poll();
    }

    private void analyse(List<VideoClip> batch) {
      open();
      List<VideoClip> seen = new ArrayList<>();
      List<ClipInput> inputs = new ArrayList<>();
      for (VideoClip clip : batch) {
        if (failed.contains(clip.video().uri())) continue;
        if (clip.clip().frames().isEmpty()) {
          // Audio goes on past the end of the picture: nothing for the model to look at.
          ready.add(
              IndexedClipRows.toRow(
                  clip.video(),
                  clip.clip(),
                  decoding.spec().sampleRate(),
                  null,
                  List.of(),
                  List.of()));
          continue;
        }
        inputs.add(clip.clip().modelInput(taskModel.framesPerClip()));
        seen.add(clip);
      }
      if (seen.isEmpty()) return;
      List<ClipAnalysis> analyses;
      try {
        analyses = taskModel.analyse(inputs);
      } catch (Exception | OutOfMemoryError e) {
        Set<VideoFile> videos = new LinkedHashSet<>();
        seen.forEach(c -> videos.add(c.video()));
        for (VideoFile video : videos) {
          decoding.fail(
              video,
              FailureStage.MODEL,
              "the model failed on clips of this video: " + FailureRecord.describe(e));
          failed.add(video.uri());
        }
        return;
      }
      for (int i = 0; i < seen.size(); i++) {
        ready.add(row(seen.get(i), analyses.get(i)));
      }
    }

    private Row row(VideoClip clip, ClipAnalysis analysis) {
      DecodedClip decoded = clip.clip();
      // A silent clip has an energy map (of nothing) but no sources.
      List<SourceFinder.Source> sources = decoded.silent() ? List.of() : finder.find(analysis, 0);
      List<String> stemUris = new ArrayList<>();
      for (SourceFinder.Source source : sources) {
        stemUris.add(settings.stems() ? writeStem(clip, source) : null);
      }
      clips.add(1);
      return IndexedClipRows.toRow(
          clip.video(),
          decoded,
          decoding.spec().sampleRate(),
          SourceFinder.soundMap(analysis, 0),
          sources,
          stemUris);
    }

    /**
     * The source's separated audio (the paper's binary mask on the clip's mixture) as a 16-bit WAV;
     * returns its final URI.
     */
    private String writeStem(VideoClip clip, SourceFinder.Source source) {
      DecodedClip decoded = clip.clip();
      float[] separated =
          separation.separate(decoded.audio(), source.mask(), Masks.PAPER_THRESHOLD);
      float[] audio = Arrays.copyOf(separated, decoded.validSamples());
      String name =
          clip.video().videoId()
              + "/"
              + decoded.index()
              + "-"
              + source.index()
              + "-"
              + source.instrument()
              + ".wav";
      Path stem = new Path(FileUris.path(stems), name);
      try {
        FileSystem fs = stem.getFileSystem(hadoop);
        try (OutputStream out = fs.create(stem, true)) {
          Wav.write(
              out, SampledAudio.mono(audio, decoding.spec().sampleRate()), Wav.Encoding.PCM_16);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write stem " + stem + ": " + e.getMessage(), e);
      }
      return FileUris.of(stem);
    }

    private void open() {
      if (taskModel != null) return;
      try {
        taskModel = model.open(hadoop);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load the model: " + e.getMessage(), e);
      }
      finder = new SourceFinder(settings.sources());
      separation = new MaskSeparation(Stft.paper(), taskModel.warp());
      TaskContext task = TaskContext.get();
      if (task != null) {
        task.addTaskCompletionListener((TaskCompletionListener) context -> close());
      }
    }

    private void close() {
      if (taskModel != null) taskModel.close();
    }
  }
}
