package dev.rollcall.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownSummaryRendererTest {
  private final String md = MarkdownSummaryRenderer.render(Reports.run());

  private int at(String text) {
    int index = md.indexOf(text);
    assertTrue(index >= 0, "missing: " + text + "\n" + md);
    return index;
  }

  @Test
  void titlesTheOrganisationAndTheRunTime() {
    assertTrue(md.startsWith("# rollcall: Meridian Health, 2026-11-20 06:00 UTC\n"), md);
    at("7 accounts audited** in 3 sources; 5 people in the directory.");
  }

  @Test
  void warnsFirstAboutSourcesNotFullyChecked() {
    int warning = at(MarkdownSummaryRenderer.UNCHECKED_HEADING);
    int failed = at("- **atlas/" + Reports.ORG + "** (MongoDB Atlas organisation): **FAILED**");
    int partial = at("- **google/" + Reports.DOMAIN + "** (Google Workspace): **PARTIAL**");
    assertTrue(warning < failed && failed < partial, md);
    at("  - users.json: HTTP 401 &lt;unauthorized&gt; \\| retry\\_later\n");
    at("  - users/page-2.json: truncated\n");
    assertTrue(partial < at("accounts audited**"), md);
    assertTrue(at("accounts audited**") < at("## Findings by severity"), md);
    // In the sources table too, the failed source comes first.
    assertTrue(at("| atlas/") < at("| google/") && at("| google/") < at("| aws/"), md);
  }

  @Test
  void saysNothingAboutSourcesWhenAllAreComplete() {
    String clean = MarkdownSummaryRenderer.render(Reports.clean());
    assertFalse(clean.contains("⚠"), clean);
  }

  @Test
  void countsBySeverityWithNewAndByRule() {
    at(
        "| critical | 1 | 1 |\n| high | 3 | 1 |\n| medium | 1 | 0 |\n| low | 1 | 0 |\n| info | 0 | 0 |");
    at("| **total** | 6 | 2 |");
    at("| dormant-account | Dormant account | 2 | 0 |");
    assertTrue(at("## Findings by severity") < at("## Findings by rule"), md);
  }

  @Test
  void groupsBySeverityHighestFirstAndNewFirstWithinAGroup() {
    int critical = at("## Critical (1 finding, 1 new)");
    int high = at("## High (3 findings, 1 new)");
    int medium = at("## Medium (1 finding, 0 new)");
    int low = at("## Low (1 finding, 0 new)");
    assertTrue(critical < high && high < medium && medium < low, md);
    assertFalse(md.contains("## Info"), md);

    List<String> headings = new ArrayList<>();
    md.lines().filter(l -> l.startsWith("### ")).forEach(headings::add);
    assertEquals(
        List.of(
            "### **NEW** Access left after termination: olivia.grant",
            "### **NEW** Interactive login without MFA: emma.stone@meridian.example",
            "### Dormant account: evil \\| &lt;script&gt;alert(1)&lt;/script&gt;",
            "### Dormant account: felix.braun",
            "### Generic account name: =cmd\\|' /C calc'\\!A0",
            "### Unowned account: build-bot"),
        headings);
  }

  @Test
  void showsEachFindingWithAccountPeopleEvidenceClausesAndFix() {
    int start = at("### **NEW** Access left after termination: olivia.grant");
    String block = md.substring(start, md.indexOf("### ", start + 4));
    assertTrue(
        block.contains("- **Account**: AWS IAM, tenant 111122223333, olivia.grant (AIDAOLIVIA)"),
        block);
    assertTrue(block.contains("- **People**: olivia.grant@meridian.example"), block);
    assertTrue(
        block.contains("- **What is wrong**: olivia.grant left on 2026-10-31 but can still"),
        block);
    assertTrue(block.contains("  - person status: TERMINATED since 2026-10-31\n"), block);
    assertTrue(
        block.contains("  - System Access Policy §7.2.9 — Access ends on the last day of work.\n"),
        block);
    assertTrue(block.contains("  - HIPAA 164.308(a)(3)(ii)(C) — Termination procedures.\n"), block);
    assertTrue(block.contains("- **Fix**: Disable olivia.grant in AWS IAM."), block);
    at("- **People**: nobody (unowned)");
  }

  @Test
  void escapesValuesFromSourcesSoTheyCannotBreakTablesOrInjectHtml() {
    assertFalse(md.contains("<script>"), md);
    assertFalse(md.contains("</script>"), md);
    at("evil \\| &lt;script&gt;alert(1)&lt;/script&gt;");
    // A summary's line break stays inside its bullet.
    at(
        "- **What is wrong**: Shared name, \"admin\"-like, used by several services and by people.\n");
    assertEquals(
        "a\\*b\\_c \\`d\\` \\[e\\](f) \\#g \\~h\\~ \\$i &amp; j\\\\ k l",
        MarkdownSummaryRenderer.escape("a*b_c `d` [e](f) #g ~h~ $i & j\\ k\nl"));
  }

  @Test
  void everyTableRowHasAsManyCellsAsItsHeader() {
    int headerPipes = -1;
    for (String line : md.lines().toList()) {
      if (!line.startsWith("|")) {
        headerPipes = -1;
        continue;
      }
      int pipes =
          line.replace("\\|", "").length() - line.replace("\\|", "").replace("|", "").length();
      if (headerPipes < 0) {
        headerPipes = pipes;
      }
      assertEquals(headerPipes, pipes, line);
    }
  }

  @Test
  void saysPlainlyWhenThereAreNoFindings() {
    String clean = MarkdownSummaryRenderer.render(Reports.clean());
    assertTrue(
        clean.contains("No findings: none of the 7 accounts audited breaks the policy profile.\n"),
        clean);
    assertFalse(clean.contains("## Findings by severity"), clean);
    assertFalse(clean.contains("### "), clean);

    String cleanButFailed =
        MarkdownSummaryRenderer.render(Reports.run(List.of(), List.of(Reports.ATLAS_PULL)));
    assertTrue(cleanButFailed.contains("this is not the whole roll"), cleanButFailed);
  }
}
