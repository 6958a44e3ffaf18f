package dev.rollcall.jobs.cli;

import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.jobs.lifecycle.FindingState;
import dev.rollcall.jobs.store.FindingNight;
import dev.rollcall.jobs.store.PastRun;
import dev.rollcall.jobs.store.StateStore;
import dev.rollcall.model.Finding;
import dev.rollcall.model.FindingStatus;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.TrackedFinding;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rollcall history [FINGERPRINT]}: the past nights from the state store, since every run
 * overwrites its reports.
 */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the runs the state store holds, oldest first: when each started, how it ended, its"
          + " counts (open, new, resolved, not re-checked, suppressed) and its sources with their"
          + " status. With a finding's fingerprint (or its first 8 or more characters): that"
          + " finding's nights, its status after each run, with first seen and days open."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the history was listed",
      "1:another rollcall process has the store open",
      "2:no such finding, a damaged store, or a bad command line"
    })
final class HistoryCommand implements Callable<Integer> {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  /** The shortest fingerprint prefix taken for a whole one. */
  private static final int PREFIX = 8;

  @Spec CommandSpec spec;

  @Mixin StoreLocation location;

  @Parameters(
      arity = "0..1",
      paramLabel = "FINGERPRINT",
      description = "A finding's fingerprint, as findings.json and findings.csv show it.")
  String fingerprint;

  @Override
  public Integer call() {
    StoreLocation.Located located = location.locate();
    try (StateStore store =
        StateStore.open(located.store(), located.outputDir(), System.getenv())) {
      PrintWriter console = spec.commandLine().getOut();
      if (fingerprint == null) {
        listRuns(store, console);
      } else {
        listNights(store, console, resolve(store, fingerprint.strip()));
      }
      console.flush();
      return 0;
    }
  }

  private static void listRuns(StateStore store, PrintWriter console) {
    List<PastRun> runs = store.pastRuns();
    if (runs.isEmpty()) {
      console.printf("no run in the %s yet%n", store.describe());
      return;
    }
    console.printf(
        "%-16s  %-26s  %-16s  %5s  %5s  %8s  %14s  %10s  %s%n",
        "started (UTC)",
        "run",
        "ended",
        "open",
        "new",
        "resolved",
        "not re-checked",
        "suppressed",
        "sources");
    for (PastRun run : runs) {
      Map<FindingStatus, Integer> n = run.byStatus();
      boolean counted = !n.isEmpty();
      console.printf(
          "%-16s  %-26s  %-16s  %5s  %5s  %8s  %14s  %10s  %s%n",
          TIME.format(run.startedAt()),
          run.runId(),
          ended(run),
          !run.finished()
              ? "-"
              : counted
                  ? n.get(FindingStatus.NEW)
                      + n.get(FindingStatus.REOPENED)
                      + n.get(FindingStatus.STILL_OPEN)
                  : run.findings(),
          !run.finished()
              ? "-"
              : counted
                  ? n.get(FindingStatus.NEW) + n.get(FindingStatus.REOPENED)
                  : run.newFindings(),
          !run.finished() ? "-" : counted ? n.get(FindingStatus.RESOLVED) : run.resolved(),
          run.finished() && counted ? n.get(FindingStatus.NOT_RECHECKED) : "-",
          run.finished() && counted ? n.get(FindingStatus.SUPPRESSED) : "-",
          sources(run.sources()));
    }
    if (runs.stream().anyMatch(r -> r.finished() && r.byStatus().isEmpty())) {
      console.println(
          "(- : not kept by the rollcall version that made the run, or the run did not finish)");
    }
  }

  private static String ended(PastRun run) {
    if (run.finished()) {
      return "exit " + run.exitCode();
    }
    return run.rolledBack() ? "died, rolled back" : "did not finish";
  }

  private static String sources(List<SourcePull> sources) {
    if (sources.isEmpty()) {
      return "-";
    }
    return String.join(
        ", ",
        sources.stream()
            .map(s -> s.source() + " " + s.status().name().toLowerCase(Locale.ROOT))
            .toList());
  }

  /** The whole fingerprint: as given, or the one stored finding it is the start of. */
  private static String resolve(StateStore store, String given) {
    if (store.finding(given).isPresent()) {
      return given;
    }
    List<String> matches =
        given.length() >= PREFIX ? store.fingerprintsStartingWith(given) : List.of();
    if (matches.size() == 1) {
      return matches.get(0);
    }
    throw new ConfigException(
        matches.isEmpty()
            ? "no finding with fingerprint '"
                + given
                + "' in the "
                + store.describe()
                + " (findings.json and findings.csv give every finding's fingerprint)"
            : "'"
                + given
                + "' is the start of "
                + matches.size()
                + " fingerprints ("
                + String.join(", ", matches.stream().sorted().limit(5).toList())
                + (matches.size() > 5 ? ", ..." : "")
                + "): give more of it");
  }

  private static void listNights(StateStore store, PrintWriter console, String fingerprint) {
    FindingState state = store.findingState(fingerprint).orElseThrow();
    Finding f = state.finding();
    console.printf(
        "%s  %s (%s) on %s %s %s%n",
        f.fingerprint(),
        f.ruleId(),
        f.severity().name().toLowerCase(Locale.ROOT),
        f.account().system().name(),
        f.account().tenant(),
        f.accountName());
    console.printf(
        "  first seen %s UTC, last seen %s UTC, now %s%s%n",
        TIME.format(state.firstSeen()),
        TIME.format(state.lastSeen()),
        state.stored().name().toLowerCase(Locale.ROOT),
        state.timesReopened() > 0 ? ", reopened " + state.timesReopened() + " time(s)" : "");
    List<FindingNight> nights = store.nightsOf(fingerprint);
    if (nights.isEmpty()) {
      console.println(
          "  no night of it was recorded: runs made before rollcall kept each finding's status"
              + " per night show only first and last seen");
      return;
    }
    console.printf("  %-16s  %-26s  %-14s  %s%n", "night (UTC)", "run", "status", "days open");
    for (FindingNight night : nights) {
      console.printf(
          "  %-16s  %-26s  %-14s  %d%n",
          TIME.format(night.startedAt()),
          night.runId(),
          label(night.status()),
          daysOpen(state.firstSeen(), night.startedAt()));
    }
  }

  /** The reports' days open (TrackedFinding.daysOpen): calendar days since first seen. */
  static long daysOpen(Instant firstSeen, Instant asOf) {
    return TrackedFinding.daysOpen(firstSeen, asOf);
  }

  static String label(FindingStatus status) {
    return status.label();
  }
}
