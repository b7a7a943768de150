package io.pixelplayer.jobs.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "index",
    sortOptions = false,
    description =
        "The Spark job: every video under --input is decoded, cut into clips, separated into its instruments by the "
            + "model, and written to the warehouse: videos, clips, sources (instrument, confidence, energy share, where), "
            + "pixel_maps (per-pixel sound energy), failures, and each source's audio under stems/. The run replaces what the "
            + "warehouse held, and is committed all-or-nothing.")
final class IndexCommand implements Callable<Integer> {
  @Mixin IndexOptions index;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    index.run(common.conf(), "index", false, common.out());
    return 0;
  }
}
