package dev.rollcall.jobs.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.jobs.config.SecretRef;
import dev.rollcall.jobs.config.StoreConfig;
import dev.rollcall.jobs.lifecycle.Lifecycle;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.Finding;
import dev.rollcall.model.FindingStatus;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.SourceSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store through the real MongoDB driver, persisted across openings. */
class StateStoreTest {
  private static final Instant NIGHT_1 = Instant.parse("2026-11-20T06:00:00Z");
  private static final Instant NIGHT_2 = Instant.parse("2026-11-21T06:00:00Z");
  private static final Instant NIGHT_3 = Instant.parse("2026-11-22T06:00:00Z");

  @TempDir Path out;

  @Test
  void aLaterRunSeesTheEarlierOneAfterTheStoreIsReopened() throws Exception {
    Finding a = finding("dormant-account", "alice");
    Finding b = finding("unowned-account", "bob");
    Set<String> complete = Set.of("aws/111122223333");
    Map<String, String> sources =
        Map.of(a.fingerprint(), "aws/111122223333", b.fingerprint(), "aws/111122223333");

    try (StateStore store = open()) {
      store.startRun("r1", NIGHT_1, "test", "default");
      Lifecycle.Night first = Nights.record(store, "r1", NIGHT_1, List.of(a, b), sources, complete);
      assertEquals(Set.of(a.fingerprint(), b.fingerprint()), Nights.fresh(first));
      store.finishRun(run("r1", NIGHT_1, 2, 2, 0));
    }
    try (StateStore store = open()) {
      assertEquals(1, store.runCount());
      assertEquals("r1", store.lastCompleteRunId().orElseThrow());
      store.startRun("r2", NIGHT_2, "test", "default");
      Lifecycle.Night second = Nights.record(store, "r2", NIGHT_2, List.of(a), sources, complete);
      assertEquals(Set.of(), Nights.fresh(second));
      assertEquals(1, Nights.count(second, FindingStatus.RESOLVED));
      var stored = store.finding(a.fingerprint()).orElseThrow();
      assertEquals(NIGHT_1, stored.getDate("firstSeen").toInstant());
      assertEquals(NIGHT_2, stored.getDate("lastSeen").toInstant());
      assertEquals("resolved", store.finding(b.fingerprint()).orElseThrow().getString("status"));

      store.startRun("r3", NIGHT_3, "test", "default");
      Lifecycle.Night third = Nights.record(store, "r3", NIGHT_3, List.of(a, b), sources, complete);
      assertEquals(
          Set.of(b.fingerprint()),
          Nights.fresh(third),
          "a resolved finding that returns is new again");
      assertEquals(Set.of(b.fingerprint()), Nights.fingerprints(third, FindingStatus.REOPENED));
      assertEquals(1, Nights.count(third, FindingStatus.STILL_OPEN));
      assertEquals(1, store.finding(b.fingerprint()).orElseThrow().getInteger("timesReopened"));
    }
  }

  @Test
  void aSourceThatWasNotFullyCheckedResolvesNothing() {
    Finding a = finding("dormant-account", "alice");
    Map<String, String> sources = Map.of(a.fingerprint(), "aws/111122223333");
    try (StateStore store = open()) {
      Nights.record(store, "r1", NIGHT_1, List.of(a), sources, Set.of("aws/111122223333"));
      Lifecycle.Night partial = Nights.record(store, "r2", NIGHT_2, List.of(), sources, Set.of());
      assertEquals(0, Nights.count(partial, FindingStatus.RESOLVED));
      assertEquals(1, Nights.count(partial, FindingStatus.NOT_RECHECKED));
      var kept = store.finding(a.fingerprint()).orElseThrow();
      assertEquals("open", kept.getString("status"));
      assertEquals(NIGHT_1, kept.getDate("notRecheckedSince").toInstant());
    }
  }

