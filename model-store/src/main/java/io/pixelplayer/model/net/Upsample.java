package io.pixelplayer.model.net;

import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Bilinear ×2 upsampling of NCHW, as SoP's U-Net decoder does before each conv (it has no
 * transposed convolution, which DJL's PyTorch engine lacks anyway). DJL exposes interpolation only
 * on its internal array API; the PyTorch engine's {@code interpolate} is differentiable but always
 * align_corners=false (SoP: true), which shifts the sampling grid by a quarter pixel at each level.
 */
final class Upsample extends AbstractBlock {
  private static final int BILINEAR = Image.Interpolation.BILINEAR.ordinal();

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    Shape shape = x.getShape();
    long[] size = {shape.get(2) * 2, shape.get(3) * 2};
    return new NDList(x.getNDArrayInternal().interpolation(size, BILINEAR, false));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape shape = inputShapes[0];
    return new Shape[] {new Shape(shape.get(0), shape.get(1), shape.get(2) * 2, shape.get(3) * 2)};
  }
}
