package io.pixelplayer.jobs.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** A verb of the contract whose issue has not landed yet: says so and exits 2. */
@Command
final class NotImplementedVerb implements Callable<Integer> {
  private final String name;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  @Unmatched List<String> ignored;

  @Spec CommandSpec spec;

  NotImplementedVerb(String name) {
    this.name = name;
  }

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("pixelplayer " + name + ": not implemented yet");
    return PixelPlayerCli.EXIT_USAGE;
  }
}
