package dev.rollcall.reports;

import dev.rollcall.model.Evidence;
import dev.rollcall.model.Finding;
import dev.rollcall.model.PolicyClause;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.TrackedFinding;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders summary.md for the people who act on a run: sources not fully checked first and loudly,
 * then counts by severity and by rule, then every finding, most severe first and new ones first
 * within a severity, with its account, people, evidence, policy clauses and fix. Every value that
 * came from a source is escaped, so an account name can neither break a table nor inject HTML.
 */
public final class MarkdownSummaryRenderer {
  static final String UNCHECKED_HEADING = "## ⚠ Sources not fully checked";
  static final String NEW_MARK = "**NEW**";
  static final String NOT_RECHECKED_MARK = "**NOT RE-CHECKED**";

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** Failed sources first, then partial ones, then complete ones; by name within each. */
  private static final Comparator<SourcePull> LOUDEST_FIRST =
      Comparator.comparing((SourcePull s) -> statusRank(s.status()))
          .thenComparing(SourcePull::source);

  private MarkdownSummaryRenderer() {}

  /** The document as a string. */
  public static String render(RunReport report) {
    StringWriter text = new StringWriter();
    write(report, text);
    return text.toString();
  }

  /**
   * Writes the document, a piece at a time: at a million accounts the findings alone are hundreds
   * of megabytes of Markdown, which need not be held whole.
   */
  public static void write(RunReport report, OutputStream out) throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    try {
      write(report, writer);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    writer.flush();
  }

  /**
   * What the document holds so far, moved to its writer each time it passes {@value #SPILL_AT}
   * characters and at the end.
   */
  private record Spill(StringBuilder b, Writer out) {
    void check() {
      if (b.length() >= SPILL_AT) {
        all();
      }
    }

    void all() {
      try {
        out.append(b);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      b.setLength(0);
    }
  }

  private static final int SPILL_AT = 1 << 16;

  private static void write(RunReport report, Writer out) {
    StringBuilder b = new StringBuilder();
    Spill spill = new Spill(b, out);
    header(report, b);
    sources(report, b);
    if (report.open().isEmpty()) {
      b.append("## Findings\n\n")
          .append("No findings: none of the ")
          .append(count(report.accountsAudited(), "account", "accounts"))
          .append(" audited breaks the policy profile.");
      if (report.sources().stream().anyMatch(s -> s.status() != PullStatus.COMPLETE)) {
        b.append(
            " Some sources were not fully checked (see above), so this is not the whole roll.");
      }
      b.append('\n');
      controls(report, b);
      resolved(report, spill);
      exceptions(report, b);
      spill.all();
      return;
    }
    Counts counts = Counts.of(report);
    severityTable(counts, b);
    ruleTable(report, counts, b);
    controls(report, b);
    findings(report, counts, spill);
    resolved(report, spill);
    exceptions(report, b);
    spill.all();
  }

  static final String CONTROLS_HEADING = "## Controls";

