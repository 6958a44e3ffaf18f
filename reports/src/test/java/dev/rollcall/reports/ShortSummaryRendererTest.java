package dev.rollcall.reports;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.AccountKey;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.FailOn;
import dev.rollcall.model.Finding;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.TrackedFinding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShortSummaryRendererTest {

  @Test
  void saysCountsNewResolvedSourcesAndTheNewFindings() {
    String md =
        ShortSummaryRenderer.render(
            Reports.with(
                Reports.run(),
                List.of(
                    Reports.resolved(resolved(1)),
                    Reports.resolved(resolved(2)),
                    Reports.resolved(resolved(3)),
                    Reports.notRechecked(resolved(4), "atlas/" + Reports.ORG, Reports.CAPTURED)),
                List.of(),
                List.of()));

    assertTrue(md.startsWith("rollcall: Meridian Health, 2026-11-20 06:00 UTC (run `"), md);
    assertTrue(md.contains("⚠ 2 of 3 sources not fully checked"), md);
    // The failed source before the partial one, each with its first error, escaped for Slack.
    int failed = md.indexOf("- `atlas/" + Reports.ORG + "` failed: users.json: HTTP 401 &lt;");
    int partial = md.indexOf("- `google/" + Reports.DOMAIN + "` partial: users/page-2.json");
    assertTrue(failed > 0 && partial > failed, md);
    assertTrue(
        md.contains(
            "Findings: 7 open (2 new, 0 reopened, 1 not re-checked); 0 suppressed; 3 resolved"
                + " tonight.\n"),
        md);
    assertTrue(
        md.contains("critical 1 (1 new) · high 3 (1 new) · medium 1 (0 new) · low 2 (0 new)"), md);
    assertFalse(md.contains("info 0"), md);
    assertTrue(
        md.contains(
            "New findings:\n"
                + "- critical: Access left after termination: olivia.grant (AWS IAM, 111122223333)\n"
                + "- high: Interactive login without MFA: emma.stone@meridian.example"
                + " (Google Workspace, meridian.example)\n"),
        md);
    assertFalse(md.contains("Dormant account"), "only new findings are listed: " + md);
    assertFalse(md.contains("|") && md.contains("---"), "no tables: " + md);
  }

  @Test
  void aCleanRunSaysSoInTwoLines() {
    String md = ShortSummaryRenderer.render(Reports.clean());

    assertTrue(md.contains("Every source fully checked (1).\n"), md);
    assertTrue(
        md.contains(
            "Findings: 0 open (0 new, 0 reopened, 0 not re-checked); 0 suppressed; 0 resolved"
                + " tonight.\n"),
        md);
    assertFalse(md.contains("new findings:"), md);
  }

  @Test
  void escapesNamesSoTheyCannotMentionOrLink() {
    Finding mention =
        finding(
            0,
            Severity.HIGH,
            "<!channel> & <https://evil.example|click>\nsecond line " + "y".repeat(500),
            "Dormant account");
    RunReport report =
        run(List.of(mention), Set.of(mention.fingerprint()), List.of(Reports.AWS_PULL), 0);

    String md = ShortSummaryRenderer.render(report);

    assertFalse(md.contains("<"), md);
    assertTrue(md.contains("&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt; second"), md);
    assertTrue(md.contains("second line yyy"), md);
    assertFalse(md.contains("y".repeat(100)), "names are clipped: " + md);
    assertTrue(md.contains("y… (AWS IAM, 111122223333)"), md);
  }

  @Test
  void aHugeRunStaysUnderTheLimitAndSaysHowManyMore() {
    List<Finding> findings = new ArrayList<>();
    Set<String> fresh = new HashSet<>();
    String longName = "account-with-a-very-long-name-".repeat(20);
    for (int i = 0; i < 50_000; i++) {
      Finding f = finding(i, Severity.values()[i % 5], longName + i, "Title ".repeat(40));
      findings.add(f);
      fresh.add(f.fingerprint());
    }
    List<SourcePull> sources = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      sources.add(
          new SourcePull(
              "aws/" + "9".repeat(200) + i,
              SourceSystem.AWS_IAM,
              "t" + i,
              PullStatus.FAILED,
              0,
              List.of("error ".repeat(300)),
              Reports.CAPTURED));
    }

    String md = ShortSummaryRenderer.render(run(findings, fresh, sources, 12_345));

    assertTrue(md.length() <= ShortSummaryRenderer.LIMIT, md.length() + "\n" + md);
    assertTrue(md.length() < 3_000);
    assertTrue(md.contains("⚠ 400 of 400 sources not fully checked"), md);
    assertTrue(md.contains("- and 395 more\n"), md);
    assertTrue(
        md.contains(
            "Findings: 50000 open (50000 new, 0 reopened, 0 not re-checked); 0 suppressed; 12345 resolved"),
        md);
    assertTrue(md.contains("Top new findings:\n- critical: "), md);
    int shown =
        (int) md.lines().filter(l -> l.matches("- (critical|high|medium|low|info): .*")).count();
    assertTrue(shown > 0 && shown <= ShortSummaryRenderer.MAX_NEW, md);
    assertTrue(md.contains("- and " + (50_000 - shown) + " more new\n"), md);
    assertTrue(md.endsWith("summary.md and findings.json.\n"), md);
  }

  private static RunReport run(
      List<Finding> findings, Set<String> fresh, List<SourcePull> sources, int resolved) {
    List<TrackedFinding> tracked = new ArrayList<>(Reports.tracked(findings, fresh, sources));
    for (int i = 0; i < resolved; i++) {
      tracked.add(Reports.resolved(resolved(i)));
    }
    return new RunReport(
        "run-1",
        Reports.STARTED,
        Reports.FINISHED,
        "0.1.0",
        "default",
        "Meridian Health",
        sources,
        tracked,
        findings.size(),
        10,
        FailOn.HIGH,
        List.of(),
        List.of());
  }

  private static Finding resolved(int i) {
    return finding(-1 - i, Severity.LOW, "gone-" + i, "Dormant account");
  }

  private static Finding finding(int i, Severity severity, String name, String title) {
    AccountKey key = new AccountKey(SourceSystem.AWS_IAM, Reports.AWS, "AIDA" + i);
    return new Finding(
        Finding.fingerprintOf("dormant-account", key),
        "dormant-account",
        title,
        severity,
        key,
        name,
        List.of(),
        "Not used.",
        List.of(new Evidence("last activity", "never")),
        List.of(),
        "Disable it.");
  }
}
