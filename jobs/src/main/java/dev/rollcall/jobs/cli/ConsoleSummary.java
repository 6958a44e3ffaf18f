package dev.rollcall.jobs.cli;

import dev.rollcall.jobs.run.RunOutcome;
import dev.rollcall.model.FailOn;
import dev.rollcall.model.FindingStatus;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.TrackedFinding;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The few lines a run prints for the person or scheduler that started it. */
final class ConsoleSummary {
  private ConsoleSummary() {}

  static String render(RunOutcome outcome, FailOn failOn) {
    StringBuilder b = new StringBuilder();
    b.append("rollcall run ").append(outcome.runId()).append('\n');
    for (SourcePull pull : outcome.sources()) {
      b.append(
          String.format(
              Locale.ROOT,
              "  source %-40s %-8s %5d accounts%n",
              pull.source(),
              pull.status().name().toLowerCase(Locale.ROOT),
              pull.accounts()));
      if (pull.status() != PullStatus.COMPLETE) {
        pull.errors().forEach(e -> b.append("    ! ").append(e).append('\n'));
      }
    }
    Map<Severity, int[]> counts = new EnumMap<>(Severity.class);
    for (TrackedFinding t : outcome.tracked()) {
      if (!t.status().active()) {
        continue;
      }
      int[] c = counts.computeIfAbsent(t.finding().severity(), s -> new int[2]);
      c[0]++;
      if (t.status().fresh()) {
        c[1]++;
      }
    }
    b.append(
        String.format(
            Locale.ROOT,
            "findings: %d (%d new, %d resolved since the last run)%n",
            outcome.findings().size(),
            outcome.fresh().size(),
            outcome.count(FindingStatus.RESOLVED)));
    for (int i = Severity.values().length - 1; i >= 0; i--) {
      Severity s = Severity.values()[i];
      int[] c = counts.get(s);
      if (c != null) {
        b.append(
            String.format(
                Locale.ROOT,
                "  %-8s %4d (%d new)%n",
                s.name().toLowerCase(Locale.ROOT),
                c[0],
                c[1]));
      }
    }
    int reopened = outcome.count(FindingStatus.REOPENED);
    int notRechecked = outcome.count(FindingStatus.NOT_RECHECKED);
    if (reopened > 0 || notRechecked > 0) {
      b.append(
          String.format(
              Locale.ROOT,
              "  reopened %d; kept open, not re-checked (source not fully checked) %d%n",
              reopened,
              notRechecked));
    }
    int suppressed = outcome.count(FindingStatus.SUPPRESSED);
    if (suppressed > 0) {
      b.append(
          String.format(
              Locale.ROOT, "suppressed: %d (accepted risk; listed in the reports)%n", suppressed));
    }
    outcome.exceptionNotices().forEach(n -> b.append("  ! exceptions: ").append(n).append('\n'));
    b.append("reports:\n");
    for (Path p : outcome.reports()) {
      b.append("  ").append(p).append('\n');
    }
    b.append("exit ")
        .append(outcome.exitCode().code())
        .append(": ")
        .append(outcome.exitCode().meaning())
        .append(" (--fail-on ")
        .append(failOn.label())
        .append(")\n");
    return b.toString();
  }
}