  /**
   * The compliance roll-up: every clause of the profile with its verdict, the open findings that
   * break it, the accepted risks citing it and its rules (those switched off in brackets).
   */
  private static void controls(RunReport report, StringBuilder b) {
    List<Compliance.Result> results = Compliance.of(report);
    if (results.isEmpty()) {
      return;
    }
    Map<Compliance.Verdict, Integer> tally = new EnumMap<>(Compliance.Verdict.class);
    results.forEach(r -> tally.merge(r.verdict(), 1, Integer::sum));
    b.append('\n')
        .append(CONTROLS_HEADING)
        .append(" (profile ")
        .append(escape(report.profile()))
        .append(")\n\n");
    StringBuilder line = new StringBuilder();
    for (Compliance.Verdict v : Compliance.Verdict.values()) {
      if (tally.containsKey(v)) {
        line.append(line.length() == 0 ? "" : ", ")
            .append(tally.get(v))
            .append(' ')
            .append(v.label());
      }
    }
    b.append(count(results.size(), "control", "controls")).append(": ").append(line).append(".");
    if (tally.containsKey(Compliance.Verdict.UNVERIFIED)) {
      b.append(" Unverified: no open finding breaks it, but a source was not fully read.");
    }
    if (tally.containsKey(Compliance.Verdict.NOT_CHECKED)) {
      b.append(" Not checked: no rule switched on in the profile checks it.");
    }
    b.append("\n\n| control | clause | status | breaking | accepted | rules |\n")
        .append("| --- | --- | --- | ---: | ---: | --- |\n");
    for (Compliance.Result r : results) {
      List<String> rules = new ArrayList<>(r.control().rules());
      r.control().rulesOff().forEach(id -> rules.add("(" + id + ", off)"));
      b.append("| ")
          .append(escape(r.control().clause().reference()))
          .append(" | ")
          .append(escape(r.control().clause().text()))
          .append(" | ")
          .append(r.verdict() == Compliance.Verdict.FAIL ? "**fail**" : r.verdict().label())
          .append(" | ")
          .append(r.breaking())
          .append(" | ")
          .append(r.accepted())
          .append(" | ")
          .append(escape(String.join(", ", rules)))
          .append(" |\n");
    }
  }

  /** The findings tonight resolved: open before, not found again on a fully checked source. */
  private static void resolved(RunReport report, Spill spill) {
    StringBuilder b = spill.b();
    List<TrackedFinding> resolved = report.resolved();
    if (resolved.isEmpty()) {
      return;
    }
    b.append("\n## Resolved tonight (")
        .append(count(resolved.size(), "finding", "findings"))
        .append(")\n\n");
    for (TrackedFinding t : resolved) {
      b.append("- `")
          .append(t.finding().ruleId())
          .append("` ")
          .append(escape(t.finding().accountName()))
          .append(" (")
          .append(escape(t.finding().account().system().label()))
          .append(" ")
          .append(escape(t.finding().account().tenant()))
          .append("): ")
          .append(lower(t.finding().severity()))
          .append(", open ")
          .append(days(t.daysOpen(report.startedAt())))
          .append(" since ")
          .append(t.firstSeen().toString(), 0, 10)
          .append(", last seen ")
          .append(minute(t.lastSeen()))
          .append(", fingerprint ")
          .append(escape(t.fingerprint()))
          .append('\n');
      spill.check();
    }
  }

  private static String days(long n) {
    return n + (n == 1 ? " day" : " days");
  }

  /** The exceptions that need attention, then the findings accepted risks cover. */
  private static void exceptions(RunReport report, StringBuilder b) {
    if (!report.exceptionNotices().isEmpty()) {
      b.append("\n## Exceptions needing attention\n\n");
      report.exceptionNotices().forEach(n -> b.append("- ").append(escape(n)).append('\n'));
    }
    if (report.suppressed().isEmpty()) {
      return;
    }
    b.append("\n## Suppressed (accepted risk, ")
        .append(count(report.suppressed().size(), "finding", "findings"))
        .append(")\n\n");
    report.suppressed().stream()
        .forEach(
            s ->
                b.append("- `")
                    .append(s.finding().ruleId())
                    .append("` ")
                    .append(escape(s.finding().accountName()))
                    .append(" (")
                    .append(escape(s.finding().account().system().label()))
                    .append(" ")
                    .append(escape(s.finding().account().tenant()))
                    .append("): ")
                    .append(escape(s.exception().id()))
                    .append(", owner ")
                    .append(escape(s.exception().owner()))
                    .append(", until ")
                    .append(s.exception().expires())
                    .append(": ")
                    .append(escape(s.exception().reason()))
                    .append("; first seen ")
                    .append(s.firstSeen().toString(), 0, 10)
                    .append(" (")
                    .append(days(s.daysOpen(report.startedAt())))
                    .append(" ago)")
                    .append(
                        s.rechecked() ? "" : "; not re-checked: " + escape(s.notRecheckedBecause()))
                    .append("; fingerprint ")
                    .append(escape(s.fingerprint()))
                    .append('\n'));
  }

