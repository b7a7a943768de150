package io.pixelplayer.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.pixelplayer.udf.Masks;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole PixelPlayer as one block (one {@code .params} file): {@link VideoNet}, {@link
 * AudioUNet}, {@link Synthesizer} and {@link InstrumentHead}, built from a {@link ModelConfig}.
 *
 * <p>Input ({@link #inputs}): {@code NDList(mixture [B, 1, F, T], frames_1 [B, T', 3, H, W], ...,
 * frames_N)}: the log magnitude of the log-frequency mixture spectrogram and the frames of each of
 * the N ≥ 1 videos mixed into it (all N the same shape). Training Mix-and-Separate uses N = 2;
 * separating or localising one video, N = 1. The same weights serve any N.
 *
 * <p>Output ({@link Outputs}): {@code NDList(S, then per video n = 1..N: maskLogits_n,
 * classLogits_n, pixels_n, classMap_n)}, i.e. 1 + 4N arrays:
 *
 * <ul>
 *   <li>{@code S [B, K, F, T]}: the U-Net's audio features of the mixture;
 *   <li>{@code maskLogits_n [B, 1, F, T]}: the logits of video n's spectrogram mask (sigmoid →
 *       mask);
 *   <li>{@code classLogits_n [B, C]}: video n's instrument logits (max over pixels of the class
 *       map);
 *   <li>{@code pixels_n [B, K, h, w]}: video n's per-pixel visual features (after the sigmoid), for
 *       {@link #synthesizer()}'s per-pixel masks;
 *   <li>{@code classMap_n [B, C, h, w]}: video n's per-pixel instrument logits.
 * </ul>
 *
 * The frames of all N videos go through the video net as one batch (so batch norm sees all of
 * them).
 */
public final class PixelPlayerNet extends AbstractBlock {
  /** Arrays per video in the output, after the leading audio features. */
  public static final int PER_VIDEO = 4;

  private final ModelConfig config;
  private final VideoNet video;
  private final AudioUNet audio;
  private final Synthesizer synthesizer;
  private final InstrumentHead instruments;

  private PixelPlayerNet(ModelConfig config) {
    this.config = config;
    video = addChildBlock("video", VideoNet.of(config));
    audio = addChildBlock("audio", AudioUNet.of(config));
    synthesizer = addChildBlock("synthesizer", Synthesizer.of(config));
    instruments = addChildBlock("instruments", InstrumentHead.of(config));
  }

  public static PixelPlayerNet of(ModelConfig config) {
    return new PixelPlayerNet(config);
  }

  public ModelConfig config() {
    return config;
  }

  public VideoNet video() {
    return video;
  }

  public AudioUNet audio() {
    return audio;
  }

  /** For per-pixel masks: {@code synthesizer().forward(store, new NDList(pixels_n, S), false)}. */
  public Synthesizer synthesizer() {
    return synthesizer;
  }

  public InstrumentHead instruments() {
    return instruments;
  }

  /**
   * Makes this initialised network compute what the initialised {@code narrower} one computes,
   * where this one's U-Net is as wide or wider at every level and all else is alike ({@link
   * ModelConfig#widens}): its weights are copied, the U-Net's widened (see {@link
   * AudioUNet#widenFrom}).
   */
  public void widenFrom(PixelPlayerNet narrower) {
    if (!config.widens(narrower.config)) {
      throw new IllegalArgumentException(
          "cannot widen " + narrower.config.toJson() + " into " + config.toJson());
    }
    Widening.copy(narrower.video, video, 1);
    audio.widenFrom(narrower.audio);
    Widening.copy(narrower.synthesizer, synthesizer, 1);
    Widening.copy(narrower.instruments, instruments, 1);
  }

  /**
   * One cell of the network's audio input from the mixture's warped magnitude: {@code log(|X| +
   * ε)}, as SoP ({@code log(mag_mix + 1e-10)}); training and inference both go through here.
   */
  public static float logMagnitude(float magnitude) {
    return (float) Math.log(magnitude + Masks.MIXTURE_EPSILON);
  }

  /**
   * The input list: the mixture's log magnitude [B, 1, F, T], then the frames [B, T', 3, H, W] of
   * every video.
   */
  public static NDList inputs(NDArray mixture, List<NDArray> frames) {
    NDList inputs = new NDList(mixture);
    inputs.addAll(frames);
    return inputs;
  }

  /**
   * The input shapes for {@code videos} videos of batch {@code batch} at this model's sizes (to
   * initialise it).
   */
  public Shape[] inputShapes(int batch, int videos) {
    Shape[] shapes = new Shape[1 + videos];
    shapes[0] = new Shape(batch, 1, config.logBins(), config.specFrames());
    for (int n = 1; n <= videos; n++) {
      shapes[n] =
          new Shape(batch, config.framesPerClip(), 3, config.frameSize(), config.frameSize());
    }
    return shapes;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    int videos = checkInputs(inputs.getShapes());
    NDArray mixture = inputs.get(0);
    NDList frames = new NDList(inputs.subList(1, inputs.size()));
    NDList visual = video.forward(store, new NDList(NDArrays.concat(frames, 0)), training, params);
    NDList recognised = instruments.forward(store, new NDList(visual.get(0)), training, params);
    NDArray spectral =
        audio.forward(store, new NDList(mixture), training, params).singletonOrThrow();

    NDList vectors = visual.get(1).split(videos);
    NDList pixels = visual.get(0).split(videos);
    NDList classMaps = recognised.get(0).split(videos);
    NDList classLogits = recognised.get(1).split(videos);
    NDList outputs = new NDList(spectral);
    for (int n = 0; n < videos; n++) {
      NDArray maskLogits =
          synthesizer
              .forward(store, new NDList(vectors.get(n), spectral), training, params)
              .singletonOrThrow();
      outputs.addAll(List.of(maskLogits, classLogits.get(n), pixels.get(n), classMaps.get(n)));
    }
    return outputs;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    int videos = checkInputs(inputShapes);
    Shape mixture = inputShapes[0];
    Shape[] visual = video.getOutputShapes(new Shape[] {inputShapes[1]});
    Shape[] recognised = instruments.getOutputShapes(new Shape[] {visual[0]});
    Shape spectral = audio.getOutputShapes(new Shape[] {mixture})[0];
    Shape mask = synthesizer.getOutputShapes(new Shape[] {visual[1], spectral})[0];
    List<Shape> shapes = new ArrayList<>(List.of(spectral));
    for (int n = 0; n < videos; n++) {
      shapes.addAll(List.of(mask, recognised[1], visual[0], recognised[0]));
    }
    return shapes.toArray(Shape[]::new);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    int videos = checkInputs(inputShapes);
    Shape frames = inputShapes[1];
    Shape allFrames = new Shape(frames.get(0) * videos).addAll(frames.slice(1));
    video.initialize(manager, dataType, allFrames);
    Shape[] visual = video.getOutputShapes(new Shape[] {allFrames});
    instruments.initialize(manager, dataType, visual[0]);
    audio.initialize(manager, dataType, inputShapes[0]);
    Shape spectral = audio.getOutputShapes(new Shape[] {inputShapes[0]})[0];
    synthesizer.initialize(
        manager, dataType, new Shape(frames.get(0), config.channels()), spectral);
  }

  /** The number of videos, after checking the inputs agree with each other. */
  private static int checkInputs(Shape[] shapes) {
    if (shapes.length < 2) {
      throw new IllegalArgumentException(
          "PixelPlayer expects (mixture, frames of at least one video), got "
              + shapes.length
              + " arrays");
    }
    Shape mixture = shapes[0];
    if (mixture.dimension() != 4 || mixture.get(1) != 1) {
      throw new IllegalArgumentException(
          "PixelPlayer expects the mixture as [B, 1, F, T], got " + mixture);
    }
    for (int n = 1; n < shapes.length; n++) {
      if (!shapes[n].equals(shapes[1])
          || shapes[n].dimension() != 5
          || shapes[n].get(0) != mixture.get(0)) {
        throw new IllegalArgumentException(
            "PixelPlayer expects the frames of every video as ["
                + mixture.get(0)
                + ", T, 3, H, W], all alike; video "
                + n
                + " has "
                + shapes[n]
                + (n > 1 ? ", video 1 " + shapes[1] : ""));
      }
    }
    return shapes.length - 1;
  }

  /** A view of {@link PixelPlayerNet}'s output list by meaning. */
  public record Outputs(NDList arrays) {
    public Outputs {
      if (arrays.isEmpty() || (arrays.size() - 1) % PER_VIDEO != 0) {
        throw new IllegalArgumentException(
            "PixelPlayer outputs 1 + " + PER_VIDEO + "N arrays, got " + arrays.size());
      }
    }

    public int videos() {
      return (arrays.size() - 1) / PER_VIDEO;
    }

    /** S [B, K, F, T]. */
    public NDArray spectralFeatures() {
      return arrays.get(0);
    }

    /** [B, 1, F, T] for video {@code n} (0-based). */
    public NDArray maskLogits(int n) {
      return arrays.get(index(n, 0));
    }

    /** [B, C] for video {@code n}. */
    public NDArray classLogits(int n) {
      return arrays.get(index(n, 1));
    }

    /** [B, K, h, w] for video {@code n}. */
    public NDArray pixelFeatures(int n) {
      return arrays.get(index(n, 2));
    }

    /** [B, C, h, w] for video {@code n}. */
    public NDArray classMap(int n) {
      return arrays.get(index(n, 3));
    }

    private int index(int n, int offset) {
      if (n < 0 || n >= videos()) {
        throw new IndexOutOfBoundsException("video " + n + " of " + videos());
      }
      return 1 + PER_VIDEO * n + offset;
    }
  }
}
