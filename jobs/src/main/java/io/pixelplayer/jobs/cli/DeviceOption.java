package io.pixelplayer.jobs.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import picocli.CommandLine.Option;

/** {@code --device auto|cpu|gpu}, for the verbs that run the networks. */
final class DeviceOption {
  @Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto",
      description = "Where the networks run (default: ${DEFAULT-VALUE}: the GPU when the engine sees one).")
  String name;

  Device device() {
    boolean hasGpu = Engine.getInstance().getGpuCount() > 0;
    return switch (name) {
      case "auto" -> hasGpu ? Device.gpu() : Device.cpu();
      case "cpu" -> Device.cpu();
      case "gpu" -> {
        if (!hasGpu) {
          throw new IllegalArgumentException("--device gpu: no GPU visible to the PyTorch engine (CPU natives loaded?)");
        }
        yield Device.gpu();
      }
      default -> throw new IllegalArgumentException("--device must be auto, cpu or gpu, got '" + name + "'");
    };
  }
}
