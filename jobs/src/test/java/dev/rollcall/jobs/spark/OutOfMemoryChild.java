package dev.rollcall.jobs.spark;

import java.nio.file.Path;
import java.util.List;

/**
 * A JVM that starts local Spark as a run does and runs a task that needs more heap than there is,
 * for {@link OutOfMemoryTest}. Argument: a scratch folder.
 */
public final class OutOfMemoryChild {
  private OutOfMemoryChild() {}

  public static void main(String[] args) {
    SparkEngine spark = SparkSessions.start(Path.of(args[0]));
    long size =
        spark
            .context()
            .parallelize(List.of(1), 1)
            .map(i -> new long[Integer.MAX_VALUE - 8].length)
            .collect()
            .get(0);
    System.out.println("the task finished with " + size + " longs");
  }
}
