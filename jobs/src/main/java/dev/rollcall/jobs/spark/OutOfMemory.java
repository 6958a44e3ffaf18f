package dev.rollcall.jobs.spark;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Running out of heap, said in one line with the heap's size and how to raise it, instead of the
 * wrapper it arrives in ({@code ExecutionException: Boxed Exception}, a task failure) and a stack
 * trace.
 */
public final class OutOfMemory {
  private OutOfMemory() {}

  /** The out-of-memory error in {@code error}'s chain of causes (or suppressed errors), if any. */
  public static Optional<OutOfMemoryError> in(Throwable error) {
    Set<Throwable> seen = new HashSet<>();
    java.util.Deque<Throwable> pending = new java.util.ArrayDeque<>();
    pending.add(error);
    while (!pending.isEmpty()) {
      Throwable t = pending.poll();
      if (!seen.add(t)) {
        continue;
      }
      if (t instanceof OutOfMemoryError oom) {
        return Optional.of(oom);
      }
      if (t.getCause() != null) {
        pending.add(t.getCause());
      }
      pending.addAll(java.util.List.of(t.getSuppressed()));
    }
    return Optional.empty();
  }

  /** The line for this JVM: its maximum heap, and how to give it more. */
  public static String message(OutOfMemoryError error) {
    return message(error, Runtime.getRuntime().maxMemory());
  }

  static String message(OutOfMemoryError error, long maxHeap) {
    String kind = error.getMessage() == null ? "" : " (" + error.getMessage() + ")";
    return String.format(
        Locale.ROOT,
        "out of memory%s: the JVM's heap is %s at most; give it more with -Xmx, e.g."
            + " ROLLCALL_JAVA_OPTS=-Xmx%dg scripts/rollcall ..., java -Xmx%dg -jar rollcall.jar ...,"
            + " or spark-submit --driver-memory %dg (the README's Benchmark section gives the heap"
            + " a run of your size needs)",
        kind,
        size(maxHeap),
        twice(maxHeap),
        twice(maxHeap),
        twice(maxHeap));
  }

  /** Twice the heap in whole GiB, at least 2. */
  private static long twice(long maxHeap) {
    return Math.max(2, (2 * maxHeap + (1L << 30) - 1) >> 30);
  }

  private static String size(long bytes) {
    return bytes >= 1L << 30
        ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
        : String.format(Locale.ROOT, "%d MiB", bytes >> 20);
  }
}
