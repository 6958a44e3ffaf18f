package dev.rollcall.jobs.cli;

import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.jobs.run.ExitCode;
import java.util.List;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code rollcall} command: the entry point of the jar. */
@Command(
    name = "rollcall",
    mixinStandardHelpOptions = true,
    versionProvider = RollcallCommand.Version.class,
    description = "Audits who can get into your cloud and identity systems, every night.",
    subcommands = {
      RunCommand.class,
      PullCommand.class,
      DoctorCommand.class,
      ExplainCommand.class,
      ReviewCommand.class,
      RulesCommand.class,
      HistoryCommand.class,
      StoreCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every source checked; no finding at or above --fail-on",
      "1:unexpected error, or another run holds the state store; the run did not finish",
      "2:bad command line, configuration, profile or mapping file, or a damaged state store;"
          + " nothing was run",
      "3:findings at or above --fail-on",
      "4:a source failed or was partial"
    })
public final class RollcallCommand {
  /** The system property log4j2.xml chooses the layout by; it wins over ROLLCALL_LOG_FORMAT. */
  static final String LOG_FORMAT_PROPERTY = "rollcall.log.format";

  /** How log events are written to stderr. */
  enum LogFormat {
    text,
    json
  }

  @Option(
      names = "--log-format",
      paramLabel = "FORMAT",
      scope = ScopeType.INHERIT,
      description =
          "How log lines on stderr look: text (for people, the default) or json (one ECS JSON"
              + " object per line, for log shippers). The environment variable"
              + " ROLLCALL_LOG_FORMAT=json does the same; this option wins over it.")
  void logFormat(LogFormat format) {
    useLogFormat(format);
  }

  private static void useLogFormat(LogFormat format) {
    System.setProperty(LOG_FORMAT_PROPERTY, format.name());
    // Logging may have started already (a test, an earlier command): take the new layout now.
    ((LoggerContext) LogManager.getContext(false)).reconfigure();
  }

  public static void main(String[] args) {
    int code = execute(commandLine(), args);
    LogManager.shutdown();
    System.exit(code);
  }

