package dev.rollcall.jobs.spark;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a class's main in a JVM of its own, on the test's class path. */
public final class ChildJvm {
  private ChildJvm() {}

  /**
   * {@code java} with this JVM's --add-opens (Spark's), {@code flags}, then {@code mainClass} with
   * {@code args}.
   */
  public static List<String> command(List<String> flags, String mainClass, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens") || arg.startsWith("-XX:+IgnoreUnrecognized")) {
        command.add(arg);
      }
    }
    command.addAll(flags);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(args);
    return command;
  }
}
