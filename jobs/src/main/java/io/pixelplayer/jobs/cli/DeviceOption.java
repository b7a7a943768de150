package io.pixelplayer.jobs.cli;

import ai.djl.Device;
import io.pixelplayer.jobs.spark.TaskDevice;
import picocli.CommandLine.Option;

/** {@code --device auto|cpu|gpu}, for the verbs that run the networks on the driver. */
final class DeviceOption {
  @Option(
      names = "--device",
      paramLabel = "auto|cpu|gpu",
      defaultValue = "auto",
      description =
          "Where the networks run (default: ${DEFAULT-VALUE}: the GPU when the engine sees one).")
  String name;

  Device device() {
    try {
      return TaskDevice.resolve(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--" + e.getMessage(), e);
    }
  }
}
