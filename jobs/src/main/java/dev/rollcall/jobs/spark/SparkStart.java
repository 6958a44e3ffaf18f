package dev.rollcall.jobs.spark;

import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * Gives a run its Spark engine. A run asks for it with {@link #get()} once its inputs are read; it
 * calls {@link #begin()} as soon as its configuration is known to be good, so that a starter that
 * can (see {@link LocalSessionStarter}) starts Spark while the sources are read. An engine given as
 * it is (tests share one) needs no {@code begin}.
 */
@FunctionalInterface
public interface SparkStart extends Supplier<SparkEngine> {
  /** Starts Spark in the background if it is not started yet; {@link #get()} waits. */
  default void begin() {}

  /** The engine of a session already running (tests share one). */
  static SparkStart of(SparkSession session) {
    SparkEngine engine = SparkEngine.of(session);
    return () -> engine;
  }
}
