package dev.rollcall.jobs.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.rollcall.jobs.config.StoreConfig;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Finding;
import dev.rollcall.model.FindingStatus;
import dev.rollcall.reports.review.InventoryRow;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the store writes in bulk (known findings as updates of what changed, inventories by document
 * id), undone exactly when a run dies, and read the same from stores older rollcalls wrote.
 */
class StoreWritesTest {
  private static final Instant NIGHT_1 = Instant.parse("2026-11-20T06:00:00Z");
  private static final Instant NIGHT_2 = Instant.parse("2026-11-21T06:00:00Z");
  private static final Instant NIGHT_3 = Instant.parse("2026-11-22T06:00:00Z");
  private static final Duration LEASE = Duration.ofHours(6);
  private static final String SOURCE = "aws/111122223333";

  @TempDir Path out;

  @Test
  void aRunThatDiesIsUndoneToTheLastFieldOfEveryFinding() {
    Finding kept = finding("alice", "last sign-in 2026-01-01");
    Finding changed = finding("bob", "last sign-in 2026-02-01");
    Finding resolved = finding("carol", "last sign-in 2026-03-01");
    Finding arriving = finding("dave", "last sign-in 2026-04-01");
    Map<String, Document> before = new HashMap<>();
    try (StateStore store = open()) {
      store.acquireLease("r1", NIGHT_1, LEASE);
      store.startRun("r1", NIGHT_1, "test", "default");
      record(store, "r1", NIGHT_1, List.of(kept, changed, resolved), Map.of(resolved, "EX-1"));
      store.finishRun(run("r1", NIGHT_1));
      for (Finding f : List.of(kept, changed, resolved)) {
        before.put(f.fingerprint(), store.finding(f.fingerprint()).orElseThrow());
      }
    }
    try (StateStore store = open()) {
      store.acquireLease("r2", NIGHT_2, LEASE);
      store.startRun("r2", NIGHT_2, "test", "default");
      Finding newEvidence = finding("bob", "last sign-in never");
      record(store, "r2", NIGHT_2, List.of(kept, newEvidence, arriving), Map.of());
      Document bob = store.finding(changed.fingerprint()).orElseThrow();
      assertEquals("last sign-in never", evidence(bob), "the content that changed is written");
      assertEquals(NIGHT_2, bob.getDate("lastSeen").toInstant());
      Document carol = store.finding(resolved.fingerprint()).orElseThrow();
      assertEquals("resolved", carol.getString("status"));
      assertEquals(NIGHT_2, carol.getDate("resolvedAt").toInstant());
      // killed here
    }
    try (StateStore store = open()) {
      store.acquireLease("r3", NIGHT_3, LEASE);
      for (Finding f : List.of(kept, changed, resolved)) {
        assertEquals(
            before.get(f.fingerprint()),
            store.finding(f.fingerprint()).orElseThrow(),
            f.accountName() + " as r1 left it");
      }
      assertTrue(store.finding(arriving.fingerprint()).isEmpty(), "r2's new finding is gone");
    }
  }

  @Test
  void aFindingSeenAgainKeepsItsFirstNightInAStoreThatNeverKeptIt() {
    Finding a = finding("alice", "last sign-in 2026-01-01");
    try (StateStore store = open()) {
      // As a store written before first-seen, source and last run were kept holds it.
      MongoCollection<Document> findings = store.database().getCollection("findings");
      findings.insertOne(
          new Document("_id", a.fingerprint())
              .append("ruleId", a.ruleId())
              .append("title", a.title())
              .append("severity", a.severity().name())
              .append("system", a.account().system().name())
              .append("tenant", a.account().tenant())
              .append("nativeId", a.account().nativeId())
              .append("accountName", a.accountName())
              .append("personIds", a.personIds())
              .append("summary", a.summary())
              .append(
                  "evidence",
                  List.of(new Document("label", "seen").append("value", "last sign-in 2026-01-01")))
              .append("clauses", List.of())
              .append("remediation", a.remediation())
              .append("status", "open")
              .append("lastSeen", Date.from(NIGHT_1)));
      store.startRun("r2", NIGHT_2, "test", "default");
      var night =
          Nights.record(
              store, "r2", NIGHT_2, List.of(a), Map.of(a.fingerprint(), SOURCE), Set.of(SOURCE));
      assertEquals(1, Nights.count(night, FindingStatus.STILL_OPEN));
      Document stored = store.finding(a.fingerprint()).orElseThrow();
      assertEquals(NIGHT_1, stored.getDate("firstSeen").toInstant(), "its first night stays");
      assertEquals(NIGHT_2, stored.getDate("lastSeen").toInstant());
      assertEquals("r2", stored.getString("lastRunId"));
      assertEquals(SOURCE, stored.getString("source"));
      assertEquals("last sign-in 2026-01-01", evidence(stored));
    }
  }

