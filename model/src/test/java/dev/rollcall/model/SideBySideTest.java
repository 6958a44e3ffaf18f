package dev.rollcall.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SideBySideTest {
  @Test
  void resultsComeBackInThePiecesOrderWhateverOrderTheyFinishIn() {
    List<Integer> pieces = IntStream.range(0, 12).boxed().toList();
    List<String> results =
        SideBySide.inOrder(
            pieces,
            Comparator.naturalOrder(),
            i -> {
              sleep(12 - i); // the first pieces finish last
              return "piece " + i;
            },
            "test");
    assertEquals(pieces.stream().map(i -> "piece " + i).toList(), results);
  }

  @Test
  void piecesRunOnNamedThreadsAtOnceWhereThereAreCores() throws InterruptedException {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    int cores = Runtime.getRuntime().availableProcessors();
    CountDownLatch together = new CountDownLatch(Math.min(cores, 2));
    SideBySide.inOrder(
        List.of(1, 2),
        Comparator.naturalOrder(),
        i -> {
          threads.add(Thread.currentThread().getName());
          together.countDown();
          try {
            return together.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        },
        "rollcall-test");
    assertTrue(together.await(0, TimeUnit.SECONDS), "the pieces did not run side by side");
    if (cores > 1) {
      assertEquals(Set.of("rollcall-test-1", "rollcall-test-2"), threads);
    }
  }

  @Test
  void thePiecesTheComparatorPutsFirstStartBeforeTheRest() {
    List<Integer> started = new java.util.concurrent.CopyOnWriteArrayList<>();
    // Two threads, three pieces: the two the comparator puts first each wait until both have
    // started, so the third can start only once one of them has ended, whichever thread is quicker.
    CountDownLatch bothStarted = new CountDownLatch(2);
    SideBySide.inOrder(
        List.of(1, 50, 7),
        2,
        Comparator.<Integer>naturalOrder().reversed(),
        i -> {
          started.add(i);
          if (i != 1) {
            bothStarted.countDown();
            try {
              assertTrue(bothStarted.await(10, TimeUnit.SECONDS), "the first two did not start");
            } catch (InterruptedException e) {
              throw new IllegalStateException(e);
            }
          }
          return i;
        },
        "test");
    assertEquals(Set.of(50, 7), Set.copyOf(started.subList(0, 2)), started.toString());
    assertEquals(1, started.get(2), started.toString());
  }

  @Test
  void anErrorIsThrownOnTheCallersThreadAsItWas() {
    OutOfMemoryError error = new OutOfMemoryError("Java heap space");
    OutOfMemoryError thrown =
        assertThrows(
            OutOfMemoryError.class,
            () ->
                SideBySide.inOrder(
                    List.of(1, 2, 3),
                    Comparator.naturalOrder(),
                    i -> {
                      if (i == 2) {
                        throw error;
                      }
                      return i;
                    },
                    "test"));
    assertSame(error, thrown);
  }

  @Test
  void whenSeveralFailTheFirstPiecesFailureIsThrown() {
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SideBySide.inOrder(
                    List.of(1, 2, 3),
                    Comparator.<Integer>naturalOrder().reversed(),
                    i -> {
                      if (i > 1) {
                        throw new IllegalArgumentException("piece " + i);
                      }
                      return i;
                    },
                    "test"));
    assertEquals("piece 2", thrown.getMessage());
  }

  @Test
  void noPiecesNoResults() {
    assertEquals(
        List.of(), SideBySide.inOrder(List.<Integer>of(), Comparator.naturalOrder(), i -> i, "t"));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
