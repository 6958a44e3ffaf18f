package dev.rollcall.reports;

import dev.rollcall.model.Finding;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourcePull;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a renderer needs about one run; every renderer is a pure function of this record.
 *
 * @param runId the run's id
 * @param startedAt when it started
 * @param finishedAt when it finished
 * @param version rollcall's version
 * @param profile the policy profile's name
 * @param organisation the company's name
 * @param sources each source and how complete its pull was
 * @param findings the findings, in any order (see {@link #findingsInReportOrder()})
 * @param newFingerprints the fingerprints of findings first seen in this run
 * @param accountsAudited how many accounts were read
 * @param peopleInDirectory how many people the directory holds
 * @param failOn the {@code --fail-on} severity of the run
 * @param suppressed findings accepted-risk exceptions cover, reported apart
 * @param exceptionNotices exceptions that expired or match nothing, one sentence each
 * @param history what the state store adds: resolved and not re-checked findings, the trend
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
    Severity failOn,
    List<Suppressed> suppressed,
    List<String> exceptionNotices,
    History history) {

  /** A report of a run without exceptions. */
  public RunReport(
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
    this(
        runId,
        startedAt,
        finishedAt,
        version,
        profile,
        organisation,
        sources,
        findings,
        newFingerprints,
        accountsAudited,
        peopleInDirectory,
        failOn,
        List.of(),
        List.of());
  }

  /** A report of a run without history (resolved, not re-checked, trend). */
  public RunReport(
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
      Severity failOn,
      List<Suppressed> suppressed,
      List<String> exceptionNotices) {
    this(
        runId,
        startedAt,
        finishedAt,
        version,
        profile,
        organisation,
        sources,
        findings,
        newFingerprints,
        accountsAudited,
        peopleInDirectory,
        failOn,
        suppressed,
        exceptionNotices,
        History.NONE);
  }

  /** This report with {@code history} in place of its own. */
  public RunReport withHistory(History history) {
    return new RunReport(
        runId,
        startedAt,
        finishedAt,
        version,
        profile,
        organisation,
        sources,
        findings,
        newFingerprints,
        accountsAudited,
        peopleInDirectory,
        failOn,
        suppressed,
        exceptionNotices,
        history);
  }

  /** The order of every report: most severe first, then by rule id, then by account id. */
  public static final Comparator<Finding> REPORT_ORDER =
      Comparator.comparing(Finding::severity, Comparator.reverseOrder())
          .thenComparing(Finding::ruleId)
          .thenComparing(f -> f.account().id())
          .thenComparing(Finding::fingerprint);

  public RunReport {
    required(runId, "runId");
    required(startedAt, "startedAt");
    required(finishedAt, "finishedAt");
    required(version, "version");
    required(profile, "profile");
    required(organisation, "organisation");
    sources = List.copyOf(required(sources, "sources"));
    findings = List.copyOf(required(findings, "findings"));
    newFingerprints = Set.copyOf(required(newFingerprints, "newFingerprints"));
    notNegative(accountsAudited, "accountsAudited");
    notNegative(peopleInDirectory, "peopleInDirectory");
    required(failOn, "failOn");
    suppressed = List.copyOf(required(suppressed, "suppressed"));
    exceptionNotices = List.copyOf(required(exceptionNotices, "exceptionNotices"));
    required(history, "history");
  }

  /** True when the finding was first seen in this run. */
  public boolean isNew(Finding finding) {
    return newFingerprints.contains(finding.fingerprint());
  }

  /** The findings as every report lists them: severity descending, rule id, account id. */
  public List<Finding> findingsInReportOrder() {
    return findings.stream().sorted(REPORT_ORDER).toList();
  }

  private static <T> T required(T value, String field) {
    return Objects.requireNonNull(value, () -> "run report: " + field + " is required");
  }

  private static void notNegative(int value, String field) {
    if (value < 0) {
      throw new IllegalArgumentException(
          "run report: " + field + " cannot be negative, was " + value);
    }
  }
}
