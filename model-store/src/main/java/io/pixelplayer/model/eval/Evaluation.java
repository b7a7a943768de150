package io.pixelplayer.model.eval;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import io.pixelplayer.model.Instruments;
import io.pixelplayer.model.infer.ClipAnalysis;
import io.pixelplayer.model.infer.ClipInput;
import io.pixelplayer.model.infer.FramePicker;
import io.pixelplayer.model.infer.PixelPlayerModel;
import io.pixelplayer.model.infer.SourceFinder;
import io.pixelplayer.model.infer.StoredClip;
import io.pixelplayer.udf.Box;
import io.pixelplayer.udf.BssEval;
import io.pixelplayer.udf.MaskSeparation;
import io.pixelplayer.udf.Masks;
import io.pixelplayer.udf.PixelEnergyMap;
import io.pixelplayer.udf.Stft;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The paper's evaluation of a trained model on held-out clips (Zhao et al. 2018, section 4, and
 * SoP's {@code evaluate}): nothing random but the fixed, seeded choice of mixing partners.
 *
 * <ul>
 *   <li>Separation: every held-out solo clip is mixed with a partner of another video (and, where
 *       one exists, of other instruments), each at half scale from its first sample, as training
 *       mixes them. Each video's predicted mask is unwarped, thresholded at 0.5, applied to the
 *       mixture (its phase kept) and inverted; BSS-eval v3 scores each estimate against its own
 *       solo (no permutation: each video names its source). NSDR is the SDR gain over the mixture
 *       itself; the ideal binary mask of the same mixture is the ceiling. As SoP, a mixture whose
 *       references or estimates are silent is not scored (and is counted).
 *   <li>Duets: a real two-instrument clip is separated from its own frames alone; the model's
 *       sources are the masks of its most probable classes (as many as the truth has), matched to
 *       the truth by the best assignment.
 *   <li>Pointing: a truth source is pointed at when the peak of its energy map lies in its box
 *       while the frames were shown. A source's map is the video's per-pixel sound energy times
 *       each pixel's probability of showing the source's instrument (the video's most probable
 *       class for a solo in a mixture, the matched class in a duet): the energy alone also lights
 *       up background pixels, whose masks, never trained (max pooling passes no gradient to them),
 *       keep much of the mixture.
 *   <li>Recognition: the most probable class of each held-out solo clip is its tag.
 * </ul>
 */
public final class Evaluation {
  /** SoP's test of a silent signal: the sum of absolute samples below this. */
  private static final double SILENT = 1e-5;

  /**
   * @param seed picks the mixing partners
   * @param batch mixtures per forward pass
   * @param sourcesPerMix N, solos in each mixture (the paper's 2; 3 for harder mixtures)
   * @param sources what counts as a source when a non-music clip is analysed (as the index finds
   *     them)
   */
  public record Settings(long seed, int batch, int sourcesPerMix, SourceFinder.Settings sources) {
    public Settings {
      if (batch < 1)
        throw new IllegalArgumentException("evaluation batch " + batch + " must be positive");
      if (sourcesPerMix < 2)
        throw new IllegalArgumentException(
            "sources per mixture " + sourcesPerMix + " must be at least 2");
      if (sources == null) throw new IllegalArgumentException("source settings are null");
    }
  }

  private final PixelPlayerModel model;
  private final Settings settings;
  private final MaskSeparation separation;
  private final int crop;

  public Evaluation(PixelPlayerModel model, Settings settings) {
    this.model = model;
    this.settings = settings;
    this.separation = new MaskSeparation(Stft.paper(), model.translator().warp());
    this.crop = model.config().cropSamples();
  }