  /** The document as UTF-8 bytes. */
  public static byte[] renderBytes(RunReport report) {
    return render(report).getBytes(StandardCharsets.UTF_8);
  }

  private static void header(RunReport report, StringBuilder b) {
    b.append("# rollcall: ")
        .append(escape(report.organisation()))
        .append(", ")
        .append(minute(report.startedAt()))
        .append("\n\n");
    b.append("Run ")
        .append(escape(report.runId()))
        .append(" of rollcall ")
        .append(escape(report.version()))
        .append(" with policy profile ")
        .append(escape(report.profile()))
        .append(", from ")
        .append(report.startedAt())
        .append(" to ")
        .append(report.finishedAt())
        .append("; ")
        .append(report.failOn().sentence())
        .append(".\n\n");
  }

  private static void sources(RunReport report, StringBuilder b) {
    List<SourcePull> ordered = report.sources().stream().sorted(LOUDEST_FIRST).toList();
    List<SourcePull> unchecked =
        ordered.stream().filter(s -> s.status() != PullStatus.COMPLETE).toList();
    if (!unchecked.isEmpty()) {
      b.append(UNCHECKED_HEADING).append("\n\n");
      b.append(
          "These sources came back failed or partial: their accounts may be missing below, and"
              + " none of their earlier findings counts as resolved.\n\n");
      for (SourcePull s : unchecked) {
        b.append("- **")
            .append(escape(s.source()))
            .append("** (")
            .append(s.system().label())
            .append("): **")
            .append(s.status().name())
            .append("**, ")
            .append(count(s.accounts(), "account", "accounts"))
            .append(" read\n");
        for (String error : s.errors()) {
          b.append("  - ").append(escape(error)).append('\n');
        }
      }
      b.append('\n');
    }
    b.append("**")
        .append(count(report.accountsAudited(), "account", "accounts"))
        .append(" audited** in ")
        .append(count(report.sources().size(), "source", "sources"))
        .append("; ")
        .append(count(report.peopleInDirectory(), "person", "people"))
        .append(" in the directory.\n\n");
    b.append("**Tonight**: ").append(Counts.of(report).line()).append(".\n\n");
    if (ordered.isEmpty()) {
      return;
    }
    b.append("| source | system | status | accounts | data captured |\n");
    b.append("| --- | --- | --- | ---: | --- |\n");
    for (SourcePull s : ordered) {
      String status =
          s.status() == PullStatus.COMPLETE ? lower(s.status()) : "⚠ **" + s.status().name() + "**";
      b.append("| ")
          .append(escape(s.source()))
          .append(" | ")
          .append(s.system().label())
          .append(" | ")
          .append(status)
          .append(" | ")
          .append(s.accounts())
          .append(" | ")
          .append(s.observedAt())
          .append(" |\n");
    }
    b.append('\n');
  }

  private static void severityTable(Counts counts, StringBuilder b) {
    b.append("## Findings by severity\n\n");
    b.append("| severity | open | new |\n| --- | ---: | ---: |\n");
    for (Map.Entry<Severity, Counts.Tally> e : counts.bySeverity().entrySet()) {
      tallyRow(lower(e.getKey()), e.getValue(), b);
    }
    tallyRow("**total**", counts.total(), b);
    b.append('\n');
  }

  private static void ruleTable(RunReport report, Counts counts, StringBuilder b) {
    Map<String, String> titles = new LinkedHashMap<>();
    report.open().forEach(t -> titles.putIfAbsent(t.finding().ruleId(), t.finding().title()));
    b.append("## Findings by rule\n\n");
    b.append("| rule | title | open | new |\n| --- | --- | ---: | ---: |\n");
    for (Map.Entry<String, Counts.Tally> e : counts.byRule().entrySet()) {
      tallyRow(escape(e.getKey()) + " | " + escape(titles.get(e.getKey())), e.getValue(), b);
    }
    b.append('\n');
  }

  private static void tallyRow(String label, Counts.Tally tally, StringBuilder b) {
    b.append("| ")
        .append(label)
        .append(" | ")
        .append(tally.findings())
        .append(" | ")
        .append(tally.fresh())
        .append(" |\n");
  }