  @Test
  void aSuppressedFindingIsNeitherNewNorResolvedAndComesBackWhenItsExceptionGoes() {
    Finding a = finding("over-privileged", "alice");
    Map<String, String> sources = Map.of(a.fingerprint(), "aws/111122223333");
    Set<String> complete = Set.of("aws/111122223333");
    try (StateStore store = open()) {
      Lifecycle.Night first =
          Nights.record(
              store, "r1", NIGHT_1, List.of(a), sources, complete, Map.of(a.fingerprint(), "EX-1"));
      assertEquals(Set.of(), Nights.fresh(first));
      assertEquals(1, Nights.count(first, FindingStatus.SUPPRESSED));
      assertEquals("suppressed", store.finding(a.fingerprint()).orElseThrow().getString("status"));
      Lifecycle.Night second = Nights.record(store, "r2", NIGHT_2, List.of(a), sources, complete);
      assertEquals(Set.of(), Nights.fresh(second), "known since night 1: not new");
      assertEquals(1, Nights.count(second, FindingStatus.STILL_OPEN));
      assertEquals("open", store.finding(a.fingerprint()).orElseThrow().getString("status"));
    }
  }

  @Test
  void twoRunsCannotHoldTheLeaseAtOnceAndACrashedOnesLeaseExpires() {
    java.time.Duration sixHours = java.time.Duration.ofHours(6);
    try (StateStore store = open()) {
      store.acquireLease("r1", NIGHT_1, sixHours);
      store.acquireLease("r1", NIGHT_1.plusSeconds(60), sixHours);
      RunLockedException locked =
          org.junit.jupiter.api.Assertions.assertThrows(
              RunLockedException.class,
              () -> store.acquireLease("r2", NIGHT_1.plusSeconds(3600), sixHours));
      assertTrue(
          locked.getMessage().contains("run r1 holds the state store until"), locked.getMessage());
      // r1 died without giving the lease back: it expires six hours later.
      store.acquireLease("r2", NIGHT_1.plus(java.time.Duration.ofHours(7)), sixHours);
      store.releaseLease("r1");
      org.junit.jupiter.api.Assertions.assertThrows(
          RunLockedException.class,
          () -> store.acquireLease("r3", NIGHT_1.plus(java.time.Duration.ofHours(8)), sixHours));
      store.releaseLease("r2");
      store.acquireLease("r3", NIGHT_1.plus(java.time.Duration.ofHours(8)), sixHours);
    }
  }

  @Test
  void aRunKilledMidWriteIsRolledBackByTheNextOne() throws Exception {
    Finding a = finding("dormant-account", "alice");
    Finding b = finding("unowned-account", "bob");
    Finding c = finding("shared-account", "carol");
    Set<String> complete = Set.of("aws/111122223333");
    Map<String, String> sources =
        Map.of(
            a.fingerprint(), "aws/111122223333",
            b.fingerprint(), "aws/111122223333",
            c.fingerprint(), "aws/111122223333");
    java.time.Duration lease = java.time.Duration.ofHours(6);
    try (StateStore store = open()) {
      store.acquireLease("r1", NIGHT_1, lease);
      store.startRun("r1", NIGHT_1, "test", "default");
      Nights.record(store, "r1", NIGHT_1, List.of(a, b), sources, complete);
      store.finishRun(run("r1", NIGHT_1, 2, 2, 0));
      store.releaseLease("r1");
    }
    try (StateStore store = open()) {
      store.acquireLease("r2", NIGHT_2, lease);
      store.startRun("r2", NIGHT_2, "test", "default");
      Nights.record(store, "r2", NIGHT_2, List.of(a, c), sources, complete);
      assertEquals("resolved", store.finding(b.fingerprint()).orElseThrow().getString("status"));
      // killed here: no finishRun, the lease is not given back
    }
    try (StateStore store = open()) {
      store.acquireLease("r3", NIGHT_3, lease);
      assertEquals(
          "open",
          store.finding(b.fingerprint()).orElseThrow().getString("status"),
          "r2's resolution was rolled back");
      assertTrue(store.finding(c.fingerprint()).isEmpty(), "r2's new finding was rolled back");
      assertEquals("r1", store.lastCompleteRunId().orElseThrow());
      store.startRun("r3", NIGHT_3, "test", "default");
      Lifecycle.Night third = Nights.record(store, "r3", NIGHT_3, List.of(a, c), sources, complete);
      assertEquals(Set.of(c.fingerprint()), Nights.fresh(third));
      assertEquals(1, Nights.count(third, FindingStatus.RESOLVED));
      store.finishRun(run("r3", NIGHT_3, 2, 1, 1));
    }
  }