  /**
   * Scores the model on {@code solos} (mixed N at a time) and {@code duets}, and counts the {@code
   * nonMusic} clips it finds any source in; progress lines go to {@code progress}.
   */
  public EvaluationReport run(
      List<EvaluationClip> solos,
      List<EvaluationClip> duets,
      List<EvaluationClip> nonMusic,
      PrintStream progress)
      throws TranslateException {
    List<Crop> soloCrops =
        solos.stream().map(this::crop).sorted(Comparator.comparing(Crop::id)).toList();
    List<Crop> duetCrops =
        duets.stream().map(this::crop).sorted(Comparator.comparing(Crop::id)).toList();
    // A silent clip gets no source in the index whatever the model says: only sounding ones test
    // it.
    List<Crop> nonMusicCrops =
        nonMusic.stream()
            .map(this::crop)
            .filter(c -> !c.silent())
            .sorted(Comparator.comparing(Crop::id))
            .toList();
    List<Crop> soundingSolos = soloCrops.stream().filter(c -> !c.silent()).toList();
    List<Crop[]> mixtures = mixtures(soundingSolos);
    Tally tally = new Tally();
    tally.unscored += (int) soloCrops.stream().filter(Crop::silent).count();
    Progress shown =
        new Progress(
            progress,
            mixtures.size() + duetCrops.size() + nonMusicCrops.size() + soundingSolos.size());
    try (Predictor<ClipInput, ClipAnalysis> predictor = model.newPredictor()) {
      Batches batches = new Batches(predictor, shown);
      batches.analyse(
          mixtures,
          group -> new ClipInput(mix(group), Arrays.stream(group).map(Crop::frames).toList()),
          (group, input, analysis) -> scoreMixture(group, input.mixture(), analysis, tally));
      batches.analyse(
          duetCrops, Crop::alone, (duet, input, analysis) -> scoreDuet(duet, analysis, tally));
      SourceFinder finder = new SourceFinder(settings.sources());
      // Up to which minConfidence the index would give a non-music clip any source...
      batches.analyse(
          nonMusicCrops,
          Crop::alone,
          (clip, input, analysis) ->
              tally.nonMusicFoundUpTo.add(SourceFinder.anyFoundUpTo(analysis, 0)));
      // ... and, the other side of the same rule, each sounding solo alone its own instrument.
      batches.analyse(
          soundingSolos,
          Crop::alone,
          (solo, input, analysis) ->
              tally.solosFoundUpTo.add(
                  finder.foundUpTo(
                      analysis, 0, Instruments.index(solo.clip().truth().get(0).instrument()))));
    }
    double minConfidence = settings.sources().minConfidence();
    Set<String> classes = new HashSet<>();
    soloCrops.forEach(c -> classes.add(c.clip().truth().get(0).instrument()));
    return new EvaluationReport(
        mean(tally.sdr),
        mean(tally.sir),
        mean(tally.sar),
        mean(tally.nsdr),
        mean(tally.mixtureSdr),
        mean(tally.ibmSdr),
        mean(tally.duetSdr),
        mean(tally.duetSir),
        share(tally.pointed, tally.pointable),
        share(tally.recognised, tally.recognisable),
        classes.size(),
        soloCrops.size() + duetCrops.size(),
        model.version(),
        settings.sourcesPerMix(),
        mixtures.size(),
        duetCrops.size(),
        tally.unscored,
        share(tally.duetPointed, tally.duetPointable),
        nonMusicCrops.size(),
        ConfidenceCurve.shareAtLeast(tally.nonMusicFoundUpTo, minConfidence),
        ConfidenceCurve.shareAtLeast(tally.solosFoundUpTo, minConfidence),
        ConfidenceCurve.of(tally.nonMusicFoundUpTo, tally.solosFoundUpTo),
        tally.instrumentFigures());
  }