  @Test
  void aJournalAnOlderRollcallWroteIsStillRolledBack() {
    Finding a = finding("alice", "last sign-in 2026-01-01");
    Document asR1LeftIt;
    try (StateStore store = open()) {
      store.acquireLease("r1", NIGHT_1, LEASE);
      store.startRun("r1", NIGHT_1, "test", "default");
      record(store, "r1", NIGHT_1, List.of(a), Map.of());
      store.finishRun(run("r1", NIGHT_1));
      store.releaseLease("r1");
      asR1LeftIt = store.finding(a.fingerprint()).orElseThrow();
      // r2, by a rollcall that journaled whole documents, replaced it and died.
      store.startRun("r2", NIGHT_2, "test", "default");
      MongoCollection<Document> journal = store.database().getCollection("journal");
      journal.insertOne(
          new Document("_id", "r2|0")
              .append("runId", "r2")
              .append(
                  "entries",
                  List.of(
                      new Document("fingerprint", a.fingerprint()).append("before", asR1LeftIt),
                      new Document("fingerprint", "gone-finding").append("before", null))));
      journal.insertOne(
          new Document("_id", "r2|#whole").append("runId", "r2").append("whole", true));
      MongoCollection<Document> findings = store.database().getCollection("findings");
      findings.replaceOne(
          Filters.eq("_id", a.fingerprint()),
          new Document(asR1LeftIt).append("status", "resolved").append("lastRunId", "r2"));
      findings.insertOne(new Document("_id", "gone-finding").append("status", "open"));
    }
    try (StateStore store = open()) {
      store.acquireLease("r3", NIGHT_3, LEASE);
      assertEquals(asR1LeftIt, store.finding(a.fingerprint()).orElseThrow());
      assertTrue(store.finding("gone-finding").isEmpty());
      assertTrue(store.runIdsIn("journal").isEmpty());
    }
  }

  @Test
  void onlyTheLastFinishedRunsInventoryIsKeptAndReadBackInOrder() {
    try (StateStore store = open()) {
      // As stores written before kept them: every run's in one collection, by run id, in chunks
      // or (older still) a row a document.
      MongoCollection<Document> legacy = store.database().getCollection("inventory");
      List<InventoryRow> before = rows("r0", 3);
      legacy.insertOne(
          new Document("_id", "r0|chunk|0")
              .append("runId", "r0")
              .append("chunk", 0)
              .append("rows", before.stream().map(StateStore::inventoryRow).toList()));
      legacy.insertOne(
          StateStore.inventoryRow(row("old", 0)).append("runId", "r-1").append("line", 0));
      assertEquals(before, store.inventory("r0"));

      store.startRun("r1", NIGHT_1, "test", "default");
      List<InventoryRow> first = rows("r1", 2_500);
      store.recordInventory("r1", first);
      assertEquals(before, store.inventory("r0"), "until r1 finishes");
      store.finishRun(run("r1", NIGHT_1));
      assertEquals(first, store.inventory("r1"));
      assertEquals(List.of(), store.inventory("r0"));
      assertEquals(Set.of("inventory-r1"), inventories(store));

      store.startRun("r2", NIGHT_2, "test", "default");
      store.recordInventory("r2", rows("r2", 10));
      // r2 dies; r3 records twice (a retry), then finishes.
      store.startRun("r3", NIGHT_3, "test", "default");
      store.recordInventory("r3", rows("r3", 5));
      List<InventoryRow> third = rows("r3", 1_000);
      store.recordInventory("r3", third);
      assertEquals(first, store.inventory("r1"), "the last finished run's, until r3 finishes");
      store.finishRun(run("r3", NIGHT_3));
      assertEquals(third, store.inventory("r3"));
      assertEquals(List.of(), store.inventory("r1"));
      assertEquals(List.of(), store.inventory("r2"));
      assertEquals(Set.of("inventory-r3"), inventories(store));
    }
  }

  private static Set<String> inventories(StateStore store) {
    Set<String> names = new java.util.TreeSet<>();
    for (String name : store.database().listCollectionNames()) {
      if (name.startsWith("inventory")) {
        names.add(name);
      }
    }
    return names;
  }

  private StateStore open() {
    return StateStore.open(StoreConfig.embedded(), out, Map.of());
  }

  private static void record(
      StateStore store,
      String runId,
      Instant now,
      List<Finding> findings,
      Map<Finding, String> suppressedBy) {
    Map<String, String> sources = new HashMap<>();
    Map<String, String> exceptions = new HashMap<>();
    for (Finding f : findings) {
      sources.put(f.fingerprint(), SOURCE);
    }
    suppressedBy.forEach((f, id) -> exceptions.put(f.fingerprint(), id));
    Nights.record(store, runId, now, findings, sources, Set.of(SOURCE), exceptions);
  }

  private static String evidence(Document finding) {
    return finding.getList("evidence", Document.class).get(0).getString("value");
  }

  private static RunRecord run(String id, Instant at) {
    return new RunRecord(id, at, at.plusSeconds(30), "test", "default", List.of(), 0, 0, 0, 0);
  }

  private static List<InventoryRow> rows(String runId, int count) {
    List<InventoryRow> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(row(runId, i));
    }
    return rows;
  }

  private static InventoryRow row(String runId, int i) {
    return new InventoryRow(
        "person-" + i,
        "Person " + i,
        i == 7 ? null : "boss@example.test \"the boss\" \u00e9\n",
        "AWS_IAM",
        "111122223333",
        runId + "-account-" + i,
        "user" + i,
        "USER",
        "ACTIVE",
        List.of("ADMIN"),
        "2026-11-01",
        "VIRTUAL",
        i % 3 == 0 ? List.of("f-" + i) : List.of());
  }

  private static Finding finding(String name, String evidence) {
    return Nights.dormant(name, List.of("person-" + name), List.of(new Evidence("seen", evidence)));
  }
}
