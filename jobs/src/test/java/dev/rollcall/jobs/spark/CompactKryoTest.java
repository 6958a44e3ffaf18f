package dev.rollcall.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.jobs.ingest.SnapshotSources;
import dev.rollcall.model.Account;
import dev.rollcall.model.Identity;
import dev.rollcall.model.SourceResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Rollcall's records survive Spark's Kryo encoding whole and equal, their invariants kept. */
@ExtendWith(SharedSpark.class)
class CompactKryoTest {
  private static final Path DEMO_SNAPSHOT = Path.of("..", "examples", "demo", "snapshot");

  /** Holds every shape of JDK collection the model uses, and a null. */
  public record Shapes(
      List<String> listOf,
      List<String> streamed,
      Set<String> setOf,
      Map<String, Integer> mapOf,
      Map<String, Integer> ordered,
      Map<String, Integer> sorted,
      List<String> empty,
      String nothing,
      int count,
      Instant at) {}

  /** A record whose compact constructor refuses what the builder would refuse. */
  public record Checked(String name) {
    public Checked {
      if (name.isBlank()) {
        throw new IllegalArgumentException("blank name");
      }
    }
  }

  @Test
  void everyAccountAndPersonOfTheDemoComesBackEqual(SparkSession spark) {
    List<SourceResult> results = new SnapshotSources().read(DEMO_SNAPSHOT, Instant.EPOCH);
    List<Account> accounts = new ArrayList<>();
    List<Identity> people = new ArrayList<>();
    results.forEach(
        r -> {
          accounts.addAll(r.accounts());
          people.addAll(r.people());
        });
    assertTrue(accounts.size() > 100, "the demo has its accounts");
    assertEquals(
        accounts,
        spark.createDataset(accounts, CompactKryo.encoder(Account.class)).collectAsList());
    assertEquals(
        people, spark.createDataset(people, CompactKryo.encoder(Identity.class)).collectAsList());
  }

  @Test
  void sparksOwnSerializerIsKryoAndShipsTheDemoThroughTasksAndAShuffleWhole(SparkSession spark) {
    assertEquals(
        "org.apache.spark.serializer.KryoSerializer", spark.conf().get("spark.serializer"));
    List<Account> accounts = new ArrayList<>();
    new SnapshotSources()
        .read(DEMO_SNAPSHOT, Instant.EPOCH)
        .forEach(r -> accounts.addAll(r.accounts()));
    var context = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext());
    // Sliced into tasks, then shuffled by tenant and back: every account is serialized by Spark's
    // serializer (not an encoder) at least twice.
    List<Account> back =
        new ArrayList<>(
            context
                .parallelize(accounts, 3)
                .mapToPair(a -> new scala.Tuple2<>(a.key().tenant(), a))
                .groupByKey(2)
                .flatMap(t -> t._2().iterator())
                .collect());
    back.sort(java.util.Comparator.comparing(Account::id));
    List<Account> expected = new ArrayList<>(accounts);
    expected.sort(java.util.Comparator.comparing(Account::id));
    assertEquals(expected, back);
  }

  @Test
  void unmodifiableCollectionsKeepTheirElementsAndOrder(SparkSession spark) {
    Map<String, Integer> ordered = new LinkedHashMap<>();
    ordered.put("z", 1);
    ordered.put("a", 2);
    Shapes shapes =
        new Shapes(
            List.of("b", "a", "c"),
            java.util.stream.Stream.of("x", "y").toList(),
            Set.of("one", "two", "three"),
            Map.of("k", 1, "l", 2, "m", 3),
            Collections.unmodifiableMap(ordered),
            Collections.unmodifiableSortedMap(new TreeMap<>(Map.of("b", 2, "a", 1))),
            List.of(),
            null,
            7,
            Instant.parse("2026-12-03T04:00:00Z"));
    Shapes back = spark.createDataset(List.of(shapes), CompactKryo.encoder(Shapes.class)).first();
    assertEquals(shapes, back);
    assertEquals(List.of("z", "a"), List.copyOf(back.ordered().keySet()));
    assertEquals(List.of("a", "b"), List.copyOf(back.sorted().keySet()));
    assertThrows(UnsupportedOperationException.class, () -> back.listOf().add("d"));
  }

  @Test
  void aRecordIsRebuiltThroughItsCanonicalConstructor(SparkSession spark) {
    assertEquals(
        new Checked("ann"),
        spark
            .createDataset(List.of(new Checked("ann")), CompactKryo.encoder(Checked.class))
            .first());
  }
}
