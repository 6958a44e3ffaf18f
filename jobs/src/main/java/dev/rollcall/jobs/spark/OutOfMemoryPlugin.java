package dev.rollcall.jobs.spark;

import java.util.function.IntConsumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.ExceptionFailure;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.SparkPlugin;

/**
 * Ends a local run that ran out of heap in a Spark task with {@link OutOfMemory}'s one line and
 * exit code 1 (an unexpected error: the run did not finish). Out of heap on the command's own
 * thread, the command's error handler says the same line. Without it, Spark's executor logs the
 * error's stack trace and its uncaught-exception handler ends the JVM with code 52, which is none
 * of rollcall's. Spark tells executor plugins of a failed task before it hands a fatal error to
 * that handler. Registered for local Spark only ({@link SparkSessions#start}): on a cluster the
 * executors are JVMs of their own, and the driver reports the executors it lost.
 */
public final class OutOfMemoryPlugin implements SparkPlugin {
  private static final Logger LOG = LogManager.getLogger(OutOfMemoryPlugin.class);

  @Override
  public DriverPlugin driverPlugin() {
    return null;
  }

  @Override
  public ExecutorPlugin executorPlugin() {
    return new OnTaskFailure(OutOfMemoryPlugin::halt);
  }

  /**
   * Ends the JVM at once, the log flushed. Not {@link System#exit}: its shutdown would stop Spark
   * under the command's thread, which would then fail a second time ("SparkContext was shut down"),
   * stack trace and all. Nothing of rollcall's needs a shutdown hook: the state store's lock is the
   * operating system's, released with the process, and a run that did not finish stays incomplete
   * in the store either way. The run's scratch folder under the temporary directory is left behind.
   */
  private static void halt(int code) {
    LogManager.shutdown();
    Runtime.getRuntime().halt(code);
  }

  /** The executor side: watches failed tasks. */
  static final class OnTaskFailure implements ExecutorPlugin {
    private final IntConsumer exit;

    OnTaskFailure(IntConsumer exit) {
      this.exit = exit;
    }

    @Override
    public void onTaskFailed(TaskFailedReason reason) {
      if (reason instanceof ExceptionFailure failure
          && OutOfMemoryError.class.getName().equals(failure.className())) {
        LOG.error(OutOfMemory.message(new OutOfMemoryError(failure.description())));
        exit.accept(1);
      }
    }
  }
}
