package io.pixelplayer.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.Arrays;

/**
 * Copies a block's trained parameters into a wider twin so that the twin computes the same function
 * (as Net2Net's function-preserving widening, with zeros instead of replicated filters): the first
 * channels of every array take the narrow values, and the weights that read an added input channel
 * into an existing output channel are zero. Added output channels keep the twin's own initial
 * values.
 */
final class Widening {
  private Widening() {}

  /**
   * Copies every parameter of {@code narrow} into the same-named one of {@code wide} (both
   * initialised). A convolution's input channels may be {@code inputParts} equal groups side by
   * side (a concatenation), each widened on its own.
   */
  static void copy(Block narrow, Block wide, int inputParts) {
    PairList<String, Parameter> from = narrow.getParameters();
    PairList<String, Parameter> to = wide.getParameters();
    if (!from.keys().equals(to.keys())) {
      throw new IllegalArgumentException(
          "blocks differ in their parameters: " + from.keys() + " vs " + to.keys());
    }
    for (int i = 0; i < from.size(); i++) {
      Pair<String, Parameter> source = from.get(i);
      copy(
          source.getKey(),
          source.getValue().getArray(),
          to.get(i).getValue().getArray(),
          inputParts);
    }
  }

  private static void copy(String name, NDArray narrow, NDArray wide, int inputParts) {
    Shape from = narrow.getShape();
    Shape to = wide.getShape();
    if (from.equals(to)) {
      wide.set(narrow.toFloatArray());
      return;
    }
    boolean fits = from.dimension() == to.dimension() && from.get(0) <= to.get(0);
    for (int axis = 2; fits && axis < from.dimension(); axis++) {
      fits = from.get(axis) == to.get(axis);
    }
    if (fits && from.dimension() > 1) {
      fits =
          from.get(1) % inputParts == 0 && to.get(1) % inputParts == 0 && from.get(1) <= to.get(1);
    }
    if (!fits) {
      throw new IllegalArgumentException(
          "parameter " + name + " " + from + " does not widen into " + to);
    }
    float[] values = wide.toFloatArray();
    float[] old = narrow.toFloatArray();
    if (from.dimension() == 1) {
      System.arraycopy(old, 0, values, 0, old.length);
      wide.set(values);
      return;
    }
    int narrowPart = Math.toIntExact(from.get(1) / inputParts);
    int widePart = Math.toIntExact(to.get(1) / inputParts);
    int cell = Math.toIntExact(from.size() / (from.get(0) * from.get(1)));
    for (int out = 0; out < from.get(0); out++) {
      for (int in = 0; in < to.get(1); in++) {
        int part = in / widePart;
        int offset = in % widePart;
        int target = Math.toIntExact((out * to.get(1) + in) * cell);
        if (offset < narrowPart) {
          int source = Math.toIntExact((out * from.get(1) + part * narrowPart + offset) * cell);
          System.arraycopy(old, source, values, target, cell);
        } else {
          Arrays.fill(values, target, target + cell, 0f);
        }
      }
    }
    wide.set(values);
  }
}
