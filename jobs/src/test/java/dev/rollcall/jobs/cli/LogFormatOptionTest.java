package dev.rollcall.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** --log-format switches the stderr layout, before or after the command's name. */
class LogFormatOptionTest {

  private static Layout<?> stderrLayout() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    return context.getConfiguration().getAppender("stderr").getLayout();
  }

  private static int execute(String... args) {
    CommandLine cli = RollcallCommand.commandLine();
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(new StringWriter()));
    return cli.execute(args);
  }

  @AfterEach
  void backToTheDefault() {
    System.clearProperty(RollcallCommand.LOG_FORMAT_PROPERTY);
    ((LoggerContext) LogManager.getContext(false)).reconfigure();
  }

  @Test
  void jsonSelectsTheJsonTemplateLayoutAndTextThePattern() {
    assertInstanceOf(PatternLayout.class, stderrLayout(), "human lines by default");

    assertEquals(0, execute("--log-format", "json", "rules"));
    assertInstanceOf(JsonTemplateLayout.class, stderrLayout());

    assertEquals(0, execute("rules", "--log-format", "text"));
    assertInstanceOf(PatternLayout.class, stderrLayout());
  }

  @Test
  void withJsonLogsAFailedRunIsALoggedErrorNotAPlainLine() {
    List<String> logged = new CopyOnWriteArrayList<>();
    AbstractAppender capture =
        new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
          @Override
          public void append(LogEvent event) {
            logged.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
          }
        };
    capture.start();
    CommandLine cli = RollcallCommand.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    try {
      assertEquals(
          2, cli.execute("--log-format", "json", "run", "--config", "no-such-rollcall.yaml"));
      // The option reconfigured logging: attach after it, then fail again.
      LoggerContext context = (LoggerContext) LogManager.getContext(false);
      LoggerConfig logger = new LoggerConfig(RollcallCommand.class.getName(), Level.INFO, false);
      logger.addAppender(capture, Level.INFO, null);
      context.getConfiguration().addLogger(RollcallCommand.class.getName(), logger);
      context.updateLoggers();
      assertEquals(2, cli.execute("run", "--config", "no-such-rollcall.yaml"));
    } finally {
      capture.stop();
    }

    assertEquals("", err.toString());
    assertEquals(1, logged.size(), logged.toString());
    assertTrue(logged.get(0).startsWith("ERROR "), logged.toString());
    assertTrue(
        logged.get(0).endsWith("no-such-rollcall.yaml: configuration file not found"),
        logged.toString());
  }

  @Test
  void anUnknownFormatIsABadCommandLine() {
    assertEquals(2, execute("--log-format", "xml", "rules"));
    assertInstanceOf(PatternLayout.class, stderrLayout());
  }
}
