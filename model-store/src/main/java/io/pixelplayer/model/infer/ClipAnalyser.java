package io.pixelplayer.model.infer;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.pixelplayer.model.net.InstrumentHead;
import io.pixelplayer.model.net.ModelConfig;
import io.pixelplayer.model.net.PixelPlayerNet;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.function.IntFunction;

/**
 * PixelPlayer for inference: the trained {@link PixelPlayerNet} plus what separating, recognising
 * and localising need from its outputs, computed on the engine (so on the GPU where there is one).
 * No parameters of its own: its {@code .params} file is the network's, as training writes it.
 *
 * <p>Every video is seen in four orientations (one pass of the video net over all of them, one of
 * the U-Net): as it is, mirrored left to right, upside down, and both. Trained maps lean: on a
 * validation corpus (its own seed, not the test corpus) the loudest pixel of a map from the upright
 * views missed its instrument's box upwards in most misses, and a map from the frames as they are
 * alone leaned sideways too. The mean of a video's maps over the four orientations, each turned
 * back, cannot lean either way, so the maps ({@code pixelClasses}, {@code pixelEnergy}) come from
 * that mean. The network was trained on upright frames (mirrored at random) only, so what it hears
 * and names ({@code mask}, {@code classes}, {@code classMasks}) comes from the two upright views
 * alone.
 *
 * <p>Input: as {@link PixelPlayerNet}, {@code NDList(mixture [B, 1, F, T], frames_1 [B, T', 3, H,
 * W], ...)} with the mixture's log magnitude. Output, per video n = 1..N, {@value #PER_VIDEO}
 * arrays:
 *
 * <ul>
 *   <li>{@code mask [B, F, T]}: the video's mask probabilities (sigmoid of the synthesizer's
 *       logits, upright views);
 *   <li>{@code classes [B, C]}: instrument probabilities (softmax of the pixel-pooled logits, as
 *       trained);
 *   <li>{@code pixelClasses [B, C, h, w]}: per-pixel instrument probabilities (softmax over C);
 *   <li>{@code pixelEnergy [B, h, w]}: the energy each pixel's own mask keeps of the mixture,
 *       {@code Σ (mask_p · |X|)²} (the paper's per-pixel sound map);
 *   <li>{@code classMasks [B, C, F, T]}: for each class, the mask of the visual features at the
 *       pixel that class scores highest (the key instance of the multiple-instance pooling): one
 *       source per instrument seen.
 * </ul>
 */
public final class ClipAnalyser extends AbstractBlock {
  /** Arrays per video in the output. */
  public static final int PER_VIDEO = 5;

  /**
   * Orientations each video is seen in; view v is mirrored if bit 0 is set and upside down if bit 1
   * is.
   */
  private static final int VIEWS = 4;

  /** The first views, as it is and mirrored: the orientations the network was trained on. */
  private static final int UPRIGHT = 2;

  /**
   * The row axis of frames {@code [B, T', 3, H, W]} and of maps {@code [B, C, h, w]} (columns
   * follow rows).
   */
  private static final int FRAME_ROWS = 3;

  private static final int MAP_ROWS = 2;

  private final PixelPlayerNet net;

  private ClipAnalyser(PixelPlayerNet net) {
    this.net = addChildBlock("pixelplayer", net);
  }

  public static ClipAnalyser of(ModelConfig config) {
    return new ClipAnalyser(PixelPlayerNet.of(config));
  }

