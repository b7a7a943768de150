package io.pixelplayer.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * ResNet's basic block (torchvision's {@code BasicBlock}): relu(bn(conv3x3(relu(bn(conv3x3(x))))) +
 * shortcut(x)), the shortcut a strided 1x1 conv + bn where the shape changes. A stage whose stride
 * was turned into dilation gives its first conv the previous stage's dilation and the second conv
 * its own, as SoP's {@code _nostride_dilate} does.
 */
final class ResidualUnit extends AbstractBlock {
  private final Block body;
  private final Block shortcut;

  /**
   * @param project whether the shortcut needs a projection (the channels or the stride change)
   */
  ResidualUnit(int filters, int stride, int firstDilation, int dilation, boolean project) {
    body =
        addChildBlock(
            "body",
            new SequentialBlock()
                .add(Layers.convBn(filters, 3, stride, firstDilation))
                .add(Activation.reluBlock())
                .add(Layers.convBn(filters, 3, 1, dilation)));
    shortcut = project ? addChildBlock("shortcut", Layers.convBn(filters, 1, stride, 1)) : null;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray residual = body.forward(store, inputs, training, params).singletonOrThrow();
    NDArray identity =
        shortcut == null
            ? inputs.singletonOrThrow()
            : shortcut.forward(store, inputs, training, params).singletonOrThrow();
    return new NDList(Activation.relu(residual.add(identity)));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return body.getOutputShapes(inputShapes);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    body.initialize(manager, dataType, inputShapes);
    if (shortcut != null) {
      shortcut.initialize(manager, dataType, inputShapes);
    }
  }
}
