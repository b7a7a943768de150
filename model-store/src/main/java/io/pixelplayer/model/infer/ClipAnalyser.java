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

/**
 * PixelPlayer for inference: the trained {@link PixelPlayerNet} plus what separating, recognising and localising
 * need from its outputs, computed on the engine (so on the GPU where there is one). No parameters of its own: its
 * {@code .params} file is the network's, as training writes it.
 *
 * <p>Every video is seen twice, as it is and mirrored left to right (one pass of the video net over both, one of the
 * U-Net), and its pixel features and class map are the mean of the two, the mirror's mirrored back; everything below
 * comes from those. A strided convolution's output cell is not centred on the input it looks at (with PyTorch's
 * padding a stride-s cell's receptive field is centred (s - 1) / 2 input pixels up and left of the cell's centre), so
 * a plain map leans towards one corner; training mirrors frames at random, and the mean of a frame and its mirror
 * leans neither way sideways.
 *
 * <p>Input: as {@link PixelPlayerNet}, {@code NDList(mixture [B, 1, F, T], frames_1 [B, T', 3, H, W], ...)} with the
 * mixture's log magnitude. Output, per video n = 1..N, {@value #PER_VIDEO} arrays:
 * <ul>
 *   <li>{@code mask [B, F, T]}: the video's mask probabilities (sigmoid of the synthesizer's logits);</li>
 *   <li>{@code classes [B, C]}: instrument probabilities (softmax of the pixel-pooled logits, as trained);</li>
 *   <li>{@code pixelClasses [B, C, h, w]}: per-pixel instrument probabilities (softmax over C);</li>
 *   <li>{@code pixelEnergy [B, h, w]}: the energy each pixel's own mask keeps of the mixture,
 *       {@code Σ (mask_p · |X|)²} (the paper's per-pixel sound map);</li>
 *   <li>{@code classMasks [B, C, F, T]}: for each class, the mask of the visual features at the pixel that class
 *       scores highest (the key instance of the multiple-instance pooling): one source per instrument seen.</li>
 * </ul>
 */
public final class ClipAnalyser extends AbstractBlock {
  /** Arrays per video in the output. */
  public static final int PER_VIDEO = 5;
  /** The column axis of frames {@code [B, T', 3, H, W]} and of maps {@code [B, C, h, w]}. */
  private static final int FRAME_COLUMNS = 4;
  private static final int MAP_COLUMNS = 3;

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
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    int videos = inputs.size() - 1;
    NDList withMirrors = new NDList(inputs);
    for (int n = 1; n <= videos; n++) withMirrors.add(inputs.get(n).flip(FRAME_COLUMNS));
    PixelPlayerNet.Outputs out = new PixelPlayerNet.Outputs(net.forward(store, withMirrors, training, params));
    NDArray mixture = inputs.get(0);
    Shape spectrogram = mixture.getShape();
    long batch = spectrogram.get(0);
    long cells = spectrogram.get(2) * spectrogram.get(3);
    // |X|² per cell as a column [B, F·T, 1]: the input is log(|X| + ε), and ε (1e-10) is far below anything heard.
    NDArray power = mixture.mul(2).exp().reshape(batch, cells, 1);
    NDList outputs = new NDList();
    for (int n = 0; n < videos; n++) {
      NDArray pixels = mirrorMean(out.pixelFeatures(n), out.pixelFeatures(videos + n));
      NDArray classMap = mirrorMean(out.classMap(n), out.classMap(videos + n));
      NDArray mask = Activation.sigmoid(out.maskLogits(n)).add(Activation.sigmoid(out.maskLogits(videos + n))).div(2);
      Shape map = classMap.getShape();
      long classes = map.get(1);
      long pixelCount = map.get(2) * map.get(3);

      NDArray pixelMasks = Activation.sigmoid(
          net.synthesizer().forward(store, new NDList(pixels, out.spectralFeatures()), training, params).singletonOrThrow());
      NDArray energy = pixelMasks.reshape(batch, pixelCount, cells).square().matMul(power).reshape(batch, map.get(2), map.get(3));

      // The features at each class's best pixel: [B, K, P] x one-hot [B, P, C] → [B, K, C], as a C x 1 "image".
      NDArray best = classMap.reshape(batch, classes, pixelCount).argMax(2).oneHot((int) pixelCount).toType(pixels.getDataType(), false);
      NDArray keyFeatures = pixels.reshape(batch, pixels.getShape().get(1), pixelCount).matMul(best.transpose(0, 2, 1))
          .expandDims(3);
      NDArray classMasks = Activation.sigmoid(
          net.synthesizer().forward(store, new NDList(keyFeatures, out.spectralFeatures()), training, params).singletonOrThrow()).reshape(batch, classes, spectrogram.get(2), spectrogram.get(3));

      outputs.add(mask.squeeze(1));
      outputs.add(InstrumentHead.poolPixels(classMap).softmax(1));
      outputs.add(classMap.softmax(1));
      outputs.add(energy);
      outputs.add(classMasks);
    }
    return outputs;
  }

  /** The mean of a map and the map of the mirrored frames, mirrored back ({@code [B, C, h, w]}). */
  private static NDArray mirrorMean(NDArray map, NDArray mirroredMap) {
    return map.add(mirroredMap.flip(MAP_COLUMNS)).div(2);
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
      outputs[PER_VIDEO * n] = new Shape(spectrogram.get(0), spectrogram.get(2), spectrogram.get(3));
      outputs[PER_VIDEO * n + 1] = classes;
      outputs[PER_VIDEO * n + 2] = classMap;
      outputs[PER_VIDEO * n + 3] = new Shape(classMap.get(0), classMap.get(2), classMap.get(3));
      outputs[PER_VIDEO * n + 4] = new Shape(classMap.get(0), classMap.get(1), spectrogram.get(2), spectrogram.get(3));
    }
    return outputs;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    net.initialize(manager, dataType, inputShapes);
  }

  /** The network's parameters exactly as training saved them (no wrapper header), so one file serves both. */
  @Override
  public void saveParameters(DataOutputStream os) throws IOException {
    net.saveParameters(os);
  }

  @Override
  public void loadParameters(NDManager manager, DataInputStream is) throws IOException, MalformedModelException {
    net.loadParameters(manager, is);
  }
}
