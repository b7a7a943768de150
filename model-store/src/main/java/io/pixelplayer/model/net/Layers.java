package io.pixelplayer.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;

/** The convolution and normalisation layers the networks are made of, with PyTorch's defaults. */
final class Layers {
  private Layers() {}

  /** A square 2-D convolution on NCHW. */
  static Conv2d conv(int filters, int kernel, int stride, int padding, int dilation, boolean bias) {
    return Conv2d.builder()
        .setFilters(filters)
        .setKernelShape(new Shape(kernel, kernel))
        .optStride(new Shape(stride, stride))
        .optPadding(new Shape(padding, padding))
        .optDilation(new Shape(dilation, dilation))
        .optBias(bias)
        .build();
  }

  /**
   * A convolution that keeps the size (divided by its stride) of an odd kernel, with or without
   * dilation.
   */
  static Conv2d sameConv(int filters, int kernel, int stride, int dilation, boolean bias) {
    return conv(filters, kernel, stride, dilation * (kernel - 1) / 2, dilation, bias);
  }

  /**
   * Batch normalisation over channels; DJL's momentum 0.9 is PyTorch's 0.1, epsilon 1e-5 as in
   * PyTorch.
   */
  static Block batchNorm() {
    return BatchNorm.builder().build();
  }

  /**
   * A bias-free convolution followed by batch normalisation (the bias would be cancelled by the
   * norm).
   */
  static SequentialBlock convBn(int filters, int kernel, int stride, int dilation) {
    return new SequentialBlock()
        .add(sameConv(filters, kernel, stride, dilation, false))
        .add(batchNorm());
  }

  /**
   * The maximum over the pixels of each channel, [B, C, h, w] → [B, C] (PyTorch's max takes one
   * axis only).
   */
  static NDArray spatialMax(NDArray maps) {
    Shape shape = maps.getShape();
    return maps.reshape(shape.get(0), shape.get(1), -1).max(new int[] {2});
  }
}
