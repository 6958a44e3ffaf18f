package dev.rollcall.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Every way a command fails reads as a sentence for a person: a mistyped option or command gets a
 * suggestion, no Java class name or exception type shows, and with JSON logs every stderr line is
 * one JSON object, command-line errors included.
 */
class CommandLineErrorsTest {
  /** A qualified class name, an exception type, or a stack frame. */
  private static final Pattern JAVA =
      Pattern.compile(
          "\\b[a-z]+\\.[a-z]+\\.[A-Za-z.$]*[A-Z]|Exception|Error\\b|\\tat |\\bat [a-z]+\\.");

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** A command that breaks as a bug or a disk would, to reach the unexpected-error path. */
  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      throw new IllegalStateException(
          "cannot write the report", new AccessDeniedException("/srv/out/findings.json"));
    }
  }

  /** A command with a bug: its message speaks of code, not of anything the user can change. */
  @Command(name = "bug")
  static final class Bug implements Callable<Integer> {
    @Override
    public Integer call() {
      String missing = System.getProperty("rollcall.no.such.property");
      return missing.length();
    }
  }

  /** A command whose work ran out of heap in a thread of its own, as Spark's futures report it. */
  @Command(name = "oom")
  static final class OutOfHeap implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      throw new java.util.concurrent.ExecutionException(
          "Boxed Exception", new OutOfMemoryError("Java heap space"));
    }
  }

  /** A command that runs out of heap on its own thread. */
  @Command(name = "oom-here")
  static final class OutOfHeapHere implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new OutOfMemoryError("Java heap space");
    }
  }

  @AfterEach
  void backToTheDefault() {
    System.clearProperty(RollcallCommand.LOG_FORMAT_PROPERTY);
    ((LoggerContext) LogManager.getContext(false)).reconfigure();
  }

  private int execute(String... args) {
    CommandLine cli = RollcallCommand.commandLine();
    cli.addSubcommand("boom", new Boom());
    cli.addSubcommand("bug", new Bug());
    cli.addSubcommand("oom", new OutOfHeap());
    cli.addSubcommand("oom-here", new OutOfHeapHere());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return RollcallCommand.execute(cli, args);
  }

  private static void assertNoJava(String text) {
    assertFalse(JAVA.matcher(text).find(), "a Java name reaches the user:\n" + text);
  }

  @Test
  void aMistypedOptionSuggestsTheRightOne() {
    assertEquals(2, execute("run", "--confg", "rollcall.yaml"));
    String text = err.toString();
    assertTrue(text.contains("did you mean --config?"), text);
    assertTrue(text.contains("(see 'rollcall run --help')"), text);
    assertEquals(1, text.lines().count(), "one line, not the whole usage:\n" + text);
    assertNoJava(text);
  }

  @Test
  void aMistypedCommandSuggestsTheRightOne() {
    assertEquals(2, execute("reveiw"));
    String text = err.toString();
    assertTrue(text.contains("did you mean review?"), text);
    assertNoJava(text);
  }

  @Test
  void aBadValueAndAMissingCommandAreSentences() {
    assertEquals(2, execute("run", "--config", "x.yaml", "--fail-on", "urgent"));
    assertEquals(2, execute());
    String text = err.toString();
    assertTrue(
        text.contains(
            "Invalid value for option '--fail-on': unknown value 'urgent', expected one of info,"
                + " low, medium, high, critical, none"),
        text);
    assertTrue(text.contains("Missing required subcommand"), text);
    assertNoJava(text);
  }

  @Test
  void anUnexpectedErrorIsOneLineWithoutAStackTrace() {
    assertEquals(1, execute("boom"));
    assertEquals(1, execute("bug"));
    List<String> lines = err.toString().lines().toList();
    assertEquals(
        List.of(
            "rollcall: unexpected error: cannot write the report: /srv/out/findings.json:"
                + " permission denied (ROLLCALL_LOG_LEVEL=debug logs the details)",
            "rollcall: unexpected error: an internal error (a bug in rollcall)"
                + " (ROLLCALL_LOG_LEVEL=debug logs the details)"),
        lines);
    assertNoJava(err.toString());
  }

  @Test
  void runningOutOfHeapSaysSoInOneLineWithTheHeapSize() {
    assertEquals(1, execute("oom"));
    assertEquals(1, execute("oom-here"));
    List<String> lines = err.toString().lines().toList();
    assertEquals(2, lines.size(), lines.toString());
    assertEquals(lines.get(0), lines.get(1));
    String heap =
        dev.rollcall.jobs.spark.OutOfMemory.message(new OutOfMemoryError("Java heap space"));
    assertEquals("rollcall: " + heap, lines.get(0));
    assertTrue(heap.contains("give it more with -Xmx"), heap);
    assertFalse(lines.get(0).contains("Boxed"), lines.get(0));
  }

  @Test
  void withJsonLogsEveryStderrLineIsOneJsonObject() throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    try {
      // --log-format reconfigures logging, whose console appender then writes to this stderr.
      assertEquals(2, execute("--log-format", "json", "run", "--confg", "rollcall.yaml"));
      assertEquals(
          2,
          execute("--log-format", "json", "run", "--config", dir.resolve("nope.yaml").toString()));
      assertEquals(1, execute("--log-format", "json", "boom"));
      // Parsing stops at the bad value, before it reaches --log-format: still JSON.
      assertEquals(2, execute("run", "--fail-on", "urgent", "--log-format", "json"));
    } finally {
      System.setErr(original);
    }
    assertEquals("", err.toString(), "nothing beside the log on stderr");
    List<JsonNode> events = jsonLines(stderr.toString(StandardCharsets.UTF_8));
    List<String> messages = events.stream().map(e -> e.get("message").asText()).toList();
    assertEquals(4, events.size(), messages.toString());
    for (JsonNode event : events) {
      assertEquals("ERROR", event.get("log.level").asText(), event.toString());
      assertEquals("rollcall", event.get("service.name").asText(), event.toString());
      assertFalse(event.has("error.stack_trace"), "no stack trace above debug: " + event);
    }
    assertTrue(messages.get(0).contains("did you mean --config?"), messages.get(0));
    assertTrue(
        messages.get(1).endsWith("nope.yaml: configuration file not found"), messages.get(1));
    assertTrue(
        messages.get(2).startsWith("unexpected error: cannot write the report"), messages.get(2));
    assertTrue(messages.get(3).contains("unknown value 'urgent'"), messages.get(3));
    messages.forEach(CommandLineErrorsTest::assertNoJava);
  }

  @Test
  void theEnvironmentVariableMakesACommandLineErrorJsonInAJvmOfItsOwn() throws Exception {
    List<String> command =
        dev.rollcall.jobs.spark.ChildJvm.command(
            List.of(), RollcallCommand.class.getName(), List.of("run", "--confg", "rollcall.yaml"));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("ROLLCALL_LOG_FORMAT", "json");
    builder.environment().put("ROLLCALL_LOG_LEVEL", "debug");
    builder.redirectOutput(dir.resolve("stdout.txt").toFile());
    builder.redirectError(dir.resolve("stderr.txt").toFile());
    Process process = builder.start();
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "rollcall did not end");
    String text = java.nio.file.Files.readString(dir.resolve("stderr.txt"));
    assertEquals(2, process.exitValue(), text);
    List<JsonNode> events = jsonLines(text);
    assertTrue(
        events.stream().anyMatch(e -> e.get("message").asText().contains("did you mean --config?")),
        text);
  }

  /** Each non-empty line parsed as JSON; fails on a line that is not one JSON object. */
  private static List<JsonNode> jsonLines(String text) throws Exception {
    List<JsonNode> events = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode event = JSON.readTree(line);
      assertTrue(event.isObject(), "not a JSON object: " + line);
      events.add(event);
    }
    return events;
  }
}