  /**
   * Runs the command line and gives its exit code. picocli hands a command's exceptions to the
   * handler of {@link #commandLine()} but lets errors through: out of heap, it says so here.
   */
  static int execute(CommandLine cli, String... args) {
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) {
      fail(cli, dev.rollcall.jobs.spark.OutOfMemory.message(e), null);
      return ExitCode.INTERNAL_ERROR.code();
    }
  }

  /** The command line with rollcall's error handling, for main and for tests. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new RollcallCommand());
    cli.setExitCodeExceptionMapper(
        e ->
            e instanceof ConfigException || e instanceof CommandLine.ParameterException
                ? ExitCode.CONFIG_ERROR.code()
                : ExitCode.INTERNAL_ERROR.code());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof ConfigException) {
            fail(commandLine, PlainErrors.clean(e.getMessage()), e);
            return ExitCode.CONFIG_ERROR.code();
          }
          if (e instanceof dev.rollcall.jobs.store.StoreDamagedException) {
            fail(commandLine, e.getMessage(), null);
            return ExitCode.CONFIG_ERROR.code();
          }
          if (e instanceof dev.rollcall.jobs.deliver.ReportUploadException) {
            fail(
                commandLine,
                PlainErrors.clean(e.getMessage())
                    + " (the run's findings are in the state store; the next run uploads its own)",
                e);
            return ExitCode.INTERNAL_ERROR.code();
          }
          if (e instanceof dev.rollcall.jobs.store.RunLockedException) {
            fail(commandLine, PlainErrors.clean(e.getMessage()), e);
            return ExitCode.INTERNAL_ERROR.code();
          }
          var outOfMemory = dev.rollcall.jobs.spark.OutOfMemory.in(e);
          if (outOfMemory.isPresent()) {
            fail(commandLine, dev.rollcall.jobs.spark.OutOfMemory.message(outOfMemory.get()), e);
            return ExitCode.INTERNAL_ERROR.code();
          }
          fail(
              commandLine,
              "unexpected error: "
                  + PlainErrors.of(e)
                  + " (ROLLCALL_LOG_LEVEL=debug logs the details)",
              e);
          return ExitCode.INTERNAL_ERROR.code();
        });
    cli.setParameterExceptionHandler(
        (ex, args) -> {
          // Parsing may have stopped before --log-format: a JSON log still gets JSON lines.
          requestedLogFormat(args).ifPresent(RollcallCommand::useLogFormat);
          CommandLine failed = ex.getCommandLine();
          fail(failed, commandLineError(unknownOption(failed, args).orElse(ex), failed), null);
          return ExitCode.CONFIG_ERROR.code();
        });
    return cli;
  }

  /** What was wrong with the command line, the options meant, and where to read about them. */
  private static String commandLineError(CommandLine.ParameterException ex, CommandLine failed) {
    StringBuilder message = new StringBuilder(PlainErrors.clean(ex.getMessage()));
    if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
      List<String> meant = unmatched.getSuggestions();
      if (!meant.isEmpty()) {
        message
            .append("; did you mean ")
            // picocli lists the most similar first; the others are rarely what was meant
            .append(meant.get(0))
            .append('?');
      }
    }
    return message
        .append(" (see '")
        .append(failed.getCommandSpec().qualifiedName())
        .append(" --help')")
        .toString();
  }

  /**
   * The first option the failed command does not know, as picocli's unmatched-argument error: a
   * mistyped {@code --confg} is the news, not the {@code --config} it then misses.
   */
  private static Optional<CommandLine.ParameterException> unknownOption(
      CommandLine failed, String[] args) {
    if (failed.getCommandSpec().parent() == null) {
      return Optional.empty();
    }
    List<String> words = List.of(args);
    int start = words.indexOf(failed.getCommandName());
    for (String word : words.subList(Math.max(start, 0) + 1, words.size())) {
      if (word.equals("--")) {
        break;
      }
      String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
      boolean attachedShort =
          !name.startsWith("--")
              && name.length() > 2
              && failed.getCommandSpec().findOption(name.substring(0, 2)) != null;
      if (name.startsWith("-")
          && name.length() > 1
          && !attachedShort
          && failed.getCommandSpec().findOption(name) == null) {
        return Optional.of(new CommandLine.UnmatchedArgumentException(failed, List.of(word)));
      }
    }
    return Optional.empty();
  }

  /** The valid --log-format value the arguments ask for, wherever they stand. */
  private static Optional<LogFormat> requestedLogFormat(String[] args) {
    Optional<LogFormat> chosen = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      String value = null;
      if (args[i].equals("--log-format") && i + 1 < args.length) {
        value = args[i + 1];
      } else if (args[i].startsWith("--log-format=")) {
        value = args[i].substring("--log-format=".length());
      }
      for (LogFormat format : LogFormat.values()) {
        if (format.name().equals(value)) {
          chosen = Optional.of(format);
        }
      }
    }
    return chosen;
  }

  /**
   * Says why the command failed in one plain line: on stderr for a person, or, with JSON logs, as a
   * logged error so that a log shipper reads every stderr line as one JSON object. The stack trace
   * goes to the log at debug level only.
   */
  private static void fail(CommandLine commandLine, String message, Throwable cause) {
    Logger log = LogManager.getLogger(RollcallCommand.class);
    if (jsonLogs()) {
      log.error(message);
    } else {
      commandLine.getErr().println("rollcall: " + message);
      commandLine.getErr().flush();
    }
    if (cause != null) {
      log.debug("the details of: {}", message, cause);
    }
  }

  /** True when log lines are JSON: the option's system property, else ROLLCALL_LOG_FORMAT. */
  static boolean jsonLogs() {
    String chosen = System.getProperty(LOG_FORMAT_PROPERTY);
    if (chosen == null) {
      chosen = System.getenv("ROLLCALL_LOG_FORMAT");
    }
    return LogFormat.json.name().equals(chosen);
  }

  /** The version from the jar's manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"rollcall " + version()};
    }
  }

  static String version() {
    String version = RollcallCommand.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
