package dev.rollcall.reports;

import static dev.rollcall.model.FindingStatus.NEW;
import static dev.rollcall.model.FindingStatus.REOPENED;
import static dev.rollcall.model.FindingStatus.STILL_OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.AccountKey;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.FailOn;
import dev.rollcall.model.Finding;
import dev.rollcall.model.FindingStatus;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.TrackedFinding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunReportTest {

  @Test
  void copiesItsCollections() {
    List<SourcePull> sources = new ArrayList<>(List.of(Reports.AWS_PULL));
    Set<String> fresh = new HashSet<>(Set.of(Reports.LEAVER.fingerprint()));
    List<TrackedFinding> findings =
        new ArrayList<>(Reports.tracked(Reports.FINDINGS, fresh, sources));
    RunReport report = report(findings, sources);

    findings.clear();
    sources.clear();
    fresh.clear();

    assertEquals(Reports.FINDINGS.size(), report.findings().size());
    assertEquals(1, report.sources().size());
    assertEquals(List.of(Reports.LEAVER), findingsOf(report.with(FindingStatus.NEW)));
    assertEquals(FindingStatus.STILL_OPEN, statusOf(report, Reports.UNOWNED));
    assertThrows(UnsupportedOperationException.class, () -> report.findings().clear());
  }

  @Test
  void ordersFindingsBySeverityThenRuleThenAccount() {
    assertEquals(Reports.REPORT_ORDER, findingsOf(Reports.run().findings()));
    assertEquals(Reports.REPORT_ORDER, findingsOf(Reports.run().open()));
  }

  @Test
  void eachViewHoldsOnlyItsStatusesInReportOrderWhateverTheOrderGiven() {
    // In each view: severity ties broken by rule id, rule ties by account id.
    TrackedFinding critical = tracked(finding(Severity.CRITICAL, "z-rule", "O9"), STILL_OPEN);
    TrackedFinding highA = tracked(finding(Severity.HIGH, "a-rule", "O5"), NEW);
    TrackedFinding highB1 = tracked(finding(Severity.HIGH, "b-rule", "O1"), REOPENED);
    TrackedFinding highB2 = tracked(finding(Severity.HIGH, "b-rule", "O2"), NEW);
    TrackedFinding low = tracked(finding(Severity.LOW, "a-rule", "O0"), STILL_OPEN);
    TrackedFinding suppressedCritical =
        Reports.suppressed(finding(Severity.CRITICAL, "c-rule", "S3"), Reports.EXCEPTION);
    TrackedFinding suppressed1 =
        Reports.suppressed(finding(Severity.MEDIUM, "c-rule", "S1"), Reports.EXCEPTION);
    TrackedFinding suppressed2 =
        Reports.suppressed(finding(Severity.MEDIUM, "c-rule", "S2"), Reports.EXCEPTION);
    TrackedFinding resolvedHighD = Reports.resolved(finding(Severity.HIGH, "d-rule", "R3"));
    TrackedFinding resolvedHighE = Reports.resolved(finding(Severity.HIGH, "e-rule", "R2"));
    TrackedFinding resolvedLow = Reports.resolved(finding(Severity.LOW, "d-rule", "R1"));
    TrackedFinding notRecheckedA = notRechecked(finding(Severity.MEDIUM, "a-rule", "N3"));
    TrackedFinding notRecheckedF = notRechecked(finding(Severity.MEDIUM, "f-rule", "N2"));
    TrackedFinding notRecheckedInfo = notRechecked(finding(Severity.INFO, "f-rule", "N1"));
    List<TrackedFinding> inReportOrder =
        List.of(
            suppressedCritical,
            critical,
            highA,
            highB1,
            highB2,
            resolvedHighD,
            resolvedHighE,
            notRecheckedA,
            suppressed1,
            suppressed2,
            notRecheckedF,
            low,
            resolvedLow,
            notRecheckedInfo);

    List<List<TrackedFinding>> orders = new ArrayList<>();
    orders.add(inReportOrder);
    List<TrackedFinding> reversed = new ArrayList<>(inReportOrder);
    Collections.reverse(reversed);
    orders.add(reversed);
    for (long seed = 1; seed <= 5; seed++) {
      List<TrackedFinding> shuffled = new ArrayList<>(inReportOrder);
      Collections.shuffle(shuffled, new Random(seed));
      orders.add(shuffled);
    }
    for (List<TrackedFinding> given : orders) {
      RunReport report = report(given, List.of(Reports.AWS_PULL));
      String order = given.stream().map(t -> t.finding().account().nativeId()).toList().toString();

      assertEquals(inReportOrder, report.findings(), order);
      assertEquals(
          List.of(
              critical, highA, highB1, highB2, notRecheckedA, notRecheckedF, low, notRecheckedInfo),
          report.open(),
          order);
      assertEquals(
          List.of(suppressedCritical, suppressed1, suppressed2), report.suppressed(), order);
      assertEquals(List.of(resolvedHighD, resolvedHighE, resolvedLow), report.resolved(), order);
      assertEquals(
          List.of(notRecheckedA, notRecheckedF, notRecheckedInfo), report.notRechecked(), order);
      assertEquals(List.of(highA, highB2), report.with(NEW), order);
      assertEquals(List.of(highB1), report.with(REOPENED), order);
      assertEquals(List.of(critical, low), report.with(STILL_OPEN), order);
    }
  }

  @Test
  void rejectsMissingValuesNamingTheField() {
    NullPointerException noRunId =
        assertThrows(
            NullPointerException.class,
            () ->
                new RunReport(
                    null,
                    Reports.STARTED,
                    Reports.FINISHED,
                    "0.1.0",
                    "hipaa",
                    "Org",
                    List.of(),
                    List.of(),
                    0,
                    0,
                    FailOn.HIGH,
                    List.of(),
                    List.of()));
    assertEquals("run report: runId is required", noRunId.getMessage());

    NullPointerException noFailOn =
        assertThrows(
            NullPointerException.class,
            () ->
                new RunReport(
                    "run",
                    Reports.STARTED,
                    Reports.FINISHED,
                    "0.1.0",
                    "hipaa",
                    "Org",
                    List.of(),
                    List.of(),
                    0,
                    0,
                    null,
                    List.of(),
                    List.of()));
    assertTrue(noFailOn.getMessage().contains("failOn"), noFailOn.getMessage());

    List<TrackedFinding> withNull = Arrays.asList(tracked(Reports.LEAVER, FindingStatus.NEW), null);
    assertThrows(NullPointerException.class, () -> report(withNull, List.of()));
    assertThrows(NullPointerException.class, () -> report(null, List.of()));
  }

  @Test
  void rejectsNegativeCounts() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new RunReport(
                    "run",
                    Reports.STARTED,
                    Reports.FINISHED,
                    "0.1.0",
                    "hipaa",
                    "Org",
                    List.of(),
                    List.of(),
                    -1,
                    0,
                    FailOn.HIGH,
                    List.of(),
                    List.of()));
    assertTrue(e.getMessage().contains("accountsAudited"), e.getMessage());
  }

  private static Finding finding(Severity severity, String ruleId, String nativeId) {
    AccountKey key = new AccountKey(SourceSystem.AWS_IAM, Reports.AWS, nativeId);
    return new Finding(
        Finding.fingerprintOf(ruleId, key),
        ruleId,
        "Title of " + ruleId,
        severity,
        key,
        nativeId.toLowerCase(Locale.ROOT),
        List.of(),
        "Summary.",
        List.of(new Evidence("label", "value")),
        List.of(),
        "Fix it.");
  }

  private static TrackedFinding notRechecked(Finding f) {
    return Reports.notRechecked(f, Reports.AWS_PULL.source(), Reports.LAST_NIGHT);
  }

  private static TrackedFinding tracked(Finding f, FindingStatus status) {
    Instant firstSeen = status == NEW ? Reports.STARTED : Reports.OPENED;
    return new TrackedFinding(f, status, firstSeen, Reports.STARTED, null, "");
  }

  private static List<Finding> findingsOf(List<TrackedFinding> tracked) {
    return tracked.stream().map(TrackedFinding::finding).toList();
  }

  private static FindingStatus statusOf(RunReport report, Finding f) {
    return report.findings().stream()
        .filter(t -> t.finding() == f)
        .findFirst()
        .orElseThrow()
        .status();
  }

  private static RunReport report(List<TrackedFinding> findings, List<SourcePull> sources) {
    return new RunReport(
        "run",
        Reports.STARTED,
        Reports.FINISHED,
        "0.1.0",
        "hipaa",
        "Org",
        sources,
        findings,
        3,
        2,
        FailOn.HIGH,
        List.of(),
        List.of());
  }
}
