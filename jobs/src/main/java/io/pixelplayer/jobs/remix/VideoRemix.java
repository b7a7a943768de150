package io.pixelplayer.jobs.remix;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import io.pixelplayer.jobs.ingest.ClipReader;
import io.pixelplayer.jobs.ingest.ClipSpec;
import io.pixelplayer.jobs.ingest.DecodedClip;
import io.pixelplayer.jobs.ingest.IngestFailure;
import io.pixelplayer.jobs.warehouse.FailureStage;
import io.pixelplayer.model.infer.ClipAnalysis;
import io.pixelplayer.model.infer.ClipInput;
import io.pixelplayer.model.infer.PixelPlayerModel;
import io.pixelplayer.model.infer.SourceFinder;
import io.pixelplayer.udf.MaskSeparation;
import io.pixelplayer.udf.Masks;
import io.pixelplayer.udf.PixelEnergyMap;
import io.pixelplayer.udf.Stft;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One video's soundtrack with instruments made louder or softer. The video is cut into the model's
 * clips, which tile its audio; in each clip, a changed instrument's sound is separated as the index
 * job separates it (its mask, binary at 0.5, on the mixture) and scaled: {@code out = mixture +
 * (gain - 1) * source}. Everything else in the mix, the residual {@code mixture - source}, is left
 * exactly as it was. Audio is the model's: mono at 11025 Hz.
 */
public final class VideoRemix {
  /** What the model found in one clip. */
  private record Clip(
      DecodedClip decoded, ClipAnalysis analysis, List<SourceFinder.Source> sources) {}

  private final List<Clip> clips;
  private final int sampleRate;
  private final MaskSeparation separation;
  private final int decodedSamples;

  private VideoRemix(
      List<Clip> clips, int sampleRate, MaskSeparation separation, int decodedSamples) {
    this.clips = clips;
    this.sampleRate = sampleRate;
    this.separation = separation;
    this.decodedSamples = decodedSamples;
  }

  /**
   * Decodes {@code video} and analyses every clip.
   *
   * @param spec clips as long as the model's crop, {@link ClipSpec#tiling() tiling} the audio
   * @throws IngestFailure when the file is no video with sound
   */
  public static VideoRemix analyse(
      Path video, PixelPlayerModel model, ClipSpec spec, SourceFinder.Settings settings, int batch)
      throws IngestFailure, TranslateException {
    if (spec.hopSamples() != spec.clipSamples())
      throw new IllegalArgumentException("remix clips must tile the audio (hop = clip length)");
    SourceFinder finder = new SourceFinder(settings);
    List<Clip> clips = new ArrayList<>();
    int decoded;
    try (ClipReader reader = new ClipReader(video.toString(), spec);
        Predictor<ClipInput, ClipAnalysis> predictor = model.newPredictor()) {
      List<DecodedClip> pending = new ArrayList<>();
      while (reader.hasNext()) {
        pending.add(reader.next());
        if (pending.size() == batch) analyse(pending, predictor, model, finder, clips);
      }
      analyse(pending, predictor, model, finder, clips);
      if (reader.truncation() != null)
        throw new IngestFailure(FailureStage.DECODE, reader.truncation());
      if (clips.isEmpty()) throw new IngestFailure(FailureStage.CLIP, "no audio to remix");
      decoded = (int) Math.round(reader.decodedSeconds() * spec.sampleRate());
    }
    return new VideoRemix(
        clips,
        spec.sampleRate(),
        new MaskSeparation(Stft.paper(), model.translator().warp()),
        decoded);
  }

  private static void analyse(
      List<DecodedClip> pending,
      Predictor<ClipInput, ClipAnalysis> predictor,
      PixelPlayerModel model,
      SourceFinder finder,
      List<Clip> clips)
      throws TranslateException {
    List<DecodedClip> seen = pending.stream().filter(c -> !c.frames().isEmpty()).toList();
    List<ClipInput> inputs = new ArrayList<>();
    for (DecodedClip clip : seen) inputs.add(clip.modelInput(model.config().framesPerClip()));
    List<ClipAnalysis> analyses = inputs.isEmpty() ? List.of() : predictor.batchPredict(inputs);
    for (DecodedClip clip : pending) {
      int at = seen.indexOf(clip);
      // A clip without frames (sound past the end of the picture) has nothing to pick sources by:
      // it stays as it is.
      ClipAnalysis analysis = at < 0 ? null : analyses.get(at);
      clips.add(
          new Clip(
              clip,
              analysis,
              analysis == null || clip.silent() ? List.of() : finder.find(analysis, 0)));
    }
    pending.clear();
  }

  public int sampleRate() {
    return sampleRate;
  }

  /** The instruments found, with the number of clips each is in. */
  public Map<String, Integer> instruments() {
    Map<String, Integer> found = new TreeMap<>();
    for (Clip clip : clips)
      clip.sources().forEach(s -> found.merge(s.instrument(), 1, Integer::sum));
    return found;
  }

  /**
   * The instrument whose sound is most at the point ({@code x}, {@code y}: 0..1 from the left and
   * top of the frame), over the whole video: each found source's energy in the map cell under the
   * point, summed over the clips.
   *
   * @throws IllegalArgumentException when no instrument was found at all
   */
  public String instrumentAt(double x, double y) {
    if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1))
      throw new IllegalArgumentException("a click must be in 0..1, got " + x + "," + y);
    Map<String, Double> energy = new LinkedHashMap<>();
    for (Clip clip : clips) {
      for (SourceFinder.Source source : clip.sources()) {
        PixelEnergyMap map = source.map();
        int column = Math.min(map.width() - 1, (int) (x * map.width()));
        int row = Math.min(map.height() - 1, (int) (y * map.height()));
        energy.merge(
            source.instrument(), (double) map.energy()[row * map.width() + column], Double::sum);
      }
    }
    return energy.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElseThrow(
            () -> new IllegalArgumentException("the model found no instrument in this video"));
  }

  /** The original soundtrack as the model hears it (mono, {@link #sampleRate()}). */
  public float[] original() {
    return render(Map.of());
  }

  /**
   * The soundtrack with each named instrument's sound scaled by its gain in dB, wherever the model
   * found it.
   */
  public float[] render(Map<String, Double> gainsDb) {
    float[] out = new float[decodedSamples];
    for (Clip clip : clips) {
      DecodedClip decoded = clip.decoded();
      float[] audio = decoded.audio().clone();
      for (SourceFinder.Source source : clip.sources()) {
        Double db = gainsDb.get(source.instrument());
        if (db == null) continue;
        float scale = (float) (Math.pow(10, db / 20) - 1);
        float[] separated =
            separation.separate(decoded.audio(), source.mask(), Masks.PAPER_THRESHOLD);
        for (int i = 0; i < audio.length; i++) audio[i] += scale * separated[i];
      }
      int from = (int) decoded.startSample();
      int count = Math.min(decoded.validSamples(), out.length - from);
      if (count > 0) System.arraycopy(audio, 0, out, from, count);
    }
    return out;
  }

  /**
   * The separated sound of {@code instrument} over the whole video (silence where it was not
   * found).
   */
  public float[] source(String instrument) {
    float[] with = render(Map.of(instrument, 20 * Math.log10(2)));
    float[] without = original();
    float[] source = new float[with.length];
    for (int i = 0; i < source.length; i++) source[i] = with[i] - without[i];
    return source;
  }
}