  private void scoreMixture(Crop[] group, float[] mixture, ClipAnalysis analysis, Tally tally) {
    int n = group.length;
    float[][] references = new float[n][];
    float[][] estimates = new float[n][];
    float[][] unmixed = new float[n][];
    for (int i = 0; i < n; i++) {
      references[i] = share(group[i].audio(), n);
      estimates[i] = separation.separate(mixture, analysis.video(i).mask(), Masks.PAPER_THRESHOLD);
      unmixed[i] = mixture;
      Box box = group[i].truthBox(0);
      tally.pointable++;
      boolean pointed = peakIn(analysis.classEnergy(i, analysis.topClass(i)), analysis, box);
      if (pointed) tally.pointed++;
      tally.of(group[i]).pointed.add(pointed ? 1.0 : 0.0);
    }
    // Each solo is the first of one mixture: recognised there, once.
    tally.recognisable++;
    boolean recognised =
        analysis.topClass(0) == Instruments.index(group[0].clip().truth().get(0).instrument());
    if (recognised) tally.recognised++;
    tally.of(group[0]).recognised.add(recognised ? 1.0 : 0.0);
    if (Arrays.stream(estimates).anyMatch(Evaluation::silent)) {
      tally.unscored++;
      return;
    }
    BssEval.Result scored = BssEval.bssEvalSources(references, estimates, false);
    BssEval.Result unseparated = BssEval.bssEvalSources(references, unmixed, false);
    BssEval.Result ideal =
        BssEval.bssEvalSources(
            references, separation.idealBinary(List.of(references)).toArray(float[][]::new), false);
    for (int i = 0; i < n; i++) {
      tally.sdr.add(scored.sdr()[i]);
      tally.sir.add(scored.sir()[i]);
      tally.sar.add(scored.sar()[i]);
      tally.mixtureSdr.add(unseparated.sdr()[i]);
      tally.nsdr.add(scored.sdr()[i] - unseparated.sdr()[i]);
      tally.of(group[i]).nsdr.add(scored.sdr()[i] - unseparated.sdr()[i]);
      tally.ibmSdr.add(ideal.sdr()[i]);
    }
  }

  private void scoreDuet(Crop duet, ClipAnalysis analysis, Tally tally) {
    List<TruthSource> truth = duet.clip().truth();
    float[][] references =
        truth.stream().map(source -> duet.cropOf(source.audio())).toArray(float[][]::new);
    if (IntStream.range(0, references.length).anyMatch(i -> silent(references[i]))) {
      tally.unscored++;
      return;
    }
    float[] probabilities = analysis.video(0).classes();
    int[] found =
        IntStream.range(0, probabilities.length)
            .boxed()
            .sorted(Comparator.comparingDouble((Integer c) -> probabilities[c]).reversed())
            .limit(truth.size())
            .mapToInt(Integer::intValue)
            .toArray();
    float[][] estimates = new float[found.length][];
    for (int j = 0; j < found.length; j++) {
      estimates[j] =
          separation.separate(duet.audio(), analysis.classMask(0, found[j]), Masks.PAPER_THRESHOLD);
    }
    if (IntStream.range(0, estimates.length).anyMatch(j -> silent(estimates[j]))) {
      tally.unscored++;
      return;
    }
    BssEval.Result scored = BssEval.bssEvalSources(references, estimates, true);
    for (int i = 0; i < truth.size(); i++) {
      tally.duetSdr.add(scored.sdr()[i]);
      tally.duetSir.add(scored.sir()[i]);
      int source = found[scored.perm()[i]];
      tally.pointable++;
      tally.duetPointable++;
      if (peakIn(analysis.classEnergy(0, source), analysis, duet.truthBox(i))) {
        tally.pointed++;
        tally.duetPointed++;
      }
    }
  }

  /**
   * Whether the map's loudest cell has its centre in {@code box} (the map spans the whole frame).
   */
  private static boolean peakIn(float[] map, ClipAnalysis analysis, Box box) {
    PixelEnergyMap.Point peak = PixelEnergyMap.of(analysis.height(), analysis.width(), map).peak();
    return box.contains(peak.x(), peak.y());
  }

