package dev.rollcall.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.Finding;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourcePull;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunReportTest {

  @Test
  void copiesItsCollections() {
    List<Finding> findings = new ArrayList<>(Reports.FINDINGS);
    List<SourcePull> sources = new ArrayList<>(List.of(Reports.AWS_PULL));
    Set<String> fresh = new HashSet<>(Set.of(Reports.LEAVER.fingerprint()));
    RunReport report = report(findings, sources, fresh);

    findings.clear();
    sources.clear();
    fresh.clear();

    assertEquals(Reports.FINDINGS.size(), report.findings().size());
    assertEquals(1, report.sources().size());
    assertTrue(report.isNew(Reports.LEAVER));
    assertFalse(report.isNew(Reports.UNOWNED));
    assertThrows(UnsupportedOperationException.class, () -> report.findings().clear());
  }

  @Test
  void ordersFindingsBySeverityThenRuleThenAccount() {
    assertEquals(Reports.REPORT_ORDER, Reports.run().findingsInReportOrder());
    assertEquals(Reports.FINDINGS, Reports.run().findings());
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
                    Set.of(),
                    0,
                    0,
                    Severity.HIGH));
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
                    Set.of(),
                    0,
                    0,
                    null));
    assertTrue(noFailOn.getMessage().contains("failOn"), noFailOn.getMessage());

    assertThrows(
        NullPointerException.class,
        () -> report(Arrays.asList(Reports.LEAVER, null), List.of(), Set.of()));
    assertThrows(NullPointerException.class, () -> report(null, List.of(), Set.of()));
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
                    Set.of(),
                    -1,
                    0,
                    Severity.HIGH));
    assertTrue(e.getMessage().contains("accountsAudited"), e.getMessage());
  }

  private static RunReport report(
      List<Finding> findings, List<SourcePull> sources, Set<String> fresh) {
    return new RunReport(
        "run",
        Reports.STARTED,
        Reports.FINISHED,
        "0.1.0",
        "hipaa",
        "Org",
        sources,
        findings,
        fresh,
        3,
        2,
        Severity.HIGH);
  }
}