  @Test
  void aRunThatDiesStaysIncomplete() {
    try (StateStore store = open()) {
      store.startRun("dead", NIGHT_1, "test", "default");
      assertTrue(store.lastCompleteRunId().isEmpty());
      assertEquals(1, store.runCount());
    }
  }

  @Test
  void theStateFolderIsTheOwnersOnly() throws Exception {
    try (StateStore store = open()) {
      assertTrue(store.describe().contains("rollcall-state.mv"), store.describe());
    }
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("state"))));
    assertTrue(Files.exists(out.resolve("state").resolve("rollcall-state.mv")));
  }

  @Test
  void aConfiguredUriMustBeAMongoUri() {
    StoreConfig config = new StoreConfig(new SecretRef("ROLLCALL_MONGODB_URI", null), null);
    String message =
        assertThrows(
                ConfigException.class,
                () ->
                    StateStore.open(config, out, Map.of("ROLLCALL_MONGODB_URI", "postgres://db/")))
            .getMessage();
    assertTrue(message.contains("mongodb://"), message);
    assertTrue(message.contains("ROLLCALL_MONGODB_URI"), message);
  }

  @Test
  void aMongoDbUriFromTheEnvironmentIsUsedAsIs() throws Exception {
    Finding a = finding("dormant-account", "alice");
    Map<String, String> sources = Map.of(a.fingerprint(), "aws/111122223333");
    try (EmbeddedMongo server = EmbeddedMongo.start(StoreFile.in(out.resolve("elsewhere")))) {
      Map<String, String> env = Map.of("ROLLCALL_MONGODB_URI", server.connectionString());
      StoreConfig config =
          new StoreConfig(
              new dev.rollcall.jobs.config.SecretRef("ROLLCALL_MONGODB_URI", null), "audit");
      try (StateStore store = StateStore.open(config, out, env)) {
        assertTrue(store.describe().startsWith("MongoDB at ["), store.describe());
        assertTrue(store.describe().endsWith("(from environment variable ROLLCALL_MONGODB_URI)"));
        store.acquireLease("r1", NIGHT_1, java.time.Duration.ofHours(6));
        store.startRun("r1", NIGHT_1, "test", "default");
        Nights.record(store, "r1", NIGHT_1, List.of(a), sources, Set.of("aws/111122223333"));
        store.finishRun(run("r1", NIGHT_1, 1, 1, 0));
      }
      try (StateStore store = StateStore.open(config, out, env)) {
        assertEquals("r1", store.lastCompleteRunId().orElseThrow());
        assertEquals("open", store.finding(a.fingerprint()).orElseThrow().getString("status"));
      }
      assertTrue(
          java.nio.file.Files.notExists(out.resolve("state")),
          "with a URI, no embedded store is made in the output folder");
    }
    String refused =
        org.junit.jupiter.api.Assertions.assertThrows(
                dev.rollcall.jobs.config.ConfigException.class,
                () ->
                    StateStore.open(
                        new StoreConfig(
                            new dev.rollcall.jobs.config.SecretRef("URI", null), "audit"),
                        out,
                        Map.of("URI", "postgres://db.example.test/")))
            .getMessage();
    assertTrue(refused.contains("must start with mongodb:// or mongodb+srv://"), refused);
    assertTrue(!refused.contains("db.example.test"), "the URI itself is not repeated: " + refused);
  }

  private StateStore open() {
    return StateStore.open(StoreConfig.embedded(), out, Map.of());
  }

  private static RunRecord run(String id, Instant at, int findings, int fresh, int resolved) {
    return new RunRecord(
        id,
        at,
        at.plusSeconds(30),
        "test",
        "default",
        List.of(
            new SourcePull(
                "aws/111122223333",
                SourceSystem.AWS_IAM,
                "111122223333",
                PullStatus.COMPLETE,
                3,
                List.of(),
                at)),
        findings,
        fresh,
        resolved,
        0);
  }

  private static Finding finding(String rule, String name) {
    AccountKey key =
        new AccountKey(SourceSystem.AWS_IAM, "111122223333", "AIDA" + name.toUpperCase());
    return new Finding(
        Finding.fingerprintOf(rule, key),
        rule,
        rule,
        Severity.HIGH,
        key,
        name,
        List.of(),
        name + " is bad.",
        List.of(),
        List.of(),
        "fix it");
  }
}
