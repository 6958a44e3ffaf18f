package dev.rollcall.model;

import java.time.Instant;
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
 */
public record TrackedFinding(
    Finding finding,
    FindingStatus status,
    Instant firstSeen,
    Instant lastSeen,
    AcceptedRisk exception,
    String source) {
  public TrackedFinding {
    Objects.requireNonNull(finding, "tracked finding: finding is required");
    Objects.requireNonNull(status, "tracked finding " + finding.fingerprint() + ": status");
    Objects.requireNonNull(firstSeen, "tracked finding " + finding.fingerprint() + ": firstSeen");
    Objects.requireNonNull(lastSeen, "tracked finding " + finding.fingerprint() + ": lastSeen");
    Objects.requireNonNull(source, "tracked finding " + finding.fingerprint() + ": source");
    if (status == FindingStatus.SUPPRESSED && exception == null) {
      throw new IllegalArgumentException(
          "tracked finding "
              + finding.fingerprint()
              + ": a suppressed finding needs its exception");
    }
  }

  /** The exception that covers it, if one does. */
  public Optional<AcceptedRisk> acceptedRisk() {
    return Optional.ofNullable(exception);
  }

  /** Whether tonight's run looked at its source fully: false only when not re-checked. */
  public boolean rechecked() {
    return status != FindingStatus.NOT_RECHECKED;
  }

  public String fingerprint() {
    return finding.fingerprint();
  }
}