  public ModelConfig config() {
    return net.config();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    int videos = inputs.size() - 1;
    NDList views = new NDList(inputs.get(0));
    for (int n = 1; n <= videos; n++) {
      for (int v = 0; v < VIEWS; v++) views.add(turned(inputs.get(n), v, FRAME_ROWS));
    }
    PixelPlayerNet.Outputs out =
        new PixelPlayerNet.Outputs(net.forward(store, views, training, params));
    NDArray mixture = inputs.get(0);
    Shape spectrogram = mixture.getShape();
    long batch = spectrogram.get(0);
    long cells = spectrogram.get(2) * spectrogram.get(3);
    // |X|² per cell as a column [B, F·T, 1]: the input is log(|X| + ε), and ε (1e-10) is far below
    // anything heard.
    NDArray power = mixture.mul(2).exp().reshape(batch, cells, 1);
    NDList outputs = new NDList();
    for (int n = 0; n < videos; n++) {
      int first = n * VIEWS;
      ViewMeans features = ViewMeans.of(out::pixelFeatures, first);
      ViewMeans classMaps = ViewMeans.of(out::classMap, first);
      NDArray mask = Activation.sigmoid(out.maskLogits(first));
      for (int v = 1; v < UPRIGHT; v++)
        mask = mask.add(Activation.sigmoid(out.maskLogits(first + v)));
      mask = mask.div(UPRIGHT);
      Shape map = classMaps.all().getShape();
      long classes = map.get(1);
      long pixelCount = map.get(2) * map.get(3);

      NDArray pixelMasks =
          Activation.sigmoid(
              net.synthesizer()
                  .forward(
                      store, new NDList(features.all(), out.spectralFeatures()), training, params)
                  .singletonOrThrow());
      NDArray energy =
          pixelMasks
              .reshape(batch, pixelCount, cells)
              .square()
              .matMul(power)
              .reshape(batch, map.get(2), map.get(3));

      // The features at each class's best pixel: [B, K, P] x one-hot [B, P, C] → [B, K, C], as a C
      // x 1 "image".
      NDArray best =
          classMaps
              .upright()
              .reshape(batch, classes, pixelCount)
              .argMax(2)
              .oneHot((int) pixelCount)
              .toType(features.upright().getDataType(), false);
      NDArray keyFeatures =
          features
              .upright()
              .reshape(batch, features.upright().getShape().get(1), pixelCount)
              .matMul(best.transpose(0, 2, 1))
              .expandDims(3);
      NDArray classMasks =
          Activation.sigmoid(
                  net.synthesizer()
                      .forward(
                          store, new NDList(keyFeatures, out.spectralFeatures()), training, params)
                      .singletonOrThrow())
              .reshape(batch, classes, spectrogram.get(2), spectrogram.get(3));

      outputs.add(mask.squeeze(1));
      outputs.add(InstrumentHead.poolPixels(classMaps.upright()).softmax(1));
      outputs.add(classMaps.all().softmax(1));
      outputs.add(energy);
      outputs.add(classMasks);
    }
    return outputs;
  }

  /**
   * An image or map turned into orientation {@code view}, or back from it (each turn is its own
   * inverse).
   */
  private static NDArray turned(NDArray array, int view, int rowAxis) {
    return switch (view) {
      case 0 -> array;
      case 1 -> array.flip(rowAxis + 1);
      case 2 -> array.flip(rowAxis);
      default -> array.flip(rowAxis, rowAxis + 1);
    };
  }

  /**
   * A video's maps ({@code [B, C, h, w]}) averaged over its upright views and over all its views,
   * each turned back.
   */
  private record ViewMeans(NDArray upright, NDArray all) {
    /** The means of views {@code first .. first + VIEWS - 1}, each view's map summed once. */
    static ViewMeans of(IntFunction<NDArray> maps, int first) {
      NDArray upright = maps.apply(first);
      for (int v = 1; v < UPRIGHT; v++)
        upright = upright.add(turned(maps.apply(first + v), v, MAP_ROWS));
      NDArray all = upright;
      for (int v = UPRIGHT; v < VIEWS; v++)
        all = all.add(turned(maps.apply(first + v), v, MAP_ROWS));
      return new ViewMeans(upright.div(UPRIGHT), all.div(VIEWS));
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape[] shapes = net.getOutputShapes(inputShapes);
    int videos = inputShapes.length - 1;
    Shape spectrogram = inputShapes[0];
    Shape[] outputs = new Shape[PER_VIDEO * videos];
    for (int n = 0; n < videos; n++) {
      Shape classes = shapes[1 + PixelPlayerNet.PER_VIDEO * n + 1];
      Shape classMap = shapes[1 + PixelPlayerNet.PER_VIDEO * n + 3];
      outputs[PER_VIDEO * n] =
          new Shape(spectrogram.get(0), spectrogram.get(2), spectrogram.get(3));
      outputs[PER_VIDEO * n + 1] = classes;
      outputs[PER_VIDEO * n + 2] = classMap;
      outputs[PER_VIDEO * n + 3] = new Shape(classMap.get(0), classMap.get(2), classMap.get(3));
      outputs[PER_VIDEO * n + 4] =
          new Shape(classMap.get(0), classMap.get(1), spectrogram.get(2), spectrogram.get(3));
    }
    return outputs;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    net.initialize(manager, dataType, inputShapes);
  }

  /**
   * The network's parameters exactly as training saved them (no wrapper header), so one file serves
   * both.
   */
  @Override
  public void saveParameters(DataOutputStream os) throws IOException {
    net.saveParameters(os);
  }

  @Override
  public void loadParameters(NDManager manager, DataInputStream is)
      throws IOException, MalformedModelException {
    net.loadParameters(manager, is);
  }
}
