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
import java.util.ArrayList;
import java.util.List;

/**
 * The audio analysis network (SoP's {@code Unet}, pix2pix style): batch norm on the input, then D
 * levels down (4x4 conv, stride 2; LeakyReLU 0.2 and batch norm between levels) and D levels up
 * (ReLU, bilinear ×2, 3x3 conv, batch norm), each up level's output concatenated with the skip from
 * its level's input. Level i has {@code min(ngf * min(2^i, 8), unetMaxChannels)} channels; the
 * outermost up conv maps to K channels with a bias and no activation. (SoP's in-place LeakyReLU
 * also rewrites the skip, but the ReLU after each concatenation makes that moot.)
 *
 * <p>Input: {@code NDList(logMagnitude [B, 1, F, T])}, the log magnitude of the
 * log-frequency-warped mixture (F and T divisible by 2^D). Output: {@code NDList(features [B, K, F,
 * T])}.
 */
public final class AudioUNet extends AbstractBlock {
  private static final float LEAK = 0.2f;

  private final int channels;
  private final Block inputNorm;

  /** Level 0 (outermost) first. */
  private final List<Block> downs = new ArrayList<>();

  /** Level 0 (outermost) first; applied innermost first. */
  private final List<Block> ups = new ArrayList<>();

  private AudioUNet(ModelConfig config) {
    channels = config.channels();
    int depth = config.unetDepth();
    inputNorm = addChildBlock("inputNorm", Layers.batchNorm());
    for (int level = 0; level < depth; level++) {
      SequentialBlock down = new SequentialBlock();
      if (level > 0) {
        down.add(Activation.leakyReluBlock(LEAK));
      }
      down.add(Layers.conv(config.unetWidth(level), 4, 2, 1, 1, false));
      if (level > 0 && level < depth - 1) {
        down.add(Layers.batchNorm());
      }
      downs.add(addChildBlock("down" + level, down));
    }
    for (int level = 0; level < depth; level++) {
      SequentialBlock up = new SequentialBlock().add(Activation.reluBlock()).add(new Upsample());
      if (level == 0) {
        up.add(Layers.sameConv(channels, 3, 1, 1, true));
      } else {
        up.add(Layers.convBn(config.unetWidth(level - 1), 3, 1, 1));
      }
      ups.add(addChildBlock("up" + level, up));
    }
  }

  /**
   * The U-Net of {@code config}: K = channels, {@code unetDepth} levels, {@code unetChannels} at
   * the outermost.
   */
  public static AudioUNet of(ModelConfig config) {
    return new AudioUNet(config);
  }

  /**
   * Makes this initialised U-Net compute what the initialised {@code narrower} one (same depth and
   * K, no level wider, as {@link PixelPlayerNet#widenFrom} checks) computes, keeping its own
   * initial values where the narrower one has none: each level's first channels take the narrower
   * level's weights and norms, and every weight from an added channel into an old one is zero, so
   * the added channels start free to learn but change no output. An up level's input is its skip
   * and the level below's output side by side, so its weights are placed part by part.
   */
  void widenFrom(AudioUNet narrower) {
    Widening.copy(narrower.inputNorm, inputNorm, 1);
    for (int level = 0; level < downs.size(); level++) {
      Widening.copy(narrower.downs.get(level), downs.get(level), 1);
      Widening.copy(narrower.ups.get(level), ups.get(level), level < downs.size() - 1 ? 2 : 1);
    }
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    checkInput(inputs.singletonOrThrow().getShape());
    // levelInputs.get(i) is the input of level i, the skip its up path is concatenated with.
    List<NDArray> levelInputs = new ArrayList<>();
    NDArray x = inputNorm.forward(store, inputs, training, params).singletonOrThrow();
    for (Block down : downs) {
      levelInputs.add(x);
      x = down.forward(store, new NDList(x), training, params).singletonOrThrow();
    }
    for (int level = downs.size() - 1; level >= 0; level--) {
      x = ups.get(level).forward(store, new NDList(x), training, params).singletonOrThrow();
      if (level > 0) {
        x = levelInputs.get(level).concat(x, 1);
      }
    }
    return new NDList(x);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape input = inputShapes[0];
    checkInput(input);
    return new Shape[] {new Shape(input.get(0), channels, input.get(2), input.get(3))};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape shape = inputShapes[0];
    checkInput(shape);
    inputNorm.initialize(manager, dataType, shape);
    List<Shape> levelInputs = new ArrayList<>();
    for (Block down : downs) {
      levelInputs.add(shape);
      down.initialize(manager, dataType, shape);
      shape = down.getOutputShapes(new Shape[] {shape})[0];
    }
    for (int level = downs.size() - 1; level >= 0; level--) {
      Block up = ups.get(level);
      up.initialize(manager, dataType, shape);
      shape = up.getOutputShapes(new Shape[] {shape})[0];
      if (level > 0) {
        Shape skip = levelInputs.get(level);
        shape = new Shape(shape.get(0), skip.get(1) + shape.get(1), shape.get(2), shape.get(3));
      }
    }
  }

  private void checkInput(Shape input) {
    long reduction = 1L << downs.size();
    if (input.dimension() != 4
        || input.get(1) != 1
        || input.get(2) % reduction != 0
        || input.get(3) % reduction != 0) {
      throw new IllegalArgumentException(
          "audio U-Net of depth "
              + downs.size()
              + " expects a log magnitude [B, 1, F, T] with F and T divisible by "
              + reduction
              + ", got "
              + input);
    }
  }
}
