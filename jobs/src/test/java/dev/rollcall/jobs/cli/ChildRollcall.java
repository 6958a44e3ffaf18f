package dev.rollcall.jobs.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a rollcall command in a JVM of its own, on the test's class path. */
final class ChildRollcall {
  private ChildRollcall() {}

  /**
   * {@code java} with this JVM's --add-opens (Spark's), a 1 GB heap, {@code flags}, then rollcall
   * with {@code args}.
   */
  static List<String> command(List<String> flags, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens") || arg.startsWith("-XX:+IgnoreUnrecognized")) {
        command.add(arg);
      }
    }
    command.addAll(List.of("-Xmx1g", "-Djdk.reflect.useDirectMethodHandle=false"));
    command.addAll(flags);
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), RollcallCommand.class.getName()));
    command.addAll(args);
    return command;
  }
}
