package dev.rollcall.reports;

import dev.rollcall.model.Finding;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourcePull;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a renderer needs about one run: renderers are pure functions of this.
 *
 * @param runId the run's id
 * @param startedAt when it started
 * @param finishedAt when it finished
 * @param version rollcall's version
 * @param profile the policy profile's name
 * @param organisation the company's name
 * @param sources each source and how complete it was
 * @param findings the findings, in report order
 * @param newFingerprints the findings seen for the first time (or again after being resolved)
 * @param accountsAudited how many accounts were read
 * @param peopleInDirectory how many people the directory holds
 * @param failOn the --fail-on severity of the run
 */
public record RunReport(
    String runId,
    Instant startedAt,
    Instant finishedAt,
    String version,
    String profile,
    String organisation,
    List<SourcePull> sources,
    List<Finding> findings,
    Set<String> newFingerprints,
    int accountsAudited,
    int peopleInDirectory,
    Severity failOn) {

  public RunReport {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(organisation, "organisation");
    sources = List.copyOf(sources);
    findings = List.copyOf(findings);
    newFingerprints = Set.copyOf(newFingerprints);
    Objects.requireNonNull(failOn, "failOn");
  }

  /** True when the finding was first seen in this run. */
  public boolean isNew(Finding finding) {
    return newFingerprints.contains(finding.fingerprint());
  }
}
