package dev.rollcall.jobs.cli;

import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.jobs.run.ExitCode;
import org.apache.logging.log4j.LogManager;
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
    System.setProperty(LOG_FORMAT_PROPERTY, format.name());
    // Logging may have started already (a test, an earlier command): take the new layout now.
    ((LoggerContext) LogManager.getContext(false)).reconfigure();
  }

  public static void main(String[] args) {
    int code = commandLine().execute(args);
    LogManager.shutdown();
    System.exit(code);
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
            fail(commandLine, e.getMessage(), null);
            return ExitCode.CONFIG_ERROR.code();
          }
          if (e instanceof dev.rollcall.jobs.store.StoreDamagedException) {
            fail(commandLine, e.getMessage(), null);
            return ExitCode.CONFIG_ERROR.code();
          }
          if (e instanceof dev.rollcall.jobs.store.RunLockedException) {
            fail(commandLine, e.getMessage(), null);
            return ExitCode.INTERNAL_ERROR.code();
          }
          fail(commandLine, "unexpected error: " + e, e);
          return ExitCode.INTERNAL_ERROR.code();
        });
    cli.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine failed = ex.getCommandLine();
          failed.getErr().println("rollcall: " + ex.getMessage());
          failed.usage(failed.getErr());
          return ExitCode.CONFIG_ERROR.code();
        });
    return cli;
  }

  /**
   * Says why the command failed: on stderr for a person, or, with JSON logs, as a logged error so
   * that a log shipper reads every stderr line as one JSON object.
   */
  private static void fail(CommandLine commandLine, String message, Exception cause) {
    if (jsonLogs()) {
      LogManager.getLogger(RollcallCommand.class).error(message, cause);
      return;
    }
    commandLine.getErr().println("rollcall: " + message);
    if (cause != null) {
      cause.printStackTrace(commandLine.getErr());
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
