package dev.rollcall.reports;

import dev.rollcall.model.FailOn;
import dev.rollcall.model.Finding;
import dev.rollcall.model.FindingStatus;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.TrackedFinding;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

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
 * @param findings every finding of the night with where it stands (new, reopened, still open,
 *     suppressed, not re-checked, resolved), kept in report order
 * @param accountsAudited how many accounts were read
 * @param peopleInDirectory how many people the directory holds
 * @param failOn the {@code --fail-on} choice of the run
 * @param exceptionNotices exceptions that expired or match nothing, one sentence each
 * @param trend open findings by severity after each of the last runs, oldest first, this run last
 * @param controls the profile's clauses and the rules that cite them (see {@link Compliance})
 */
public record RunReport(
    String runId,
    Instant startedAt,
    Instant finishedAt,
    String version,
    String profile,
    String organisation,
    List<SourcePull> sources,
    List<TrackedFinding> findings,
    int accountsAudited,
    int peopleInDirectory,
    FailOn failOn,
    List<String> exceptionNotices,
    List<TrendPoint> trend,
    List<Control> controls) {

  /** The order of every report: most severe first, then by rule id, then by account id. */
  public static final Comparator<Finding> REPORT_ORDER =
      Comparator.comparing(Finding::severity, Comparator.reverseOrder())
          .thenComparing(Finding::ruleId)
          .thenComparing(f -> f.account().id())
          .thenComparing(Finding::fingerprint);

  /** {@link #REPORT_ORDER} for tracked findings. */
  public static final Comparator<TrackedFinding> TRACKED_ORDER =
      Comparator.comparing(TrackedFinding::finding, REPORT_ORDER);

  public RunReport {
    required(runId, "runId");
    required(startedAt, "startedAt");
    required(finishedAt, "finishedAt");
    required(version, "version");
    required(profile, "profile");
    required(organisation, "organisation");
    sources = List.copyOf(required(sources, "sources"));
    findings = required(findings, "findings").stream().sorted(TRACKED_ORDER).toList();
    notNegative(accountsAudited, "accountsAudited");
    notNegative(peopleInDirectory, "peopleInDirectory");
    required(failOn, "failOn");
    exceptionNotices = List.copyOf(required(exceptionNotices, "exceptionNotices"));
    trend = List.copyOf(required(trend, "trend"));
    controls = List.copyOf(required(controls, "controls"));
  }

  /** A report without the profile's controls (its compliance roll-up is empty). */
  public RunReport(
      String runId,
      Instant startedAt,
      Instant finishedAt,
      String version,
      String profile,
      String organisation,
      List<SourcePull> sources,
      List<TrackedFinding> findings,
      int accountsAudited,
      int peopleInDirectory,
      FailOn failOn,
      List<String> exceptionNotices,
      List<TrendPoint> trend) {
    this(
        runId,
        startedAt,
        finishedAt,
        version,
        profile,
        organisation,
        sources,
        findings,
        accountsAudited,
        peopleInDirectory,
        failOn,
        exceptionNotices,
        trend,
        List.of());
  }

  /**
   * The findings that stand open after tonight (new, reopened, still open, and not re-checked ones
   * no exception covers: {@link TrackedFinding#isOpen()}), in report order.
   */
  public List<TrackedFinding> open() {
    return findings.stream().filter(TrackedFinding::isOpen).toList();
  }

  /**
   * The findings an accepted risk covers (seen tonight, or kept as they were because tonight could
   * not re-check them), in report order. With {@link #open()} and {@link #resolved()} a partition
   * of {@link #findings()}.
   */
  public List<TrackedFinding> suppressed() {
    return findings.stream().filter(t -> t.exception() != null).toList();
  }

  /** Earlier open findings tonight resolved (their source was fully checked), in report order. */
  public List<TrackedFinding> resolved() {
    return with(FindingStatus.RESOLVED);
  }

  /**
   * Earlier open findings kept open because tonight could not re-check them (their source, or the
   * directory their rule judges ownership by, failed or was partial); no exception covers them.
   */
  public List<TrackedFinding> notRechecked() {
    return findings.stream()
        .filter(t -> t.status() == FindingStatus.NOT_RECHECKED && t.exception() == null)
        .toList();
  }

  /** The findings with this status, in report order. */
  public List<TrackedFinding> with(FindingStatus status) {
    return findings.stream().filter(t -> t.status() == status).toList();
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
