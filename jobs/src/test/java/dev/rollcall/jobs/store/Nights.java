package dev.rollcall.jobs.store;

import dev.rollcall.jobs.lifecycle.ExceptionsFile;
import dev.rollcall.jobs.lifecycle.FindingState;
import dev.rollcall.jobs.lifecycle.Lifecycle;
import dev.rollcall.jobs.lifecycle.RiskException;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Finding;
import dev.rollcall.model.FindingStatus;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourceSystem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One night through the lifecycle and into a store, as a run does it. */
final class Nights {
  private Nights() {}

  /** The fingerprints of the night's findings new to its readers (first seen, or reopened). */
  static Set<String> fresh(Lifecycle.Night night) {
    return fingerprints(night, FindingStatus.NEW, FindingStatus.REOPENED);
  }

  static Set<String> fingerprints(Lifecycle.Night night, FindingStatus... statuses) {
    Set<FindingStatus> wanted = Set.of(statuses);
    Set<String> out = new HashSet<>();
    night.tracked().stream()
        .filter(t -> wanted.contains(t.status()))
        .forEach(t -> out.add(t.fingerprint()));
    return out;
  }

  static int count(Lifecycle.Night night, FindingStatus status) {
    return night.with(status).size();
  }

  static Lifecycle.Night record(
      StateStore store,
      String runId,
      Instant now,
      List<Finding> findings,
      Map<String, String> sourceOf,
      Set<String> completeSources) {
    return record(store, runId, now, findings, sourceOf, completeSources, Map.of());
  }

  /**
   * @param suppressedBy the exception that covers a finding, by fingerprint (each covers until a
   *     year after {@code now})
   */
  static Lifecycle.Night record(
      StateStore store,
      String runId,
      Instant now,
      List<Finding> findings,
      Map<String, String> sourceOf,
      Set<String> completeSources,
      Map<String, String> suppressedBy) {
    Map<AccountKey, String> sourceOfAccount = new HashMap<>();
    for (Finding f : findings) {
      sourceOfAccount.put(f.account(), sourceOf.getOrDefault(f.fingerprint(), ""));
    }
    List<RiskException> exceptions = new ArrayList<>();
    LocalDate until = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).plusYears(1);
    suppressedBy.forEach(
        (fingerprint, id) ->
            exceptions.add(
                new RiskException(
                    id,
                    fingerprint,
                    null,
                    null,
                    "owner@example.test",
                    "accepted for the test",
                    "approver@example.test",
                    until)));
    Map<String, FindingState> before = store.findingStates();
    Lifecycle.Night night =
        Lifecycle.advance(
            before,
            new Lifecycle.Tonight(
                runId,
                now,
                findings,
                sourceOfAccount,
                completeSources,
                new ExceptionsFile(exceptions)));
    store.recordFindings(runId, before, night);
    return night;
  }

  /** A dormant-account finding of the IAM user {@code name}, with the evidence given. */
  static Finding dormant(String name, List<String> personIds, List<Evidence> evidence) {
    AccountKey key = new AccountKey(SourceSystem.AWS_IAM, "111122223333", "AIDA" + name);
    return new Finding(
        Finding.fingerprintOf("dormant-account", key),
        "dormant-account",
        "Dormant account",
        Severity.HIGH,
        key,
        name,
        personIds,
        name + " has not signed in.",
        evidence,
        List.of(),
        "disable it");
  }
}
