package dev.rollcall.jobs.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.jobs.lifecycle.FindingState.Stored;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.Finding;
import dev.rollcall.model.FindingStatus;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.TrackedFinding;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every transition of the finding lifecycle, without a store: nights fed one after another. */
class LifecycleTest {
  private static final Instant NIGHT_1 = Instant.parse("2026-11-20T06:00:00Z");
  private static final Instant NIGHT_2 = Instant.parse("2026-11-21T06:00:00Z");
  private static final Instant NIGHT_3 = Instant.parse("2026-11-22T06:00:00Z");
  private static final String AWS = "aws/111122223333";
  private static final String ATLAS = "atlas/5f1a";
  private static final Set<String> BOTH = Set.of(AWS, ATLAS);

  private final Map<String, FindingState> store = new HashMap<>();

  private static final Finding ALICE = finding(SourceSystem.AWS_IAM, "111122223333", "alice");
  private static final Finding BOB = finding(SourceSystem.AWS_IAM, "111122223333", "bob");
  private static final Finding DB = finding(SourceSystem.ATLAS_ORG, "5f1a", "app-db");

  @Test
  void aFindingSeenForTheFirstTimeIsNewAndSeenAgainIsStillOpen() {
    TrackedFinding first = only(night("r1", NIGHT_1, List.of(ALICE), BOTH, ExceptionsFile.none()));
    assertEquals(FindingStatus.NEW, first.status());
    assertEquals(NIGHT_1, first.firstSeen());
    assertEquals(AWS, first.source());

    TrackedFinding second = only(night("r2", NIGHT_2, List.of(ALICE), BOTH, ExceptionsFile.none()));
    assertEquals(FindingStatus.STILL_OPEN, second.status());
    assertEquals(NIGHT_1, second.firstSeen(), "first seen is kept");
    assertEquals(NIGHT_2, second.lastSeen());
    assertEquals(Stored.OPEN, store.get(ALICE.fingerprint()).stored());
  }

  @Test
  void aFindingGoneFromACompleteSourceIsResolvedAndComesBackReopened() {
    night("r1", NIGHT_1, List.of(ALICE, BOB), BOTH, ExceptionsFile.none());
    Lifecycle.Night second = night("r2", NIGHT_2, List.of(ALICE), BOTH, ExceptionsFile.none());
    TrackedFinding resolved = second.with(FindingStatus.RESOLVED).get(0);
    assertEquals(BOB, resolved.finding());
    assertEquals(NIGHT_1, resolved.lastSeen(), "last seen the night before");
    assertEquals(Stored.RESOLVED, store.get(BOB.fingerprint()).stored());
    assertEquals(NIGHT_2, store.get(BOB.fingerprint()).resolvedAt());

    // A resolved finding that stays away is left alone: not resolved again, not tracked.
    Lifecycle.Night quiet = night("r2b", NIGHT_2, List.of(ALICE), BOTH, ExceptionsFile.none());
    assertEquals(List.of(), quiet.with(FindingStatus.RESOLVED));
    assertTrue(quiet.changes().stream().noneMatch(c -> c.finding().equals(BOB)));

    Lifecycle.Night third = night("r3", NIGHT_3, List.of(ALICE, BOB), BOTH, ExceptionsFile.none());
    TrackedFinding back =
        third.tracked().stream().filter(t -> t.finding().equals(BOB)).findFirst().orElseThrow();
    assertEquals(FindingStatus.REOPENED, back.status());
    assertTrue(back.status().fresh(), "a reopened finding is news to its readers");
    assertEquals(NIGHT_1, back.firstSeen());
    assertEquals(1, store.get(BOB.fingerprint()).timesReopened());
    assertNull(store.get(BOB.fingerprint()).resolvedAt(), "open again");
  }

