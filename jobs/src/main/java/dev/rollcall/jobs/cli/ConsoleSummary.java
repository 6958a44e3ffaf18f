package dev.rollcall.jobs.cli;

import dev.rollcall.jobs.run.RunOutcome;
import dev.rollcall.model.FailOn;
import dev.rollcall.model.FindingStatus;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.TrackedFinding;
import dev.rollcall.reports.Counts;
import java.nio.file.Path;
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
        pull.errors()
            .forEach(
                e -> b.append("    ! ").append(dev.rollcall.model.Text.printable(e)).append('\n'));
      }
    }
    Counts counts = Counts.of(outcome.tracked());
    b.append(
        String.format(
            Locale.ROOT,
            "findings: %d (%d new, %d resolved since the last run)%n",
            counts.total().findings(),
            counts.total().fresh(),
            counts.of(FindingStatus.RESOLVED)));
    for (Map.Entry<Severity, Counts.Tally> e : counts.bySeverity().entrySet()) {
      if (e.getValue().findings() > 0) {
        b.append(
            String.format(
                Locale.ROOT,
                "  %-8s %4d (%d new)%n",
                e.getKey().name().toLowerCase(Locale.ROOT),
                e.getValue().findings(),
                e.getValue().fresh()));
      }
    }
    b.append("tonight: ").append(counts.line()).append('\n');
    outcome.tracked().stream()
        .filter(t -> !t.rechecked())
        .map(TrackedFinding::notRecheckedBecause)
        .map(dev.rollcall.model.Text::printable)
        .distinct()
        .forEach(r -> b.append("  ! not re-checked: ").append(r).append('\n'));
    outcome
        .exceptionNotices()
        .forEach(
            n ->
                b.append("  ! exceptions: ")
                    .append(dev.rollcall.model.Text.printable(n))
                    .append('\n'));
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
