package io.pixelplayer.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adam (Kingma and Ba, 2015) whose state — both moments and the step count of every parameter — can
 * be saved with a checkpoint and loaded back, so that a resumed training run continues exactly
 * where it stopped. DJL's own Adam keeps that state private. Not thread-safe: one trainer updates
 * it.
 */
public final class ResumableAdam extends Optimizer {
  private final Tracker learningRate;
  private final float beta1;
  private final float beta2;
  private final float epsilon;
  private final NDManager state;
  private final Map<String, String> names;
  private final Map<String, NDArray> means = new TreeMap<>();
  private final Map<String, NDArray> variances = new TreeMap<>();
  private final Map<String, Integer> steps = new TreeMap<>();

  /**
   * @param state owns the moment arrays (they outlive every training step); closed by its owner
   * @param names parameter id → a name that stays the same across runs (DJL's ids are random per
   *     run, so state is saved under the names); ids not in the map are used as they are
   */
  public ResumableAdam(
      Tracker learningRate,
      float beta1,
      float beta2,
      float epsilon,
      NDManager state,
      Map<String, String> names) {
    super(new Builder());
    if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1 && epsilon > 0)) {
      throw new IllegalArgumentException(
          "Adam needs 0 <= beta < 1 and epsilon > 0, got " + beta1 + ", " + beta2 + ", " + epsilon);
    }
    this.learningRate = learningRate;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.state = state;
    this.names = Map.copyOf(names);
  }

  /** The usual defaults: beta1 0.9, beta2 0.999, epsilon 1e-8. */
  public static ResumableAdam standard(
      Tracker learningRate, NDManager state, Map<String, String> names) {
    return new ResumableAdam(learningRate, 0.9f, 0.999f, 1e-8f, state, names);
  }

  @Override
  public void update(String parameterId, NDArray weight, NDArray grad) {
    String key = names.getOrDefault(parameterId, parameterId);
    int t = steps.merge(key, 1, Integer::sum);
    NDArray m =
        means.computeIfAbsent(
            key, id -> state.zeros(weight.getShape(), weight.getDataType(), weight.getDevice()));
    NDArray v =
        variances.computeIfAbsent(
            key, id -> state.zeros(weight.getShape(), weight.getDataType(), weight.getDevice()));
    double lr =
        learningRate.getNewValue(t) * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
    // Runs after the gradient collector has closed (autograd off), so the in-place changes of
    // weight, m and
    // v are allowed; the temporaries of this update are freed when the scope closes.
    try (NDScope ignored = new NDScope()) {
      m.muli(beta1).addi(grad.mul(1 - beta1));
      v.muli(beta2).addi(grad.square().muli(1 - beta2));
      weight.subi(m.div(v.sqrt().addi(epsilon)).muli(lr));
    }
  }

  /** The number of updates made so far (of the parameter updated most). */
  public int steps() {
    return steps.values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  public void save(Path file) throws IOException {
    NDList list = new NDList();
    for (String id : means.keySet()) {
      list.add(named(means.get(id), "m" + steps.get(id) + ":" + id));
      list.add(named(variances.get(id), "v" + steps.get(id) + ":" + id));
    }
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(temp)) {
      list.encode(out);
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  public void load(Path file) throws IOException {
    NDList list;
    try (InputStream in = Files.newInputStream(file)) {
      list = NDList.decode(state, in);
    }
    means.values().forEach(NDArray::close);
    variances.values().forEach(NDArray::close);
    means.clear();
    variances.clear();
    steps.clear();
    for (NDArray array : list) {
      String name = array.getName();
      int colon = name.indexOf(':');
      if (colon < 2 || (name.charAt(0) != 'm' && name.charAt(0) != 'v')) {
        throw new IOException(file + ": not an optimizer state (array '" + name + "')");
      }
      String id = name.substring(colon + 1);
      steps.put(id, Integer.parseInt(name.substring(1, colon)));
      (name.charAt(0) == 'm' ? means : variances).put(id, array);
    }
  }

  private static NDArray named(NDArray array, String name) {
    array.setName(name);
    return array;
  }

  /** Optimizer's constructor wants a builder; the settings that matter here are our own fields. */
  private static final class Builder extends OptimizerBuilder<Builder> {
    @Override
    protected Builder self() {
      return this;
    }
  }
}
