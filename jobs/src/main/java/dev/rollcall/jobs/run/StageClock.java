package dev.rollcall.jobs.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Times a run's stages: each stage ends with one INFO line such as {@code stage load: 1,000,000
 * accounts from 4 sources in 41.2 s}, so an operator sees a long run progress, and is kept for
 * {@link RunTimings}.
 */
final class StageClock implements AutoCloseable {
  private static final Logger LOG = LogManager.getLogger(StageClock.class);

  private final List<RunTimings.Stage> stages = new ArrayList<>();
  private final HeapWatch heap = HeapWatch.start();
  private long startedNanos = System.nanoTime();

  /** Starts the next stage now. */
  void start() {
    startedNanos = System.nanoTime();
  }

  /**
   * Ends the stage that {@link #start()} began and logs it.
   *
   * @param name the stage
   * @param count how many things it handled
   * @param unit what they are, plural (accounts, findings)
   * @param more what else to say after the count, or "" (", from 4 sources")
   */
  void end(String name, long count, String unit, String more) {
    Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
    stages.add(new RunTimings.Stage(name, count, unit, took));
    LOG.info(
        "stage {}: {} {}{} in {}",
        name,
        number(count),
        unit,
        more,
        String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0));
    startedNanos = System.nanoTime();
  }

  /** What has been timed so far, with the heap's peak until now. */
  RunTimings timings() {
    return new RunTimings(stages, heap.peakBytes(), heap.maxBytes());
  }

  /** A count with thousands separators: 1,000,000. */
  static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  @Override
  public void close() {
    heap.close();
  }
}
