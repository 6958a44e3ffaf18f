package dev.rollcall.jobs.run;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches how much heap a run uses, sampling the memory MXBean every few milliseconds on a daemon
 * thread: the peak is the most heap in use at any sample (live and not yet collected objects),
 * which is what has to fit under {@code -Xmx}.
 */
final class HeapWatch implements AutoCloseable {
  private static final long EVERY_MILLIS = 20;

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong peak = new AtomicLong();
  private final Thread sampler;
  private volatile boolean running = true;

  private HeapWatch() {
    sampler = new Thread(this::sample, "rollcall-heap-watch");
    sampler.setDaemon(true);
  }

  /** Starts watching. */
  static HeapWatch start() {
    HeapWatch watch = new HeapWatch();
    watch.record();
    watch.sampler.start();
    return watch;
  }

  /** The most heap in use seen so far, in bytes. */
  long peakBytes() {
    record();
    return peak.get();
  }

  /** The most heap the JVM may use, in bytes, or -1 when it has no limit. */
  long maxBytes() {
    return memory.getHeapMemoryUsage().getMax();
  }

  private void sample() {
    while (running) {
      record();
      try {
        Thread.sleep(EVERY_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void record() {
    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
