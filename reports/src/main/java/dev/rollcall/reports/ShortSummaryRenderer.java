package dev.rollcall.reports;

import dev.rollcall.model.Finding;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.TrackedFinding;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Renders summary-short.md: a run in a few lines for a chat message or a ticket, always under
 * {@link #LIMIT} characters however large the run. It uses only what Markdown, Slack's mrkdwn,
 * Mattermost and Teams all show the same way: plain lines, "- " bullets and code spans, no tables,
 * headings or emphasis; {@code &}, {@code <} and {@code >} are escaped as Slack requires, so a name
 * from a source can neither mention {@code <!channel>} nor forge a link.
 */
public final class ShortSummaryRenderer {
  /** The most characters the summary ever has: under Slack's 3,000 of a text block. */
  public static final int LIMIT = 2_900;

  static final int MAX_SOURCES = 5;
  static final int MAX_NEW = 8;
  private static final int MAX_NAME = 80;

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private ShortSummaryRenderer() {}

  /** The summary, ending with a newline, at most {@link #LIMIT} characters. */
  public static String render(RunReport report) {
    List<String> head = new ArrayList<>();
    head.add(
        "rollcall: "
            + clip(report.organisation())
            + ", "
            + MINUTE.format(report.startedAt())
            + " (run `"
            + clip(report.runId())
            + "`)");
    head.addAll(sources(report));
    head.add("");
    head.addAll(counts(report));

    List<TrackedFinding> fresh = report.open().stream().filter(t -> t.status().fresh()).toList();
    List<String> lines = new ArrayList<>();
    for (TrackedFinding t : fresh) {
      lines.add(findingLine(t.finding()));
    }
    int shown = Math.min(MAX_NEW, lines.size());
    String text = compose(head, lines, shown, fresh.size());
    // Names are clipped and the lists bounded, so this only trims in pathological runs; it keeps
    // the limit a guarantee rather than an estimate.
    while (text.length() > LIMIT && shown > 0) {
      shown--;
      text = compose(head, lines, shown, fresh.size());
    }
    if (text.length() > LIMIT) {
      text = text.substring(0, LIMIT - 2) + "…\n";
    }
    return text;
  }

  /** The summary as UTF-8 bytes. */
  public static byte[] renderBytes(RunReport report) {
    return render(report).getBytes(StandardCharsets.UTF_8);
  }

  private static String compose(List<String> head, List<String> lines, int shown, int fresh) {
    StringBuilder b = new StringBuilder();
    head.forEach(l -> b.append(l).append('\n'));
    if (fresh > 0) {
      b.append('\n').append(shown == fresh ? "New findings:" : "Top new findings:").append('\n');
      lines.subList(0, shown).forEach(l -> b.append(l).append('\n'));
      if (fresh > shown) {
        b.append("- and ").append(fresh - shown).append(" more new\n");
      }
    }
    b.append("\nEvery finding with its evidence and fix: summary.md and findings.json.\n");
    return b.toString();
  }

  private static List<String> sources(RunReport report) {
    List<SourcePull> unchecked =
        report.sources().stream()
            .filter(s -> s.status() != PullStatus.COMPLETE)
            .sorted(
                Comparator.comparing((SourcePull s) -> s.status() == PullStatus.FAILED ? 0 : 1)
                    .thenComparing(SourcePull::source))
            .toList();
    List<String> lines = new ArrayList<>();
    if (unchecked.isEmpty()) {
      lines.add("Every source fully checked (" + report.sources().size() + ").");
      return lines;
    }
    lines.add(
        "⚠ "
            + unchecked.size()
            + " of "
            + report.sources().size()
            + " sources not fully checked (their findings are neither resolved nor complete):");
    for (SourcePull s : unchecked.subList(0, Math.min(MAX_SOURCES, unchecked.size()))) {
      lines.add(
          "- `"
              + clip(s.source())
              + "` "
              + s.status().name().toLowerCase(Locale.ROOT)
              + (s.errors().isEmpty() ? "" : ": " + clip(s.errors().get(0))));
    }
    if (unchecked.size() > MAX_SOURCES) {
      lines.add("- and " + (unchecked.size() - MAX_SOURCES) + " more");
    }
    return lines;
  }

  private static List<String> counts(RunReport report) {
    Counts counts = Counts.of(report);
    StringBuilder total = new StringBuilder().append("Findings: ").append(counts.line());
    total.append('.');
    StringJoiner bySeverity = new StringJoiner(" · ");
    for (Map.Entry<Severity, Counts.Tally> e : counts.bySeverity().entrySet()) {
      if (e.getValue().findings() > 0) {
        bySeverity.add(
            e.getKey().name().toLowerCase(Locale.ROOT)
                + " "
                + e.getValue().findings()
                + " ("
                + e.getValue().fresh()
                + " new)");
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(total.toString());
    if (counts.total().findings() > 0) {
      lines.add(bySeverity.toString());
    }
    return lines;
  }

  private static String findingLine(Finding f) {
    return "- "
        + f.severity().name().toLowerCase(Locale.ROOT)
        + ": "
        + clip(f.title())
        + ": "
        + clip(f.accountName())
        + " ("
        + f.account().system().label()
        + ", "
        + clip(f.account().tenant())
        + ")";
  }

  /** One line of at most {@link #MAX_NAME} characters, escaped for Slack and Markdown. */
  static String clip(String text) {
    String oneLine = dev.rollcall.model.Text.visible(text).replaceAll(" {2,}", " ").strip();
    if (oneLine.length() > MAX_NAME) {
      oneLine = oneLine.substring(0, MAX_NAME - 1) + "…";
    }
    return oneLine.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
