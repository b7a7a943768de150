package io.pixelplayer.jobs.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "nightly",
    sortOptions = false,
    description =
        "The index job, incremental and exactly once: only videos that are new or changed (size or modification "
            + "time) since the warehouse's committed runs are indexed, and added as one more run, committed all-or-nothing. "
            + "Rerunning adds nothing; a run that died is cleared and redone by the next one. deploy/ has a schedule for it.")
final class NightlyCommand implements Callable<Integer> {
  @Mixin IndexOptions index;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    index.run(common.conf(), "nightly", true, common.out());
    return 0;
  }
}