  @Test
  void aFailedOrPartialSourceNeverResolvesItsFindings() {
    night("r1", NIGHT_1, List.of(ALICE, DB), BOTH, ExceptionsFile.none());
    // Atlas failed tonight (not complete): its finding is not seen, and kept.
    Lifecycle.Night second =
        night("r2", NIGHT_2, List.of(ALICE), Set.of(AWS), ExceptionsFile.none());
    TrackedFinding kept = second.with(FindingStatus.NOT_RECHECKED).get(0);
    assertEquals(DB, kept.finding());
    assertEquals(NIGHT_1, kept.lastSeen());
    assertEquals(ATLAS, kept.source());
    assertFalse(kept.rechecked());
    assertEquals(List.of(), second.with(FindingStatus.RESOLVED));
    assertEquals(Stored.OPEN, store.get(DB.fingerprint()).stored());
    assertEquals(NIGHT_1, store.get(DB.fingerprint()).notRecheckedSince());
    assertEquals(2, second.openBySeverity().get(Severity.HIGH), "alice and the kept one");

    // A second night without Atlas: still kept, still last seen on night 1.
    Lifecycle.Night third =
        night("r3", NIGHT_3, List.of(ALICE), Set.of(AWS), ExceptionsFile.none());
    assertEquals(NIGHT_1, third.with(FindingStatus.NOT_RECHECKED).get(0).lastSeen());

    // Atlas back and the finding there: still open, no longer marked.
    Lifecycle.Night fourth =
        night("r4", NIGHT_3.plusSeconds(86_400), List.of(ALICE, DB), BOTH, ExceptionsFile.none());
    assertEquals(2, fourth.with(FindingStatus.STILL_OPEN).size());
    assertNull(store.get(DB.fingerprint()).notRecheckedSince());
  }

  @Test
  void anExceptionSuppressesAFindingUntilItExpires() {
    ExceptionsFile covering = exceptions(LocalDate.parse("2026-11-21"));
    TrackedFinding covered = only(night("r1", NIGHT_1, List.of(ALICE), BOTH, covering));
    assertEquals(FindingStatus.SUPPRESSED, covered.status());
    assertEquals("EX-1", covered.exception().id());
    assertEquals("owner@example.test", covered.exception().owner());
    assertEquals(Stored.SUPPRESSED, store.get(ALICE.fingerprint()).stored());
    assertEquals("EX-1", store.get(ALICE.fingerprint()).exceptionId());

    // Night 2 is the exception's last day: still covered, neither new nor resolved.
    Lifecycle.Night second = night("r2", NIGHT_2, List.of(ALICE), BOTH, covering);
    assertEquals(FindingStatus.SUPPRESSED, only(second).status());
    assertEquals(0, second.openBySeverity().get(Severity.HIGH), "a suppressed finding is not open");

    // Night 3: the exception has expired; the finding is active again, known since night 1.
    Lifecycle.Night third = night("r3", NIGHT_3, List.of(ALICE), BOTH, covering);
    TrackedFinding active = only(third);
    assertEquals(FindingStatus.STILL_OPEN, active.status());
    assertNull(active.exception());
    assertEquals(NIGHT_1, active.firstSeen());
    assertTrue(
        third.notices().get(0).startsWith("EX-1 expired on 2026-11-21"),
        third.notices().toString());
    assertEquals(Stored.OPEN, store.get(ALICE.fingerprint()).stored());
  }

  @Test
  void aSuppressedFindingWhoseSourceFailsIsKeptSuppressed() {
    ExceptionsFile covering = exceptions(LocalDate.parse("2026-12-31"));
    night("r1", NIGHT_1, List.of(DB), BOTH, covering);
    Lifecycle.Night second = night("r2", NIGHT_2, List.of(), Set.of(AWS), covering);
    TrackedFinding kept = second.with(FindingStatus.NOT_RECHECKED).get(0);
    assertEquals("EX-1", kept.exception().id(), "kept under its exception");
    assertFalse(kept.isOpen(), "a kept suppressed finding is not counted open");
    assertEquals("its source " + ATLAS + " was not fully read", kept.notRecheckedBecause());
    assertEquals(0, second.openBySeverity().get(Severity.HIGH));
    assertEquals(Stored.SUPPRESSED, store.get(DB.fingerprint()).stored());
  }

