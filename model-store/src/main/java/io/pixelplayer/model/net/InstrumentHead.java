package io.pixelplayer.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Instrument recognition from the visual features, trained from weak (clip-level) tags by
 * multiple-instance learning: a 1x1 conv scores every pixel for every class, and a clip's score for
 * a class is its best pixel's.
 *
 * <p>Input: {@code NDList(pixels [B, K, h, w])}. Output: {@code NDList(classMap [B, C, h, w],
 * logits [B, C])}, logits (no sigmoid: one clip can hold several instruments).
 */
public final class InstrumentHead extends AbstractBlock {
  private final Block classifier;

  private InstrumentHead(int classes) {
    classifier = addChildBlock("classifier", Layers.conv(classes, 1, 1, 0, 1, true));
  }

  /** The head of {@code config}: C = classes. */
  public static InstrumentHead of(ModelConfig config) {
    return new InstrumentHead(config.classes());
  }

  /**
   * Multiple-instance pooling: a clip's logit per class is the maximum over its pixels, [B, C, h,
   * w] → [B, C].
   */
  public static NDArray poolPixels(NDArray classMap) {
    return Layers.spatialMax(classMap);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    checkInput(inputs.singletonOrThrow().getShape());
    NDArray classMap = classifier.forward(store, inputs, training, params).singletonOrThrow();
    return new NDList(classMap, poolPixels(classMap));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    checkInput(inputShapes[0]);
    Shape map = classifier.getOutputShapes(inputShapes)[0];
    return new Shape[] {map, map.slice(0, 2)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    checkInput(inputShapes[0]);
    classifier.initialize(manager, dataType, inputShapes);
  }

  private static void checkInput(Shape pixels) {
    if (pixels.dimension() != 4) {
      throw new IllegalArgumentException(
          "instrument head expects pixel features [B, K, h, w], got " + pixels);
    }
  }
}
