package dev.rollcall.jobs.run;

import dev.rollcall.model.Finding;
import dev.rollcall.model.FindingStatus;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.TrackedFinding;
import dev.rollcall.reports.RunReport;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a run found and did.
 *
 * @param runId the run's id
 * @param exitCode the exit code it ends with
 * @param sources each source and how complete it was
 * @param tracked every finding of the night with where it stands, in report order
 * @param reports the report files written
 * @param exceptionNotices exceptions that expired or match nothing, one sentence each
 * @param timings how long each stage took
 */
public record RunOutcome(
    String runId,
    ExitCode exitCode,
    List<SourcePull> sources,
    List<TrackedFinding> tracked,
    List<Path> reports,
    List<String> exceptionNotices,
    RunTimings timings) {
  public RunOutcome {
    sources = List.copyOf(sources);
    tracked = tracked.stream().sorted(RunReport.TRACKED_ORDER).toList();
    reports = List.copyOf(reports);
    exceptionNotices = List.copyOf(exceptionNotices);
  }

  /** Tonight's findings no exception covers (new, reopened, still open), in report order. */
  public List<Finding> findings() {
    return tracked.stream().filter(t -> t.status().active()).map(TrackedFinding::finding).toList();
  }

  /** The tracked findings with this status, in report order. */
  public List<TrackedFinding> with(FindingStatus status) {
    return tracked.stream().filter(t -> t.status() == status).toList();
  }

  /** How many findings have this status. */
  public int count(FindingStatus status) {
    return (int) tracked.stream().filter(t -> t.status() == status).count();
  }

  /** The fingerprints of the findings new to tonight's readers: first seen, or reopened. */
  public Set<String> fresh() {
    Set<String> fresh = new LinkedHashSet<>();
    tracked.stream().filter(t -> t.status().fresh()).forEach(t -> fresh.add(t.fingerprint()));
    return fresh;
  }
}
