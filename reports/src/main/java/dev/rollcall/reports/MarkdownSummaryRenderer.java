package dev.rollcall.reports;

import dev.rollcall.model.Evidence;
import dev.rollcall.model.Finding;
import dev.rollcall.model.PolicyClause;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourcePull;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders summary.md: sources not fully checked first, counts by severity and rule, then every
 * finding, most severe first and new ones first within a severity, with evidence, clauses and fix.
 * Values from sources are escaped so that an account name cannot break a table or inject HTML.
 */
public final class MarkdownSummaryRenderer {
  private MarkdownSummaryRenderer() {}

  public static String render(RunReport report) {
    StringBuilder b = new StringBuilder();
    b.append("# rollcall: ").append(escape(report.organisation())).append("\n\n");
    b.append("Run `")
        .append(report.runId())
        .append("`, finished ")
        .append(report.finishedAt())
        .append(", profile ")
        .append(escape(report.profile()))
        .append(", rollcall ")
        .append(escape(report.version()))
        .append(".\n\n");
    b.append(report.accountsAudited())
        .append(" accounts audited across ")
        .append(report.sources().size())
        .append(" sources; ")
        .append(report.peopleInDirectory())
        .append(" people in the directory.\n\n");

    List<SourcePull> unchecked =
        report.sources().stream().filter(s -> s.status() != PullStatus.COMPLETE).toList();
    if (!unchecked.isEmpty()) {
      b.append("## ⚠ Sources not fully checked\n\n");
      b.append("Findings of these sources are neither resolved nor trusted complete this run.\n\n");
      for (SourcePull s : unchecked) {
        b.append("- **").append(escape(s.source())).append("**: ").append(lower(s.status().name()));
        for (String e : s.errors()) {
          b.append("\n  - ").append(escape(e));
        }
        b.append('\n');
      }
      b.append('\n');
    }

    b.append(
        "## Sources\n\n| source | status | accounts | data captured |\n| --- | --- | ---: | --- |\n");
    for (SourcePull s : report.sources()) {
      b.append("| ")
          .append(escape(s.source()))
          .append(" | ")
          .append(lower(s.status().name()))
          .append(" | ")
          .append(s.accounts())
          .append(" | ")
          .append(s.observedAt())
          .append(" |\n");
    }
    b.append('\n');

    if (report.findings().isEmpty()) {
      b.append("## Findings\n\nNo findings: every account audited meets the policy profile.\n");
      return b.toString();
    }
    Counts counts = Counts.of(report);
    b.append("## Findings by severity\n\n| severity | findings | new |\n| --- | ---: | ---: |\n");
    for (Map.Entry<Severity, int[]> e : counts.bySeverity().entrySet()) {
      b.append("| ")
          .append(lower(e.getKey().name()))
          .append(" | ")
          .append(e.getValue()[0])
          .append(" | ")
          .append(e.getValue()[1])
          .append(" |\n");
    }
    b.append("\n## Findings by rule\n\n| rule | findings | new |\n| --- | ---: | ---: |\n");
    for (Map.Entry<String, int[]> e : counts.byRule().entrySet()) {
      b.append("| `")
          .append(e.getKey())
          .append("` | ")
          .append(e.getValue()[0])
          .append(" | ")
          .append(e.getValue()[1])
          .append(" |\n");
    }
    b.append('\n');

    List<Finding> ordered = new ArrayList<>(report.findings());
    ordered.sort(
        Comparator.comparing(Finding::severity)
            .reversed()
            .thenComparing(f -> !report.isNew(f))
            .thenComparing(Finding::ruleId)
            .thenComparing(f -> f.account().id()));
    Severity current = null;
    for (Finding f : ordered) {
      if (f.severity() != current) {
        current = f.severity();
        b.append("## ").append(capitalise(current.name())).append("\n\n");
      }
      b.append("### ")
          .append(report.isNew(f) ? "NEW " : "")
          .append(escape(f.title()))
          .append(": ")
          .append(escape(f.accountName()))
          .append("\n\n");
      b.append("- **Account**: ")
          .append(escape(f.account().system().label()))
          .append(", ")
          .append(escape(f.account().tenant()))
          .append(", ")
          .append(escape(f.accountName()))
          .append('\n');
      b.append("- **People**: ")
          .append(f.personIds().isEmpty() ? "nobody" : escape(String.join(", ", f.personIds())))
          .append('\n');
      b.append("- **What**: ").append(escape(f.summary())).append('\n');
      b.append("- **Evidence**:\n");
      for (Evidence e : f.evidence()) {
        b.append("  - ")
            .append(escape(e.label()))
            .append(": ")
            .append(escape(e.value()))
            .append('\n');
      }
      b.append("- **Breaks**:\n");
      for (PolicyClause c : f.clauses()) {
        b.append("  - ")
            .append(escape(c.reference()))
            .append(": ")
            .append(escape(c.text()))
            .append('\n');
      }
      b.append("- **Fix**: ").append(escape(f.remediation())).append("\n\n");
    }
    return b.toString();
  }

  /** Escapes what Markdown or HTML would interpret in text that came from a source. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '\n', '\r' -> out.append(' ');
        case '\\', '`', '*', '_', '[', ']', '|', '#', '!' -> out.append('\\').append(c);
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  private static String capitalise(String text) {
    return text.charAt(0) + text.substring(1).toLowerCase(Locale.ROOT);
  }
}
