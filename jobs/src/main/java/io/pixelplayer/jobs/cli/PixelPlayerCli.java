package io.pixelplayer.jobs.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * {@code pixelplayer VERB [options]}: the verbs of CONTRACT.md. Exit codes: 0 success, 1 a failed
 * job, 2 a usage error; errors are one line (the stack trace only with --verbose). Results go to
 * stdout, progress and errors to stderr.
 */
@Command(
    name = "pixelplayer",
    sortOptions = false,
    description =
        "PixelPlayer on Spark: which instruments sound in a video, where, and each one's own audio.",
    subcommands = {
      DemoCommand.class,
      SynthCommand.class,
      IngestCommand.class,
      TrainCommand.class,
      EvaluateCommand.class,
      IndexCommand.class,
      NightlyCommand.class,
      QueryCommand.class,
      SqlCommand.class,
      MaintainCommand.class,
      TablesCommand.class,
      RemixCommand.class,
      BenchCommand.class
    })
public final class PixelPlayerCli implements Runnable {
  static final int EXIT_OK = 0;
  static final int EXIT_FAILED = 1;
  static final int EXIT_USAGE = 2;

  /**
   * Verbs of the contract still to come, with the one-line summary their --help shows until then.
   */
  private static final Map<String, String> COMING = new LinkedHashMap<>();

  static {
    COMING.put("report", "A static HTML report of a warehouse.");
  }

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this), "a verb is required");
  }

  public static void main(String[] args) {
    // Errors are one line; Spark's, Hadoop's and FFmpeg's logs (stack traces included) only with
    // --verbose. Set before
    // anything starts logging (spark-submit has configured its logging already and keeps it).
    if (System.getProperty(LOG_LEVEL) == null) {
      System.setProperty(
          LOG_LEVEL, java.util.Arrays.asList(args).contains("--verbose") ? "info" : "off");
    }
    System.exit(run(args));
  }

  /** The log level of log4j2.properties and FfmpegLog. */
  static final String LOG_LEVEL = "pixelplayer.log.level";

  static int run(String... args) {
    CommandLine cli = commandLine();
    return cli.execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new PixelPlayerCli());
    COMING.forEach(
        (verb, summary) -> {
          CommandLine sub = new CommandLine(new NotImplementedVerb(verb));
          sub.getCommandSpec().usageMessage().description(summary + " (not implemented yet)");
          cli.addSubcommand(verb, sub);
        });
    cli.setParameterExceptionHandler(
        (e, args) -> {
          e.getCommandLine()
              .getErr()
              .println(prefix(e.getCommandLine()) + e.getMessage() + " (see --help)");
          return EXIT_USAGE;
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          boolean usage = e instanceof IllegalArgumentException;
          err.println(prefix(commandLine) + (usage ? "" : "failed: ") + oneLine(e));
          if (verbose(parseResult)) {
            e.printStackTrace(err);
          }
          err.flush();
          return usage ? EXIT_USAGE : EXIT_FAILED;
        });
    return cli;
  }

  private static boolean verbose(ParseResult parseResult) {
    for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  private static String prefix(CommandLine commandLine) {
    return commandLine.getCommandSpec().qualifiedName() + ": ";
  }

  /** The most telling message of an exception chain, on one line. */
  static String oneLine(Throwable e) {
    return ErrorMessages.oneLine(e);
  }
}