  /**
   * Mixing partners: for each clip, N − 1 seeded choices in turn, each among clips of videos not
   * yet in its mixture, of instruments not yet in it if any. A clip without enough partners is
   * mixed in none.
   */
  private List<Crop[]> mixtures(List<Crop> crops) {
    Random rng = new Random(settings.seed());
    List<Crop[]> mixtures = new ArrayList<>();
    for (Crop first : crops) {
      List<Crop> group = new ArrayList<>(List.of(first));
      while (group.size() < settings.sourcesPerMix()) {
        List<Crop> others =
            crops.stream()
                .filter(c -> group.stream().noneMatch(g -> g.videoId().equals(c.videoId())))
                .toList();
        List<Crop> unlike =
            others.stream()
                .filter(
                    c ->
                        group.stream()
                            .allMatch(g -> Collections.disjoint(c.instruments(), g.instruments())))
                .toList();
        List<Crop> candidates = unlike.isEmpty() ? others : unlike;
        if (candidates.isEmpty()) break;
        group.add(candidates.get(rng.nextInt(candidates.size())));
      }
      if (group.size() == settings.sourcesPerMix()) mixtures.add(group.toArray(Crop[]::new));
    }
    return mixtures;
  }

  /**
   * The mixture as training makes it (gain 0 dB): each of its N sources clipped to [-1, 1] and
   * divided by N, summed.
   */
  private static float[] mix(Crop[] group) {
    float[] mixture = new float[group[0].audio().length];
    for (Crop source : group) {
      float[] part = share(source.audio(), group.length);
      for (int i = 0; i < mixture.length; i++) mixture[i] += part[i];
    }
    return mixture;
  }

  /** A source's part of a mixture of {@code n}: clipped to [-1, 1], divided by {@code n}. */
  private static float[] share(float[] audio, int n) {
    float[] part = new float[audio.length];
    for (int i = 0; i < audio.length; i++) part[i] = Math.max(-1f, Math.min(1f, audio[i])) / n;
    return part;
  }

  private Crop crop(EvaluationClip clip) {
    StoredClip training = clip.clip();
    int valid = Math.min(crop, training.validSamples());
    double from = training.startSeconds();
    double to = from + (double) valid / training.sampleRate();
    int[] picked =
        FramePicker.pick(
            training.frameTimes(), from, to, model.config().framesPerClip(), false, null);
    return new Crop(clip, valid, picked, crop);
  }

  /**
   * The part of a clip the model hears and sees: its first crop of audio and the frames spread over
   * it.
   */
  private record Crop(EvaluationClip clip, int valid, int[] picked, int length) {
    String id() {
      return clip.clip().videoId()
          + String.format(Locale.ROOT, "@%012.3f", clip.clip().startSeconds());
    }

    String videoId() {
      return clip.clip().videoId();
    }

    Set<String> instruments() {
      return Set.copyOf(clip.clip().instruments());
    }

    float[] audio() {
      return cropOf(clip.clip().audio());
    }

    /**
     * The first {@code valid} samples of clip-aligned audio, padded with silence to the model's
     * length.
     */
    float[] cropOf(float[] aligned) {
      float[] part = new float[length];
      System.arraycopy(aligned, 0, part, 0, valid);
      return part;
    }

    List<byte[]> frames() {
      return IntStream.of(picked).mapToObj(k -> clip.clip().framesJpeg().get(k)).toList();
    }

    Box truthBox(int source) {
      return clip.truth()
          .get(source)
          .boxOver(IntStream.of(picked).mapToDouble(k -> clip.clip().frameTimes()[k]).toArray());
    }

    /** The clip as the index sees it: its own sound and frames. */
    ClipInput alone() {
      return new ClipInput(audio(), List.of(frames()));
    }

    boolean silent() {
      return Evaluation.silent(audio());
    }
  }

