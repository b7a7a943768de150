package io.pixelplayer.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * The video analysis network (SoP's {@code ResnetDilated}): a ResNet with basic blocks whose later
 * stages dilate instead of striding, so the feature map keeps {@code frameSize / videoStride}
 * pixels a side (ResNet-18, 224² → 14²), then a 3x3 conv to K channels. Every frame of a clip goes
 * through it on its own; the K-channel maps are max-pooled over time and passed through a sigmoid
 * (SoP's {@code img_activation}).
 *
 * <p>Input: {@code NDList(frames [B, T, 3, H, W])}, T frames of each of B clips, normalised RGB.
 * Output: {@code NDList(pixels [B, K, h, w], vector [B, K])}: the per-pixel visual features (for
 * localisation) and their maximum over the pixels (the clip's feature, for separation), both after
 * the sigmoid.
 */
public final class VideoNet extends AbstractBlock {
  private final SequentialBlock trunk;

  private VideoNet(int channels, int width, List<Integer> stages, int outputStride) {
    trunk =
        addChildBlock(
            "trunk",
            new SequentialBlock()
                .add(Layers.conv(width, 7, 2, 3, 1, false))
                .add(Layers.batchNorm())
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1))));
    int stride = ModelConfig.STEM_STRIDE;
    int dilation = 1;
    int inChannels = width;
    for (int stage = 0; stage < stages.size(); stage++) {
      int filters = width << stage;
      int firstStride = 1;
      int firstDilation = dilation;
      if (stage > 0 && stride < outputStride) {
        firstStride = 2;
        stride *= 2;
      } else if (stage > 0) {
        dilation *= 2;
      }
      trunk.add(
          new ResidualUnit(
              filters,
              firstStride,
              firstDilation,
              dilation,
              firstStride != 1 || inChannels != filters));
      for (int block = 1; block < stages.get(stage); block++) {
        trunk.add(new ResidualUnit(filters, 1, dilation, dilation, false));
      }
      inChannels = filters;
    }
    trunk.add(Layers.sameConv(channels, 3, 1, 1, true));
  }

  /**
   * The video net of {@code config}: K = channels, {@code videoWidth}, {@code videoStages}, {@code
   * videoStride}.
   */
  public static VideoNet of(ModelConfig config) {
    return new VideoNet(
        config.channels(), config.videoWidth(), config.videoStages(), config.videoStride());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray frames = inputs.singletonOrThrow();
    Shape shape = frames.getShape();
    checkFrames(shape);
    NDArray perFrame =
        trunk
            .forward(store, new NDList(frames.reshape(perFrame(shape))), training, params)
            .singletonOrThrow();
    Shape mapShape = perFrame.getShape();
    NDArray pixels =
        perFrame
            .reshape(shape.get(0), shape.get(1), mapShape.get(1), mapShape.get(2), mapShape.get(3))
            .max(new int[] {1});
    pixels = Activation.sigmoid(pixels);
    return new NDList(pixels, poolPixels(pixels));
  }

  /**
   * The feature of a clip, or of a region of its pixels: the maximum over them, [B, K, h, w] → [B,
   * K].
   */
  public static NDArray poolPixels(NDArray pixels) {
    return Layers.spatialMax(pixels);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape shape = inputShapes[0];
    checkFrames(shape);
    Shape map = trunk.getOutputShapes(new Shape[] {perFrame(shape)})[0];
    return new Shape[] {
      new Shape(shape.get(0), map.get(1), map.get(2), map.get(3)),
      new Shape(shape.get(0), map.get(1))
    };
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    checkFrames(inputShapes[0]);
    trunk.initialize(manager, dataType, perFrame(inputShapes[0]));
  }

  private static Shape perFrame(Shape frames) {
    return new Shape(frames.get(0) * frames.get(1), frames.get(2), frames.get(3), frames.get(4));
  }

  private static void checkFrames(Shape frames) {
    if (frames.dimension() != 5 || frames.get(2) != 3) {
      throw new IllegalArgumentException("video net expects frames [B, T, 3, H, W], got " + frames);
    }
  }
}
