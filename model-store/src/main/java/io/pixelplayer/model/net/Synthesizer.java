package io.pixelplayer.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * The audio synthesizer network (SoP's {@code InnerProd}): a spectrogram mask's logit at every
 * time-frequency point is a weighted inner product of a visual feature vector v with the K audio
 * features there, {@code sum_k scale_k * v_k * S_k[f, t] + bias} (scale starts at 1, bias at 0). No
 * sigmoid: callers apply it (training: BCE with logits; inference: sigmoid, then a threshold for
 * binary masks).
 *
 * <p>Input {@code NDList(v, S)} with S {@code [B, K, F, T]} and either
 *
 * <ul>
 *   <li>v {@code [B, K]}, one vector per clip (training, separation) → {@code NDList(logits [B, 1,
 *       F, T])}, or
 *   <li>v {@code [B, K, h, w]}, a vector per pixel (localisation, SoP's {@code forward_pixelwise})
 *       → {@code NDList(logits [B, h, w, F, T])}: h·w masks at once (4 bytes · h·w·F·T per clip: 51
 *       MB at paper size). Where that is too much, pass a few pixels' vectors as {@code [B, K]}
 *       rows instead.
 * </ul>
 */
public final class Synthesizer extends AbstractBlock {
  private final int channels;
  private final Parameter scale;
  private final Parameter bias;

  Synthesizer(int channels) {
    this.channels = channels;
    scale =
        addParameter(
            Parameter.builder()
                .setName("scale")
                .setType(Parameter.Type.OTHER)
                .optShape(new Shape(channels))
                .optInitializer(Initializer.ONES)
                .build());
    bias =
        addParameter(
            Parameter.builder()
                .setName("bias")
                .setType(Parameter.Type.BIAS)
                .optShape(new Shape(1))
                .build());
  }

  /** The synthesizer of {@code config}: K = channels. */
  public static Synthesizer of(ModelConfig config) {
    return new Synthesizer(config.channels());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray visual = inputs.get(0);
    NDArray audio = inputs.get(1);
    Shape output = getOutputShapes(new Shape[] {visual.getShape(), audio.getShape()})[0];
    Shape s = audio.getShape();
    long batch = s.get(0);
    // Rows of K-vectors, one per pixel (or one per clip): [B, P, K].
    NDArray rows =
        visual.getShape().dimension() == 2
            ? visual.expandDims(1)
            : visual.reshape(batch, channels, -1).transpose(0, 2, 1);
    NDArray weighted = rows.mul(store.getValue(scale, visual.getDevice(), training));
    NDArray logits =
        weighted
            .matMul(audio.reshape(batch, channels, s.get(2) * s.get(3)))
            .add(store.getValue(bias, visual.getDevice(), training));
    return new NDList(logits.reshape(output));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    if (inputShapes.length != 2) {
      throw new IllegalArgumentException(
          "synthesizer expects (visual features, audio features), got "
              + inputShapes.length
              + " arrays");
    }
    Shape visual = inputShapes[0];
    Shape audio = inputShapes[1];
    if (audio.dimension() != 4 || audio.get(1) != channels) {
      throw new IllegalArgumentException(
          "synthesizer expects audio features [B, " + channels + ", F, T], got " + audio);
    }
    if ((visual.dimension() != 2 && visual.dimension() != 4)
        || visual.get(0) != audio.get(0)
        || visual.get(1) != channels) {
      throw new IllegalArgumentException(
          "synthesizer expects visual features ["
              + audio.get(0)
              + ", "
              + channels
              + "] or ["
              + audio.get(0)
              + ", "
              + channels
              + ", h, w], got "
              + visual);
    }
    Shape spectrogram = audio.slice(2);
    Shape prefix =
        visual.dimension() == 2
            ? new Shape(audio.get(0), 1)
            : new Shape(audio.get(0), visual.get(2), visual.get(3));
    return new Shape[] {prefix.addAll(spectrogram)};
  }
}
