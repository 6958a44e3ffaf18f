package dev.rollcall.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.PolicyClause;
import dev.rollcall.model.TrackedFinding;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class ComplianceTest {
  private static final PolicyClause PASSWORDS =
      new PolicyClause("System Access Policy §6.1", "Passwords are 12 characters or more.");
  private static final PolicyClause REVIEWS =
      new PolicyClause("HITRUST CSF 01.e", "Access rights are reviewed at planned intervals.");

  private static final List<Control> CONTROLS =
      List.of(
          new Control(Reports.OFFBOARDING, List.of("access-after-termination"), List.of()),
          new Control(Reports.HIPAA, List.of("access-after-termination"), List.of()),
          new Control(Reports.MFA, List.of("interactive-login-without-mfa"), List.of()),
          new Control(Reports.DORMANCY, List.of("dormant-account"), List.of()),
          new Control(PASSWORDS, List.of("weak-password-policy"), List.of()),
          new Control(REVIEWS, List.of(), List.of("privileged-access-review")));

  @Test
  void aControlFailsOnAnOpenFindingOnlyAndAnAcceptedRiskIsCountedApart() {
    // The leaver is covered by an exception; MFA stays open; a dormant finding is kept open,
    // unchecked; the other dormant one is resolved; nothing cites the password clause.
    List<TrackedFinding> findings =
        List.of(
            Reports.suppressed(Reports.LEAVER, Reports.EXCEPTION),
            Reports.tracked(List.of(Reports.NO_MFA), Reports.NEW_FINGERPRINTS, List.of()).get(0),
            Reports.notRechecked(Reports.HOSTILE, "atlas/" + Reports.ORG, Reports.LAST_NIGHT),
            Reports.resolved(Reports.DORMANT_AWS));
    Map<String, Compliance.Result> results =
        byReference(report(findings, List.of(Reports.AWS_PULL)));
    assertEquals(Compliance.Verdict.PASS, results.get(Reports.OFFBOARDING.reference()).verdict());
    assertEquals(0, results.get(Reports.OFFBOARDING.reference()).breaking());
    assertEquals(1, results.get(Reports.OFFBOARDING.reference()).accepted());
    assertEquals(Compliance.Verdict.FAIL, results.get(Reports.MFA.reference()).verdict());
    assertEquals(1, results.get(Reports.MFA.reference()).breaking());
    // Kept open although not re-checked: it still breaks the control; the resolved one does not.
    assertEquals(Compliance.Verdict.FAIL, results.get(Reports.DORMANCY.reference()).verdict());
    assertEquals(1, results.get(Reports.DORMANCY.reference()).breaking());
    assertEquals(Compliance.Verdict.PASS, results.get(PASSWORDS.reference()).verdict());
    assertEquals(Compliance.Verdict.NOT_CHECKED, results.get(REVIEWS.reference()).verdict());
  }

  @Test
  void withASourceNotFullyReadNothingPassesThatNoFindingBreaks() {
    List<TrackedFinding> findings =
        Reports.tracked(List.of(Reports.NO_MFA), Reports.NEW_FINGERPRINTS, List.of());
    Map<String, Compliance.Result> results =
        byReference(report(findings, List.of(Reports.AWS_PULL, Reports.GOOGLE_PULL)));
    assertEquals(Compliance.Verdict.FAIL, results.get(Reports.MFA.reference()).verdict());
    assertEquals(Compliance.Verdict.UNVERIFIED, results.get(PASSWORDS.reference()).verdict());
    assertEquals(Compliance.Verdict.UNVERIFIED, results.get(Reports.HIPAA.reference()).verdict());
    assertEquals(Compliance.Verdict.NOT_CHECKED, results.get(REVIEWS.reference()).verdict());
  }

  @Test
  void everyOutputCarriesEveryControlWithTheSameVerdictAndCounts() throws Exception {
    List<TrackedFinding> findings = new ArrayList<>(Reports.run().findings());
    findings.add(Reports.suppressed(Reports.UNOWNED, Reports.EXCEPTION));
    RunReport report = report(findings, Reports.run().sources());
    List<Compliance.Result> results = Compliance.of(report);
    assertEquals(CONTROLS.size(), results.size());

    String csv = new String(ComplianceCsvRenderer.renderBytes(report), StandardCharsets.UTF_8);
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv))
            .getRecords();
    assertEquals(results.size(), rows.size());
    String md = MarkdownSummaryRenderer.render(report);
    String html = HtmlReportRenderer.render(report);
    for (int i = 0; i < results.size(); i++) {
      Compliance.Result r = results.get(i);
      CSVRecord row = rows.get(i);
      assertEquals(r.control().clause().reference(), row.get("reference"));
      assertEquals(r.control().clause().text(), row.get("clause"));
      assertEquals(r.verdict().label(), row.get("status"));
      assertEquals(r.breaking(), Integer.parseInt(row.get("breaking_findings")));
      assertEquals(r.accepted(), Integer.parseInt(row.get("accepted_findings")));
      assertEquals(String.join("; ", r.control().rules()), row.get("rules"));
      assertEquals(String.join("; ", r.control().rulesOff()), row.get("rules_off"));
      assertEquals("hipaa", row.get("profile"));
      String verdict = r.verdict() == Compliance.Verdict.FAIL ? "**fail**" : r.verdict().label();
      assertTrue(
          md.contains(
              "| "
                  + MarkdownSummaryRenderer.escape(r.control().clause().reference())
                  + " | "
                  + MarkdownSummaryRenderer.escape(r.control().clause().text())
                  + " | "
                  + verdict
                  + " | "
                  + r.breaking()
                  + " | "
                  + r.accepted()
                  + " |"),
          r + " in summary.md:\n" + md);
      assertTrue(
          html.contains(
              "data-status=\""
                  + r.verdict().label()
                  + "\" data-breaking=\""
                  + r.breaking()
                  + "\" data-accepted=\""
                  + r.accepted()
                  + "\"><td class=\"reference\">"
                  + r.control().clause().reference()
                  + "</td>"),
          r + " in report.html");
    }
    assertTrue(md.contains("## Controls (profile hipaa)"), md);
  }

  @Test
  void aRunWithoutControlsWritesAnEmptyRollUp() {
    String csv =
        new String(ComplianceCsvRenderer.renderBytes(Reports.run()), StandardCharsets.UTF_8);
    assertEquals(String.join(",", ComplianceCsvRenderer.HEADER) + "\r\n", csv);
    assertTrue(!MarkdownSummaryRenderer.render(Reports.run()).contains("## Controls"));
  }

  private static RunReport report(
      List<TrackedFinding> findings, List<dev.rollcall.model.SourcePull> sources) {
    RunReport r = Reports.report(findings, sources, List.of(), List.of());
    return new RunReport(
        r.runId(),
        r.startedAt(),
        r.finishedAt(),
        r.version(),
        r.profile(),
        r.organisation(),
        r.sources(),
        r.findings(),
        r.accountsAudited(),
        r.peopleInDirectory(),
        r.failOn(),
        r.exceptionNotices(),
        r.trend(),
        CONTROLS);
  }

  private static Map<String, Compliance.Result> byReference(RunReport report) {
    Map<String, Compliance.Result> results = new TreeMap<>();
    Compliance.of(report).forEach(r -> results.put(r.control().clause().reference(), r));
    return results;
  }
}
