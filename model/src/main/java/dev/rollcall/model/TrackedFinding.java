package dev.rollcall.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A finding with its lifecycle: what every report renders. The finding lifecycle makes one per
 * finding seen tonight and per earlier open finding tonight resolved or could not re-check.
 *
 * @param finding the finding, as seen tonight (or as last seen, when not seen tonight)
 * @param status where it stands after tonight
 * @param firstSeen the night it was first seen
 * @param lastSeen the last night that saw it (tonight, unless it was resolved or not re-checked)
 * @param exception the accepted-risk exception that covers it, or null (only {@link
 *     FindingStatus#SUPPRESSED} findings and not re-checked ones that were suppressed carry one)
 * @param source the source (and tenant) it came from, or "" when unknown
 * @param notRecheckedBecause why tonight could not re-check it (its source, or the directory of
 *     people its rule judges ownership by, was not fully read); "" unless not re-checked
 */
public record TrackedFinding(
    Finding finding,
    FindingStatus status,
    Instant firstSeen,
    Instant lastSeen,
    AcceptedRisk exception,
    String source,
    String notRecheckedBecause) {
  public TrackedFinding {
    Objects.requireNonNull(finding, "tracked finding: finding is required");
    Objects.requireNonNull(status, "tracked finding " + finding.fingerprint() + ": status");
    Objects.requireNonNull(firstSeen, "tracked finding " + finding.fingerprint() + ": firstSeen");
    Objects.requireNonNull(lastSeen, "tracked finding " + finding.fingerprint() + ": lastSeen");
    Objects.requireNonNull(source, "tracked finding " + finding.fingerprint() + ": source");
    Objects.requireNonNull(
        notRecheckedBecause, "tracked finding " + finding.fingerprint() + ": notRecheckedBecause");
    if ((status == FindingStatus.NOT_RECHECKED) == notRecheckedBecause.isEmpty()) {
      throw new IllegalArgumentException(
          "tracked finding "
              + finding.fingerprint()
              + ": a reason is given exactly when it was not re-checked");
    }
    if (status == FindingStatus.SUPPRESSED && exception == null) {
      throw new IllegalArgumentException(
          "tracked finding "
              + finding.fingerprint()
              + ": a suppressed finding needs its exception");
    }
  }

  /** A tracked finding whose reason, when not re-checked, is that its source was not fully read. */
  public TrackedFinding(
      Finding finding,
      FindingStatus status,
      Instant firstSeen,
      Instant lastSeen,
      AcceptedRisk exception,
      String source) {
    this(
        finding,
        status,
        firstSeen,
        lastSeen,
        exception,
        source,
        status == FindingStatus.NOT_RECHECKED
            ? "its source " + (source.isEmpty() ? "(unknown)" : source) + " was not fully read"
            : "");
  }

  /**
   * Whether it stands open against the policy after tonight: new, reopened, still open, or not
   * re-checked and not covered by an exception. What every output counts as open.
   */
  public boolean isOpen() {
    return status.active() || (status == FindingStatus.NOT_RECHECKED && exception == null);
  }

  /** The exception that covers it, if one does. */
  public Optional<AcceptedRisk> acceptedRisk() {
    return Optional.ofNullable(exception);
  }

  /** Whether tonight's run looked at its source fully: false only when not re-checked. */
  public boolean rechecked() {
    return status != FindingStatus.NOT_RECHECKED;
  }

  /**
   * Days open: calendar days (UTC) from the night it was first seen to {@code asOf} (the run's
   * start), 0 on its first night, 1 the next night whatever the hour each run started. The one
   * definition every output uses.
   */
  public long daysOpen(Instant asOf) {
    return daysOpen(firstSeen, asOf);
  }

  /** {@link #daysOpen(Instant)} of a finding first seen at {@code firstSeen}. */
  public static long daysOpen(Instant firstSeen, Instant asOf) {
    return Math.max(
        0,
        ChronoUnit.DAYS.between(
            LocalDate.ofInstant(firstSeen, ZoneOffset.UTC),
            LocalDate.ofInstant(asOf, ZoneOffset.UTC)));
  }

  public String fingerprint() {
    return finding.fingerprint();
  }
}