  private static boolean silent(float[] audio) {
    double sum = 0;
    for (float v : audio) sum += Math.abs(v);
    return sum < SILENT;
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  private static double share(int hits, int total) {
    return total == 0 ? Double.NaN : (double) hits / total;
  }

  /** What is done with each item and its analysis. */
  @FunctionalInterface
  private interface Scoring<T> {
    void score(T item, ClipInput input, ClipAnalysis analysis);
  }

  /** Runs items through the predictor a batch at a time, showing progress. */
  private final class Batches {
    private final Predictor<ClipInput, ClipAnalysis> predictor;
    private final Progress shown;

    Batches(Predictor<ClipInput, ClipAnalysis> predictor, Progress shown) {
      this.predictor = predictor;
      this.shown = shown;
    }

    <T> void analyse(List<T> items, Function<T, ClipInput> input, Scoring<T> scoring)
        throws TranslateException {
      for (int from = 0; from < items.size(); from += settings.batch()) {
        List<T> chunk = items.subList(from, Math.min(items.size(), from + settings.batch()));
        List<ClipInput> inputs = chunk.stream().map(input).toList();
        List<ClipAnalysis> analyses = predictor.batchPredict(inputs);
        for (int i = 0; i < chunk.size(); i++) {
          scoring.score(chunk.get(i), inputs.get(i), analyses.get(i));
        }
        shown.advance(chunk.size());
      }
    }
  }

  /** Running sums of the scores. */
  private static final class Tally {
    final List<Double> sdr = new ArrayList<>();
    final List<Double> sir = new ArrayList<>();
    final List<Double> sar = new ArrayList<>();
    final List<Double> nsdr = new ArrayList<>();
    final List<Double> mixtureSdr = new ArrayList<>();
    final List<Double> ibmSdr = new ArrayList<>();
    final List<Double> duetSdr = new ArrayList<>();
    final List<Double> duetSir = new ArrayList<>();
    int pointed;
    int pointable;
    int duetPointed;
    int duetPointable;
    int recognised;
    int recognisable;
    int unscored;
    final List<Double> nonMusicFoundUpTo = new ArrayList<>();
    final List<Double> solosFoundUpTo = new ArrayList<>();
    final SortedMap<String, InstrumentTally> instruments = new TreeMap<>();

    /** The tally of a solo crop's instrument. */
    InstrumentTally of(Crop solo) {
      return instruments.computeIfAbsent(
          solo.clip().truth().get(0).instrument(), name -> new InstrumentTally());
    }

    SortedMap<String, InstrumentFigures> instrumentFigures() {
      SortedMap<String, InstrumentFigures> figures = new TreeMap<>();
      instruments.forEach(
          (name, t) ->
              figures.put(
                  name,
                  new InstrumentFigures(
                      t.pointed.size(), mean(t.nsdr), mean(t.pointed), mean(t.recognised))));
      return figures;
    }
  }

  /** One instrument's scores: 1 or 0 for each pointing and naming, and each NSDR. */
  private static final class InstrumentTally {
    final List<Double> nsdr = new ArrayList<>();
    final List<Double> pointed = new ArrayList<>();
    final List<Double> recognised = new ArrayList<>();
  }

  /** "evaluate: 40/84 clips, 1.3 clips/s, ETA 33 s" lines, at most one per 10 s. */
  private static final class Progress {
    private final PrintStream out;
    private final int total;
    private final long start = System.nanoTime();
    private long lastPrint = start;
    private int done;

    Progress(PrintStream out, int total) {
      this.out = out;
      this.total = total;
    }

    void advance(int count) {
      done += count;
      long now = System.nanoTime();
      if (out != null && (now - lastPrint > 10e9 || done == total)) {
        lastPrint = now;
        double rate = done / ((now - start) / 1e9);
        out.printf(
            Locale.ROOT,
            "evaluate: %d/%d mixtures and duets, %.2f/s, ETA %.0f s%n",
            done,
            total,
            rate,
            (total - done) / rate);
      }
    }
  }
}
