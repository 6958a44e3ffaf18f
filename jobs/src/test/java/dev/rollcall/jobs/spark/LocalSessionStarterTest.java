package dev.rollcall.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class LocalSessionStarterTest {
  @Test
  void beginStartsTheSessionInAThreadOfItsOwnAndGetWaitsForIt(SparkSession spark)
      throws InterruptedException {
    SparkEngine engine = SparkEngine.of(spark);
    CountDownLatch release = new CountDownLatch(1);
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger starts = new AtomicInteger();
    LocalSessionStarter starter =
        new LocalSessionStarter(
            scratch -> {
              threads.add(Thread.currentThread().getName());
              starts.incrementAndGet();
              await(release);
              return engine;
            });
    starter.begin();
    starter.begin();
    release.countDown();
    assertSame(engine, starter.get());
    assertSame(engine, starter.get());
    assertEquals(1, starts.get(), "the session is started once");
    assertEquals(List.of("rollcall-spark-start"), threads);
    assertNotEquals(Thread.currentThread().getName(), threads.get(0));
  }

  @Test
  void withoutBeginTheFirstGetStartsTheSessionInItsOwnThread(SparkSession spark) {
    SparkEngine engine = SparkEngine.of(spark);
    List<String> threads = new ArrayList<>();
    LocalSessionStarter starter =
        new LocalSessionStarter(
            scratch -> {
              threads.add(Thread.currentThread().getName());
              return engine;
            });
    assertSame(engine, starter.get());
    assertEquals(List.of(Thread.currentThread().getName()), threads);
  }

  @Test
  void aStartThatFailsInTheBackgroundFailsGetWithItsOwnExceptionAndStopStopsNothing() {
    List<Path> scratches = new ArrayList<>();
    IllegalStateException failure = new IllegalStateException("no port for the driver");
    LocalSessionStarter starter =
        new LocalSessionStarter(
            scratch -> {
              scratches.add(scratch);
              throw failure;
            });
    starter.begin();
    assertSame(failure, assertThrows(IllegalStateException.class, starter::get));
    assertSame(failure, assertThrows(IllegalStateException.class, starter::get));
    starter.stop();
    assertEquals(1, scratches.size());
    assertFalse(Files.exists(scratches.get(0)), "the scratch folder is removed");
  }

  @Test
  void stopWithoutAStartDoesNothing() {
    AtomicInteger starts = new AtomicInteger();
    LocalSessionStarter starter =
        new LocalSessionStarter(
            scratch -> {
              starts.incrementAndGet();
              throw new AssertionError("not started");
            });
    starter.stop();
    assertEquals(0, starts.get());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