  @Test
  void withoutTheWholeDirectoryOwnershipFindingsAreNeitherRaisedNorResolved() {
    Finding unownedBob = finding("unowned-account", SourceSystem.AWS_IAM, "111122223333", "bob");
    Finding unownedDb = finding("unowned-account", SourceSystem.ATLAS_ORG, "5f1a", "app-db");
    Finding unownedAlice =
        finding("unowned-account", SourceSystem.AWS_IAM, "111122223333", "alice");
    night("r1", NIGHT_1, List.of(unownedBob, unownedDb), BOTH, ExceptionsFile.none());
    night("r1b", NIGHT_1, List.of(unownedBob), BOTH, ExceptionsFile.none()); // app-db resolved
    Lifecycle.OwnershipCheck unknown =
        new Lifecycle.OwnershipCheck(
            Set.of("unowned-account"), "the directory of people was not fully read (google/x)");
    Map<AccountKey, String> sourceOf =
        Map.of(ALICE.account(), AWS, BOB.account(), AWS, DB.account(), ATLAS);

    // Tonight every account looks unowned: alice (never flagged), app-db (resolved before), and
    // bob is gone from the findings although his source is complete.
    Lifecycle.Night second =
        Lifecycle.advance(
            Map.copyOf(store),
            new Lifecycle.Tonight(
                "r2",
                NIGHT_2,
                List.of(unownedAlice, unownedDb, ALICE),
                sourceOf,
                BOTH,
                ExceptionsFile.none(),
                unknown));
    second.changes().forEach(c -> store.put(c.fingerprint(), c));

    assertEquals(
        List.of(ALICE),
        second.tracked().stream()
            .filter(t -> t.status() == FindingStatus.NEW)
            .map(TrackedFinding::finding)
            .toList(),
        "only the rule that does not judge ownership raises");
    TrackedFinding kept = second.with(FindingStatus.NOT_RECHECKED).get(0);
    assertEquals(unownedBob, kept.finding());
    assertEquals(NIGHT_1, kept.lastSeen());
    assertTrue(kept.isOpen());
    assertEquals(
        "the directory of people was not fully read (google/x)", kept.notRecheckedBecause());
    assertEquals(1, second.with(FindingStatus.NOT_RECHECKED).size());
    assertEquals(List.of(), second.with(FindingStatus.RESOLVED), "nothing resolved");
    assertEquals(List.of(), second.with(FindingStatus.REOPENED), "app-db is not reopened");
    assertEquals(Stored.RESOLVED, store.get(unownedDb.fingerprint()).stored());
    assertFalse(store.containsKey(unownedAlice.fingerprint()));
    assertEquals(Stored.OPEN, store.get(unownedBob.fingerprint()).stored());
    assertEquals(2, second.openBySeverity().get(Severity.HIGH), "bob kept, alice's new one");
  }

  private Lifecycle.Night night(
      String runId, Instant now, List<Finding> findings, Set<String> complete, ExceptionsFile e) {
    Map<AccountKey, String> sourceOf =
        Map.of(ALICE.account(), AWS, BOB.account(), AWS, DB.account(), ATLAS);
    Lifecycle.Night night =
        Lifecycle.advance(
            Map.copyOf(store), new Lifecycle.Tonight(runId, now, findings, sourceOf, complete, e));
    night.changes().forEach(c -> store.put(c.fingerprint(), c));
    return night;
  }

  private static TrackedFinding only(Lifecycle.Night night) {
    assertEquals(1, night.tracked().size(), night.tracked().toString());
    return night.tracked().get(0);
  }

  private static ExceptionsFile exceptions(LocalDate expires) {
    return new ExceptionsFile(
        List.of(
            new RiskException(
                "EX-1",
                null,
                "over-privileged",
                "*",
                "owner@example.test",
                "break-glass accounts",
                "ciso@example.test",
                expires)));
  }

  private static Finding finding(SourceSystem system, String tenant, String name) {
    return finding("over-privileged", system, tenant, name);
  }

  private static Finding finding(String rule, SourceSystem system, String tenant, String name) {
    AccountKey key = new AccountKey(system, tenant, name);
    return new Finding(
        Finding.fingerprintOf(rule, key),
        rule,
        "Over-privileged account",
        Severity.HIGH,
        key,
        name,
        List.of(),
        name + " holds administrator rights.",
        List.of(),
        List.of(),
        "Detach the policy.");
  }
}
