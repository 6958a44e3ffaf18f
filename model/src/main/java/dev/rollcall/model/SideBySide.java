package dev.rollcall.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Does independent pieces of work side by side on the driver, one thread a core, and hands the
 * results back in the order of the pieces, whatever order they finished in, so that what a run
 * writes does not depend on the threads. The pieces {@code first} puts first start first (the
 * largest, so that it does not start last and run alone). An error a piece throws (out of memory
 * included) is thrown on the caller's thread as it was; when several fail, the first piece's.
 */
public final class SideBySide {
  private SideBySide() {}

  /**
   * On one thread a core.
   *
   * @param threadName the name of the threads, numbered ({@code rollcall-read-1} …)
   */
  public static <T, R> List<R> inOrder(
      List<T> pieces, Comparator<T> first, Function<T, R> work, String threadName) {
    return inOrder(pieces, Runtime.getRuntime().availableProcessors(), first, work, threadName);
  }

  /**
   * On at most {@code parallelism} threads (work that waits on the network may want more than the
   * cores).
   *
   * @param threadName the name of the threads, numbered ({@code rollcall-read-1} …)
   */
  public static <T, R> List<R> inOrder(
      List<T> pieces,
      int parallelism,
      Comparator<T> first,
      Function<T, R> work,
      String threadName) {
    int threads = Math.min(pieces.size(), parallelism);
    if (threads <= 1) {
      return pieces.stream().map(work).toList();
    }
    List<Integer> startOrder =
        IntStream.range(0, pieces.size())
            .boxed()
            .sorted(Comparator.comparing(pieces::get, first))
            .toList();
    AtomicInteger count = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread thread = new Thread(task, threadName + "-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<R>> futures = new ArrayList<>(pieces.size());
      for (int i = 0; i < pieces.size(); i++) {
        futures.add(null);
      }
      for (int i : startOrder) {
        T piece = pieces.get(i);
        futures.set(i, pool.submit(() -> work.apply(piece)));
      }
      List<R> results = new ArrayList<>(pieces.size());
      for (Future<R> future : futures) {
        results.add(result(future));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static <R> R result(Future<R> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for work done side by side", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Error error) {
        throw error;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("work done side by side broke: " + cause, cause);
    }
  }
}
