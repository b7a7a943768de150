package io.pixelplayer.jobs.spark;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;

/**
 * Where the networks run, from the setting {@code auto|cpu|gpu}: in a Spark task that was given a
 * GPU ({@code spark.task.resource.gpu.amount}), that GPU; otherwise the engine's first GPU, or the
 * CPU.
 */
public final class TaskDevice {
  private TaskDevice() {}

  public static Device resolve(String setting) {
    String name = setting == null ? "auto" : setting.strip().toLowerCase(Locale.ROOT);
    if (!name.equals("auto") && !name.equals("cpu") && !name.equals("gpu")) {
      throw new IllegalArgumentException("device must be auto, cpu or gpu, got '" + setting + "'");
    }
    if (name.equals("cpu")) return Device.cpu();
    Device assigned = assignedGpu();
    if (assigned != null) return assigned;
    boolean hasGpu = Engine.getInstance().getGpuCount() > 0;
    if (name.equals("gpu") && !hasGpu) {
      throw new IllegalArgumentException(
          "device gpu: no GPU visible to the PyTorch engine (CPU natives loaded?)");
    }
    return hasGpu ? Device.gpu() : Device.cpu();
  }

  /** The GPU Spark assigned to the running task, or null outside a task or when it has none. */
  private static Device assignedGpu() {
    TaskContext task = TaskContext.get();
    if (task == null) return null;
    ResourceInformation gpus = task.resources().get("gpu").getOrElse(() -> null);
    if (gpus == null || gpus.addresses().length == 0) return null;
    return Device.gpu(Integer.parseInt(gpus.addresses()[0].strip()));
  }
}
