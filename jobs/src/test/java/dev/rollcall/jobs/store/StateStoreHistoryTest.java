package dev.rollcall.jobs.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rollcall.jobs.config.StoreConfig;
import dev.rollcall.jobs.lifecycle.FindingState;
import dev.rollcall.jobs.lifecycle.Lifecycle;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Finding;
import dev.rollcall.model.FindingStatus;
import dev.rollcall.model.PolicyClause;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.reports.TrendPoint;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the store gives report.html: the trend, and the resolved and not re-checked findings. */
class StateStoreHistoryTest {
  private static final Instant NIGHT_1 = Instant.parse("2026-11-20T06:00:00Z");
  private static final Instant NIGHT_2 = Instant.parse("2026-11-21T06:00:00Z");
  private static final Instant NIGHT_3 = Instant.parse("2026-11-22T06:00:00Z");
  private static final Instant NIGHT_4 = Instant.parse("2026-11-23T06:00:00Z");
  private static final String AWS = "aws/111122223333";
  private static final String GOOGLE = "google/meridian.example";

  @TempDir Path out;

  @Test
  void openCountsLeaveOutResolvedAndSuppressedFindings() {
    Finding a = finding(SourceSystem.AWS_IAM, "alice", Severity.HIGH);
    Finding b = finding(SourceSystem.AWS_IAM, "bob", Severity.CRITICAL);
    Finding c = finding(SourceSystem.AWS_IAM, "carol", Severity.MEDIUM);
    Finding d = finding(SourceSystem.AWS_IAM, "dave", Severity.HIGH);
    Map<String, String> sources = sourcesOf(AWS, a, b, c, d);
    try (StateStore store = open()) {
      Nights.record(store, "r1", NIGHT_1, List.of(a, b, c, d), sources, Set.of(AWS));
      Lifecycle.Night second =
          Nights.record(
              store,
              "r2",
              NIGHT_2,
              List.of(a, b, c),
              sources,
              Set.of(AWS),
              Map.of(c.fingerprint(), "EX-1"));

      assertEquals(
          Map.of(
              Severity.CRITICAL, 1,
              Severity.HIGH, 1,
              Severity.MEDIUM, 0,
              Severity.LOW, 0,
              Severity.INFO, 0),
          second.openBySeverity());
    }
  }

  @Test
  void theTrendIsTheCountsOfTheLastCompleteRunsOldestFirst() {
    try (StateStore store = open()) {
      // A run stored before the counts were kept: left out of the trend, not drawn as zero.
      store.startRun("old", NIGHT_1, "0.0.9", "default");
      store.finishRun(
          new RunRecord("old", NIGHT_1, NIGHT_1, "0.0.9", "default", List.of(), 5, 5, 0, 3));
      finish(store, "r2", NIGHT_2, Map.of(Severity.HIGH, 4, Severity.LOW, 1));
      finish(store, "r3", NIGHT_3, Map.of(Severity.HIGH, 2, Severity.CRITICAL, 1));
      store.startRun("died", NIGHT_4, "test", "default");

      assertEquals(
          List.of(
              new TrendPoint("r2", NIGHT_2, Map.of(Severity.HIGH, 4, Severity.LOW, 1)),
              new TrendPoint("r3", NIGHT_3, Map.of(Severity.HIGH, 2, Severity.CRITICAL, 1))),
          store.trend(29));
      assertEquals(List.of("r3"), store.trend(1).stream().map(TrendPoint::runId).toList());
    }
  }

  @Test
  void aRunsResolvedAndNotRecheckedFindingsReadBackWhole() {
    Finding a = finding(SourceSystem.AWS_IAM, "alice", Severity.HIGH);
    Finding b = finding(SourceSystem.GOOGLE_WORKSPACE, "bob", Severity.CRITICAL);
    Finding c = finding(SourceSystem.AWS_IAM, "carol", Severity.LOW);
    Map<String, String> sources = new java.util.HashMap<>(sourcesOf(AWS, a, c));
    sources.putAll(sourcesOf(GOOGLE, b));
    try (StateStore store = open()) {
      Nights.record(store, "r1", NIGHT_1, List.of(a, b, c), sources, Set.of(AWS, GOOGLE));
      // Night 2: AWS fully read and alice is gone; Google failed, so bob cannot be re-checked.

      Lifecycle.Night second =
          Nights.record(store, "r2", NIGHT_2, List.of(c), sources, Set.of(AWS));
      assertEquals(
          List.of(a), second.with(FindingStatus.RESOLVED).stream().map(t -> t.finding()).toList());
      assertEquals(
          List.of(b),
          second.with(FindingStatus.NOT_RECHECKED).stream().map(t -> t.finding()).toList());
      assertEquals(GOOGLE, second.with(FindingStatus.NOT_RECHECKED).get(0).source());
      assertEquals(NIGHT_1, second.with(FindingStatus.NOT_RECHECKED).get(0).lastSeen());
      // Read back whole: the next night starts from exactly what this one stored.
      Map<String, FindingState> stored = store.findingStates();
      assertEquals(a, stored.get(a.fingerprint()).finding());
      assertEquals(FindingState.Stored.RESOLVED, stored.get(a.fingerprint()).stored());
      assertEquals(NIGHT_2, stored.get(a.fingerprint()).resolvedAt());
      assertEquals(b, stored.get(b.fingerprint()).finding());
      assertEquals(FindingState.Stored.OPEN, stored.get(b.fingerprint()).stored());
      assertEquals(NIGHT_1, stored.get(b.fingerprint()).notRecheckedSince());
      assertEquals(GOOGLE, stored.get(b.fingerprint()).source());

      // Night 3: Google is back and bob is still there; nothing is left unchecked.
      Lifecycle.Night third =
          Nights.record(store, "r3", NIGHT_3, List.of(b, c), sources, Set.of(AWS, GOOGLE));
      assertEquals(List.of(), third.with(FindingStatus.NOT_RECHECKED));
      assertEquals(List.of(), third.with(FindingStatus.RESOLVED), "a stays resolved, untouched");
      assertEquals(null, store.findingStates().get(b.fingerprint()).notRecheckedSince());
    }
  }

  private static void finish(
      StateStore store, String runId, Instant at, Map<Severity, Integer> open) {
    store.startRun(runId, at, "test", "default");
    store.finishRun(
        new RunRecord(
            runId, at, at.plusSeconds(30), "test", "default", List.of(), 0, 0, 0, 0, open));
  }

  private StateStore open() {
    return StateStore.open(StoreConfig.embedded(), out, Map.of());
  }

  private static Map<String, String> sourcesOf(String source, Finding... findings) {
    Map<String, String> sources = new java.util.HashMap<>();
    for (Finding f : findings) {
      sources.put(f.fingerprint(), source);
    }
    return sources;
  }

  private static Finding finding(SourceSystem system, String name, Severity severity) {
    AccountKey key = new AccountKey(system, "t-" + system.name().toLowerCase(), "id-" + name);
    return new Finding(
        Finding.fingerprintOf("dormant-account", key),
        "dormant-account",
        "Dormant account",
        severity,
        key,
        name,
        List.of(name + "@meridian.example"),
        name + " has not signed in for 120 days.",
        List.of(new Evidence("last activity", "2026-07-23T08:00:00Z")),
        List.of(new PolicyClause("§7.2.7", "Accounts inactive for 90 days are removed.")),
        "aws iam delete-login-profile --user-name " + name);
  }
}
