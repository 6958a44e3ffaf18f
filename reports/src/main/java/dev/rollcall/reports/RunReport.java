package dev.rollcall.reports;

import dev.rollcall.model.Finding;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourcePull;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
 * @param lifecycle what the state store knows beyond this run: resolved findings, first-seen times
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
    Lifecycle lifecycle) {

  /**
   * What the state store adds to a run's findings.
   *
   * @param resolved the earlier open findings this run resolved, as they were last seen
   * @param notRechecked how many earlier open findings stayed open because their source was not
   *     fully checked
   * @param firstSeen when each finding was first seen, by fingerprint, where the store knows it
   */
  public record Lifecycle(
      List<Finding> resolved, int notRechecked, Map<String, Instant> firstSeen) {
    /** Nothing known beyond the run itself. */
    public static final Lifecycle UNKNOWN = new Lifecycle(List.of(), 0, Map.of());

    public Lifecycle {
      resolved = List.copyOf(required(resolved, "lifecycle.resolved"));
      notNegative(notRechecked, "lifecycle.notRechecked");
      firstSeen = Map.copyOf(required(firstSeen, "lifecycle.firstSeen"));
    }
  }

  /** A report of a run whose lifecycle beyond the run is unknown. */
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
        Lifecycle.UNKNOWN);
  }

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

  /** The order of every report: most severe first, then by rule id, then by account id. */
  static final Comparator<Finding> REPORT_ORDER =
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
    required(lifecycle, "lifecycle");
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
