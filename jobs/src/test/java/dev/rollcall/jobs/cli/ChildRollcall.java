package dev.rollcall.jobs.cli;

import dev.rollcall.jobs.spark.ChildJvm;
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
    List<String> jvm =
        new ArrayList<>(List.of("-Xmx1g", "-Djdk.reflect.useDirectMethodHandle=false"));
    jvm.addAll(flags);
    return ChildJvm.command(jvm, RollcallCommand.class.getName(), args);
  }
}