  private static void findings(RunReport report, Counts counts, Spill spill) {
    StringBuilder b = spill.b();
    List<TrackedFinding> ordered =
        report.open().stream()
            .sorted(
                Comparator.comparing((TrackedFinding t) -> t.finding().severity())
                    .reversed()
                    .thenComparing(t -> !t.status().fresh())
                    .thenComparing(TrackedFinding::finding, RunReport.REPORT_ORDER))
            .toList();
    Severity current = null;
    for (TrackedFinding t : ordered) {
      Finding f = t.finding();
      if (f.severity() != current) {
        current = f.severity();
        Counts.Tally tally = counts.bySeverity().get(current);
        b.append("## ")
            .append(capitalised(current))
            .append(" (")
            .append(count(tally.findings(), "finding", "findings"))
            .append(", ")
            .append(tally.fresh())
            .append(" new)\n\n");
      }
      finding(report, t, b);
      spill.check();
    }
  }

  private static void finding(RunReport report, TrackedFinding t, StringBuilder b) {
    Finding f = t.finding();
    b.append("### ")
        .append(t.status().fresh() ? NEW_MARK + " " : "")
        .append(t.rechecked() ? "" : NOT_RECHECKED_MARK + " ")
        .append(escape(f.title()))
        .append(": ")
        .append(escape(f.accountName()))
        .append("\n\n");
    b.append("- **Account**: ")
        .append(f.account().system().label())
        .append(", tenant ")
        .append(escape(f.account().tenant()))
        .append(", ")
        .append(escape(f.accountName()))
        .append(" (")
        .append(escape(f.account().nativeId()))
        .append(")\n");
    b.append("- **People**: ")
        .append(
            f.personIds().isEmpty() ? "nobody (unowned)" : escape(String.join(", ", f.personIds())))
        .append('\n');
    b.append("- **Status**: ")
        .append(t.status().label())
        .append(", open ")
        .append(days(t.daysOpen(report.startedAt())))
        .append(" (first seen ")
        .append(minute(t.firstSeen()))
        .append(", last seen ")
        .append(minute(t.lastSeen()))
        .append(")")
        .append(t.rechecked() ? "" : "; not re-checked: " + escape(t.notRecheckedBecause()))
        .append('\n');
    b.append("- **What is wrong**: ").append(escape(f.summary())).append('\n');
    if (!f.evidence().isEmpty()) {
      b.append("- **Evidence**:\n");
      for (Evidence e : f.evidence()) {
        b.append("  - ")
            .append(escape(e.label()))
            .append(": ")
            .append(escape(e.value()))
            .append('\n');
      }
    }
    if (!f.clauses().isEmpty()) {
      b.append("- **Policy**:\n");
      for (PolicyClause c : f.clauses()) {
        b.append("  - ")
            .append(escape(c.reference()))
            .append(" — ")
            .append(escape(c.text()))
            .append('\n');
      }
    }
    b.append("- **Fix**: ").append(escape(f.remediation())).append('\n');
    b.append("- **Fingerprint**: ").append(escape(f.fingerprint())).append("\n\n");
  }

  /**
   * Escapes text that came from a source: Markdown's inline syntax gets a backslash (CommonMark
   * lets any ASCII punctuation be escaped), HTML's characters become entities, and line breaks,
   * other control characters and the invisible characters that reorder text ({@link
   * dev.rollcall.model.Text#isHidden}) become spaces so a value stays on its line and in its table
   * cell, and reads as it is.
   */
  static String escape(String value) {
    String text = dev.rollcall.model.Text.visible(value);
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '\\', '`', '*', '_', '[', ']', '|', '#', '!', '~', '$' -> out.append('\\').append(c);
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static int statusRank(PullStatus status) {
    return switch (status) {
      case FAILED -> 0;
      case PARTIAL -> 1;
      case COMPLETE -> 2;
    };
  }

  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  private static String minute(Instant instant) {
    return MINUTE.format(instant);
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private static String capitalised(Enum<?> value) {
    String name = value.name();
    return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
  }
}
