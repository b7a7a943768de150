package io.pixelplayer.jobs.evaluate;

import io.pixelplayer.model.eval.EvaluationClip;
import io.pixelplayer.model.eval.TruthSource;
import io.pixelplayer.model.infer.StoredClip;
import io.pixelplayer.udf.Box;
import io.pixelplayer.udf.SampledAudio;
import io.pixelplayer.udf.Wav;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A corpus's evaluation-only ground truth ({@code truth/<video_id>/}, CONTRACT.md): each source
 * alone as {@code <i>_<instrument>.wav} and its boxes in {@code boxes.csv}, cut to the clips being
 * evaluated. A video's truth is read once and kept (clips of one video share it).
 */
public final class CorpusTruth {
  private static final Pattern SOURCE_FILE = Pattern.compile("(\\d+)_([a-z0-9_]+)\\.wav");

  private final Path truthDir;
  private final Map<String, List<VideoSource>> videos = new HashMap<>();

  private record VideoSource(String instrument, SampledAudio audio, double[] times, Box[] boxes) {}

  public CorpusTruth(Path corpus) {
    this.truthDir = corpus.resolve("truth");
    if (!Files.isDirectory(truthDir)) {
      throw new IllegalArgumentException(
          "no ground truth in "
              + corpus
              + " (truth/<video_id>/ as synth writes it): evaluation needs it");
    }
  }

  /** The clip with the truth of each of its video's sources, sample-aligned with its audio. */
  public EvaluationClip of(StoredClip clip) throws IOException {
    List<VideoSource> sources = videos.get(clip.videoId());
    if (sources == null) {
      sources = read(clip.videoId());
      videos.put(clip.videoId(), sources);
    }
    List<TruthSource> truth = new ArrayList<>();
    int first = (int) Math.round(clip.startSeconds() * clip.sampleRate());
    for (VideoSource source : sources) {
      if (source.audio().sampleRate() != clip.sampleRate()) {
        throw new IllegalArgumentException(
            "truth of "
                + source.instrument()
                + " in "
                + clip.videoId()
                + " is at "
                + source.audio().sampleRate()
                + " Hz, the clip at "
                + clip.sampleRate()
                + " Hz");
      }
      float[] aligned = new float[clip.audio().length];
      float[] samples = source.audio().samples();
      int count = Math.max(0, Math.min(aligned.length, samples.length - first));
      System.arraycopy(samples, first, aligned, 0, count);
      truth.add(new TruthSource(source.instrument(), aligned, source.times(), source.boxes()));
    }
    return new EvaluationClip(clip, truth);
  }

  private List<VideoSource> read(String videoId) throws IOException {
    Path dir = truthDir.resolve(videoId);
    Map<Integer, String> instruments = new TreeMap<>();
    Map<Integer, SampledAudio> audio = new HashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Matcher name = SOURCE_FILE.matcher(file.getFileName().toString());
        if (name.matches()) {
          int index = Integer.parseInt(name.group(1));
          instruments.put(index, name.group(2));
          audio.put(index, Wav.read(file).toMono());
        }
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          "no ground truth for video " + videoId + " in " + truthDir);
    }
    Map<Integer, List<double[]>> rows = boxes(dir.resolve("boxes.csv"));
    List<VideoSource> sources = new ArrayList<>();
    for (Map.Entry<Integer, String> source : instruments.entrySet()) {
      List<double[]> boxes = rows.get(source.getKey());
      if (boxes == null) {
        throw new IllegalArgumentException(
            dir.resolve("boxes.csv") + " has no boxes for source " + source.getKey());
      }
      boxes.sort((a, b) -> Double.compare(a[0], b[0]));
      sources.add(
          new VideoSource(
              source.getValue(),
              audio.get(source.getKey()),
              boxes.stream().mapToDouble(b -> b[0]).toArray(),
              boxes.stream().map(b -> new Box(b[1], b[2], b[3], b[4])).toArray(Box[]::new)));
    }
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("no <i>_<instrument>.wav files in " + dir);
    }
    return sources;
  }

  /** boxes.csv rows by source index: {t, x0, y0, x1, y1}. */
  private static Map<Integer, List<double[]>> boxes(Path csv) throws IOException {
    Map<Integer, List<double[]>> rows = new HashMap<>();
    List<String> lines = Files.readAllLines(csv);
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) continue;
      String[] cells = line.split(",");
      if (cells.length != 7) {
        throw new IllegalArgumentException(
            csv
                + " line "
                + (i + 1)
                + " has "
                + cells.length
                + " fields, not 7 (source_index,instrument,t,x0,y0,x1,y1)");
      }
      try {
        rows.computeIfAbsent(Integer.parseInt(cells[0]), k -> new ArrayList<>())
            .add(
                new double[] {
                  Double.parseDouble(cells[2]),
                  Double.parseDouble(cells[3]),
                  Double.parseDouble(cells[4]),
                  Double.parseDouble(cells[5]),
                  Double.parseDouble(cells[6])
                });
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(csv + " line " + (i + 1) + ": " + e.getMessage());
      }
    }
    return rows;
  }
}
