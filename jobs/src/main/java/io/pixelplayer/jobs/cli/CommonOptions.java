package io.pixelplayer.jobs.cli;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options every verb takes. */
final class CommonOptions {
  @Option(
      names = "--conf",
      paramLabel = "KEY=VALUE",
      description =
          "Override a setting (repeatable); the settings and their defaults are in conf/pixelplayer.properties.")
  List<String> overrides = new ArrayList<>();

  @Option(
      names = "--conf-file",
      paramLabel = "FILE",
      description =
          "A properties file of settings to use over the defaults (also: the PIXELPLAYER_CONF environment variable).")
  Path confFile;

  @Option(names = "--verbose", description = "Log more, and show the stack trace of an error.")
  boolean verbose;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  /** The command these options are mixed into. */
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  /** Where the verb's results go (stdout, or what a test set). */
  PrintWriter out() {
    return command.commandLine().getOut();
  }

  PixelPlayerConf conf() {
    Path file = confFile;
    if (file == null && System.getenv(PixelPlayerConf.FILE_ENV) != null) {
      file = Path.of(System.getenv(PixelPlayerConf.FILE_ENV));
    }
    return PixelPlayerConf.load(file, overrides);
  }
}
