package dev.rollcall.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LoggerContext;
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
  void anUnknownFormatIsABadCommandLine() {
    assertEquals(2, execute("--log-format", "xml", "rules"));
    assertInstanceOf(PatternLayout.class, stderrLayout());
  }
}
