package dev.rollcall.jobs.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A JVM the integration tests start, with its output in a log file; closing it kills its tree. */
final class ChildJvm implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path log;
  private final Thread killer;

  private ChildJvm(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
    // Also when the test JVM itself is stopped (a timeout, Ctrl-C), no daemon is left behind.
    this.killer = new Thread(this::kill, "kill " + name);
    Runtime.getRuntime().addShutdownHook(killer);
  }

  /** The JVM flags Spark needs on Java 17, as the build writes them to jvm.options. */
  static List<String> sparkOpens() {
    String opens = System.getProperty("rollcall.jvm.opens");
    if (opens == null || opens.isBlank()) {
      throw new IllegalStateException("rollcall.jvm.opens is not set: run the test with failsafe");
    }
    return Arrays.asList(opens.strip().split("\\s+"));
  }

  static ChildJvm start(String name, List<String> args, Map<String, String> env, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    return new ChildJvm(name, builder.start(), log);
  }

  /** Waits for the JVM to exit and returns its exit code; fails (and kills it) on timeout. */
  int exitCode(Duration timeout) throws IOException, InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      close();
      throw new AssertionError(name + " did not finish within " + timeout + "\n" + tail());
    }
    return process.exitValue();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The last lines of the log, for failure messages. */
  String tail() throws IOException {
    List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
    return "--- last lines of "
        + log
        + " ---\n"
        + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  @Override
  public void close() {
    kill();
    try {
      Runtime.getRuntime().removeShutdownHook(killer);
    } catch (IllegalStateException e) {
      // The JVM is shutting down: the hook is running or has run.
    }
  }

  private void kill() {
    // A worker's executors are its children: kill them too, or they outlive the test.
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
