package dev.rollcall.jobs.run;

import dev.rollcall.jobs.lifecycle.Suppression;
import dev.rollcall.jobs.store.FindingChanges;
import dev.rollcall.model.Finding;
import dev.rollcall.model.SourcePull;
import java.nio.file.Path;
import java.util.List;

/**
 * What a run found and did.
 *
 * @param runId the run's id
 * @param exitCode the exit code it ends with
 * @param sources each source and how complete it was
 * @param findings the findings, in report order
 * @param changes what changed since the previous run
 * @param reports the report files written
 * @param timings how long each stage took
 */
public record RunOutcome(
    String runId,
    ExitCode exitCode,
    List<SourcePull> sources,
    List<Finding> findings,
    FindingChanges changes,
    List<Path> reports,
    List<Suppression.Suppressed> suppressed,
    List<String> exceptionNotices,
    RunTimings timings) {
  public RunOutcome {
    sources = List.copyOf(sources);
    findings = List.copyOf(findings);
    reports = List.copyOf(reports);
    suppressed = List.copyOf(suppressed);
    exceptionNotices = List.copyOf(exceptionNotices);
  }
}
