package dev.rollcall.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.Finding;
import dev.rollcall.model.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportRendererTest {
  private static final Pattern ROW =
      Pattern.compile("<details class=\"finding\" id=\"([a-z-]+)-([0-9a-f]+)\"[^>]*>");

  /** A run with every section filled: new, open, resolved, suppressed, not re-checked, trend. */
  static RunReport fullRun() {
    List<TrendPoint> trend = new ArrayList<>();
    for (int day = 1; day <= 3; day++) {
      trend.add(
          new TrendPoint(
              "run-" + day,
              Instant.parse("2026-11-" + (17 + day) + "T06:00:00Z"),
              Map.of(Severity.CRITICAL, day - 1, Severity.HIGH, 3, Severity.MEDIUM, 4 - day)));
    }
    return Reports.with(
        Reports.run(
            List.of(Reports.LEAVER, Reports.NO_MFA, Reports.HOSTILE),
            List.of(Reports.AWS_PULL, Reports.GOOGLE_PULL, Reports.ATLAS_PULL)),
        List.of(
            Reports.resolved(Reports.UNOWNED),
            Reports.resolved(Reports.DORMANT_AWS),
            Reports.notRechecked(
                Reports.FORMULA, "atlas/" + Reports.ORG, Instant.parse("2026-11-19T06:00:00Z"))),
        List.of(),
        trend);
  }

  /**
   * {@code report} with {@code finding} seen tonight and covered by {@link Reports#EXCEPTION} (in
   * place of where it stood), and an exception notice.
   */
  static RunReport withSuppressed(RunReport report, Finding finding) {
    RunReport without =
        new RunReport(
            report.runId(),
            report.startedAt(),
            report.finishedAt(),
            report.version(),
            report.profile(),
            report.organisation(),
            report.sources(),
            report.findings().stream()
                .filter(t -> !t.fingerprint().equals(finding.fingerprint()))
                .toList(),
            report.accountsAudited(),
            report.peopleInDirectory(),
            report.failOn(),
            report.exceptionNotices(),
            report.trend());
    return Reports.with(
        without,
        List.of(Reports.suppressed(finding, Reports.EXCEPTION)),
        List.of("exception EX-2026-001 expired on 2026-11-01"),
        report.trend());
  }

  /** The fingerprints listed in one section, in page order. */
  static List<String> rowsOf(String html, String section) {
    List<String> fingerprints = new ArrayList<>();
    Matcher m = ROW.matcher(sectionOf(html, section));
    while (m.find()) {
      assertEquals(section, m.group(1), "a row's id names its section");
      fingerprints.add(m.group(2));
    }
    return fingerprints;
  }

  static String sectionOf(String html, String id) {
    int start = html.indexOf("<section id=\"" + id + "\"");
    assertTrue(start >= 0, "section " + id + " is missing");
    return html.substring(start, html.indexOf("</section>", start));
  }

  private static List<String> fingerprints(Finding... findings) {
    return java.util.Arrays.stream(findings).map(Finding::fingerprint).toList();
  }

  @Test
  void theSectionsComeInTriageOrder() {
    String html = HtmlReportRenderer.render(fullRun());

    List<Integer> positions = new ArrayList<>();
    for (String id :
        List.of(
            "sources",
            "summary",
            "filters",
            "new",
            "open",
            "resolved",
            "suppressed",
            "not-rechecked")) {
      int at = html.indexOf(" id=\"" + id + "\"");
      assertTrue(at >= 0, id + " is missing");
      positions.add(at);
    }
    assertEquals(positions.stream().sorted().toList(), positions, "sections out of order");
    assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, 40));
  }

  @Test
  void newFindingsComeFirstThenTheOpenOnesMostSevereFirst() {
    RunReport report = Reports.run();
    String html = HtmlReportRenderer.render(report);

    assertEquals(fingerprints(Reports.LEAVER, Reports.NO_MFA), rowsOf(html, "new"));
    assertEquals(
        fingerprints(Reports.HOSTILE, Reports.DORMANT_AWS, Reports.FORMULA, Reports.UNOWNED),
        rowsOf(html, "open"));
    assertEquals(List.of(), rowsOf(html, "resolved"));
    assertTrue(sectionOf(html, "resolved").contains("This run resolved nothing."));
  }

  @Test
  void resolvedSuppressedAndNotRecheckedFindingsHaveTheirOwnSections() {
    RunReport report = withSuppressed(fullRun(), Reports.HOSTILE);
    String html = HtmlReportRenderer.render(report);

    assertEquals(fingerprints(Reports.DORMANT_AWS, Reports.UNOWNED), rowsOf(html, "resolved"));
    assertEquals(fingerprints(Reports.HOSTILE), rowsOf(html, "suppressed"));
    assertEquals(fingerprints(Reports.FORMULA), rowsOf(html, "not-rechecked"));
    String suppressed = sectionOf(html, "suppressed");
    assertTrue(suppressed.contains("Exception EX-2026-014, owner olivia.grant@meridian.example"));
    assertTrue(suppressed.contains("until 2027-03-31: break-glass &lt;b&gt;access&lt;/b&gt;"));
    assertTrue(
        sectionOf(html, "not-rechecked")
            .contains("source atlas/" + Reports.ORG + " was not fully read; last seen 2026-11-19"));
    assertTrue(sectionOf(html, "exception-notices").contains("EX-2026-001 expired"));
  }

  @Test
  void eachFindingExpandsToItsEvidencePolicyAndFix() {
    String html = HtmlReportRenderer.render(Reports.run());
    String leaver = rowHtml(html, "new", Reports.LEAVER);

    assertTrue(leaver.contains("data-severity=\"critical\""), leaver);
    assertTrue(leaver.contains("data-system=\"aws_iam\""), leaver);
    assertTrue(leaver.contains("data-rule=\"access-left-after-termination\""), leaver);
    assertTrue(leaver.contains("data-person=\"olivia.grant@meridian.example\""), leaver);
    assertTrue(leaver.contains("<th>person status</th><td>TERMINATED since 2026-10-31</td>"));
    assertTrue(
        leaver.contains(
            "<strong>System Access Policy §7.2.9</strong>: Access ends on the last day of work."));
    assertTrue(leaver.contains("<strong>HIPAA 164.308(a)(3)(ii)(C)</strong>"));
    assertTrue(leaver.contains("<pre class=\"fix\">Disable olivia.grant in AWS IAM.</pre>"));
    assertTrue(rowHtml(html, "open", Reports.UNOWNED).contains("data-person=\"unowned\""));
  }

  @Test
  void everythingFromOutsideIsEscaped() {
    String html = HtmlReportRenderer.render(withSuppressed(fullRun(), Reports.HOSTILE));

    assertFalse(html.contains("<script>alert(1)</script>"), "a source's text ran as script");
    assertTrue(html.contains("evil | &lt;script&gt;alert(1)&lt;/script&gt;"));
    assertEquals(1, html.split("<script>", -1).length - 1, "only the page's own script");
    assertTrue(html.contains("users.json: HTTP 401 &lt;unauthorized&gt; | retry_later"));
    assertTrue(
        html.contains("Shared name, &quot;admin&quot;-like")
            || html.contains("Shared name, &#34;admin&#34;-like"),
        "quotes in text are escaped too");
    // An attribute carries the hostile name as data, still escaped.
    assertTrue(
        html.contains("data-account=\"evil | &lt;script&gt;alert(1)&lt;/script&gt;\""),
        "data-account");
  }

  @Test
  void thePageIsSelfContained() {
    String html = HtmlReportRenderer.render(withSuppressed(fullRun(), Reports.HOSTILE));

    assertFalse(
        Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:|//)").matcher(html).find(),
        "a src or href reaches out");
    assertFalse(Pattern.compile("(?i)\\ssrc\\s*=").matcher(html).find(), "nothing is loaded");
    assertFalse(Pattern.compile("(?i)<link\\b|@import|url\\(").matcher(html).find());
    assertFalse(Pattern.compile("(?i)https?://").matcher(html).find(), html);
    assertTrue(html.contains("default-src 'none'"), "the page forbids itself any fetch");
  }

  @Test
  void countsBySeverityAndTheTrend() {
    String html = HtmlReportRenderer.render(fullRun());
    String summary = sectionOf(html, "summary");

    assertTrue(summary.contains("data-count=\"4\">4 open findings"), summary);
    assertTrue(summary.contains("data-count=\"1\">1 of them kept open, not re-checked"), summary);
    assertTrue(summary.contains("data-count=\"2\">2 new"), summary);
    assertTrue(
        summary.contains(
            "<tr data-severity=\"critical\"><td><span class=\"sev sev-critical\">critical</span>"
                + "</td><td class=\"num open\">1</td><td class=\"num fresh\">1</td></tr>"),
        summary);
    assertTrue(summary.contains("<tr data-severity=\"high\"><td><span class=\"sev sev-high\">"));
    assertTrue(summary.contains("<figure id=\"trend\" data-points=\"3\">"), summary);
    assertTrue(summary.contains("data-severity=\"critical\" data-last=\"2\""), summary);
    assertTrue(summary.contains("data-severity=\"high\" data-last=\"3\""), summary);
    assertTrue(summary.contains("data-severity=\"medium\" data-last=\"1\""), summary);
    assertFalse(summary.contains("data-severity=\"low\" data-last"), "no line for all-zero");
    assertEquals(9, summary.split("<circle ", -1).length - 1, "a dot per run per line");
    assertTrue(summary.contains("2026-11-18 06:00 UTC (run run-1): 0 open critical"), summary);
  }

  @Test
  void anEmptyRunSaysSo() {
    String html = HtmlReportRenderer.render(Reports.clean());

    for (String section : List.of("new", "open", "resolved", "suppressed", "not-rechecked")) {
      assertEquals(List.of(), rowsOf(html, section), section);
    }
    assertTrue(sectionOf(html, "new").contains("Nothing new since the last run."));
    assertTrue(html.contains("data-count=\"0\">0 open findings"));
    assertFalse(html.contains("not re-checked</span>"), "nothing kept open unchecked");
    assertTrue(sectionOf(html, "summary").contains("No run history yet."));
    assertFalse(html.contains("sources-warning"), "every source was complete");
  }

  @Test
  void aFailedSourceIsShownFirstAndLoudly() {
    String html = HtmlReportRenderer.render(Reports.run());
    String sources = sectionOf(html, "sources");

    assertTrue(sources.contains("id=\"sources-warning\""), sources);
    int failed = sources.indexOf("data-status=\"failed\"");
    int partial = sources.indexOf("data-status=\"partial\"");
    int complete = sources.indexOf("data-status=\"complete\"");
    assertTrue(0 < failed && failed < partial && partial < complete, sources);
    assertTrue(
        sources.contains(
            "<td><span class=\"status\">failed</span><div class=\"error\">users.json: HTTP 401"),
        sources);
    assertTrue(sources.contains("<strong>7 accounts audited</strong> in 3 sources"), sources);
  }

  @Test
  void theFiltersOfferTheValuesOnThePage() {
    String html = HtmlReportRenderer.render(fullRun());
    String filters = sectionlessForm(html);

    assertTrue(filters.contains("<option value=\"aws\">aws (every kind)</option>"), filters);
    assertTrue(filters.contains("<option value=\"aws_iam\">AWS IAM</option>"), filters);
    assertTrue(filters.contains("<option value=\"atlas_database\">"), filters);
    assertTrue(
        filters.contains("<option value=\"dormant-account\">dormant-account: Dormant account"));
  }

  @Test
  void aTrendPointRefusesNegativeCounts() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new TrendPoint("r", Reports.STARTED, Map.of(Severity.HIGH, -1)));
    assertTrue(e.getMessage().contains("trend point r: open HIGH"), e.getMessage());
  }

  private static String sectionlessForm(String html) {
    int start = html.indexOf("<form id=\"filters\"");
    return html.substring(start, html.indexOf("</form>", start));
  }

  private static String rowHtml(String html, String section, Finding finding) {
    String body = sectionOf(html, section);
    int start = body.indexOf("id=\"" + section + "-" + finding.fingerprint() + "\"");
    assertTrue(start >= 0, finding.ruleId() + " not in " + section);
    return body.substring(body.lastIndexOf("<details", start), body.indexOf("</details>", start));
  }

  @Test
  void thePeopleSectionShowsTheFirstPeopleAndUnownedAccountsAndSaysWhereTheRestAre() {
    List<dev.rollcall.reports.review.InventoryRow> rows = new java.util.ArrayList<>();
    int many = HtmlPage.PEOPLE_SHOWN + 5;
    for (int i = 0; i < many; i++) {
      rows.add(
          row(
              String.format("p%05d@example.test", i),
              "aws_iam:1:p" + i,
              List.of("dormant-account")));
      rows.add(row("", "aws_iam:1:bot" + i, List.of("unowned-account")));
    }
    // A person without findings who has not left: not a card.
    rows.add(row("quiet@example.test", "aws_iam:1:quiet", List.of()));
    String html =
        HtmlReportRenderer.render(
            Reports.run(),
            new dev.rollcall.reports.review.AccessInventory(rows, Map.of(), List.of()));
    assertEquals(HtmlPage.PEOPLE_SHOWN, html.split("<details class=\"person\"", -1).length - 1);
    assertTrue(
        html.contains("People (" + many + ") and unowned accounts (" + many + ")"), "totals");
    assertTrue(
        html.contains("id=\"people-more\">The first " + HtmlPage.PEOPLE_SHOWN + " of " + many),
        "people");
    assertTrue(
        html.contains("id=\"unowned-more\">The first " + HtmlPage.PEOPLE_SHOWN + " of " + many),
        "unowned");
    assertTrue(html.contains("data-person=\"p00000@example.test\""), "the first in order");
    assertTrue(
        !html.contains("data-person=\"quiet@example.test\""), "nobody without findings or leave");
    java.io.ByteArrayOutputStream streamed = new java.io.ByteArrayOutputStream();
    try {
      HtmlReportRenderer.write(
          Reports.run(),
          new dev.rollcall.reports.review.AccessInventory(rows, Map.of(), List.of()),
          streamed);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertEquals(
        html,
        streamed.toString(java.nio.charset.StandardCharsets.UTF_8),
        "the streamed page is the same");
  }

  private static dev.rollcall.reports.review.InventoryRow row(
      String person, String account, List<String> findings) {
    return new dev.rollcall.reports.review.InventoryRow(
        person,
        "",
        "",
        "aws_iam",
        "1",
        account,
        account,
        "human",
        "active",
        List.of(),
        "never",
        "not enabled",
        findings,
        person.isEmpty() ? "" : "mapping_file: mapping.csv line 2");
  }
}
