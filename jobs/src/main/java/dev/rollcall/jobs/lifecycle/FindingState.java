package dev.rollcall.jobs.lifecycle;

import dev.rollcall.model.Finding;
import java.time.Instant;
import java.util.Objects;

/**
 * A finding as the state store keeps it between nights: the input and the output of {@link
 * Lifecycle#advance}.
 *
 * @param finding the finding as last seen
 * @param stored where it stands
 * @param source the source (and tenant) it came from, or "" when unknown
 * @param firstSeen the night it was first seen
 * @param lastSeen the last night that saw it
 * @param resolvedAt when it was resolved, or null while it is not
 * @param notRecheckedSince the last night it was seen, while later nights could not re-check its
 *     source; null once a night re-checked it
 * @param exceptionId the exception that covered it when last seen, or null
 * @param timesReopened how often it came back after being resolved
 * @param lastRunId the last run that changed it
 */
public record FindingState(
    Finding finding,
    Stored stored,
    String source,
    Instant firstSeen,
    Instant lastSeen,
    Instant resolvedAt,
    Instant notRecheckedSince,
    String exceptionId,
    int timesReopened,
    String lastRunId) {

  /** The states a finding is stored in. */
  public enum Stored {
    OPEN,
    SUPPRESSED,
    RESOLVED;

    /** Whether the finding still needs a decision: open, or open under an exception. */
    public boolean open() {
      return this != RESOLVED;
    }
  }

  public FindingState {
    Objects.requireNonNull(finding, "finding state: finding is required");
    Objects.requireNonNull(stored, "finding state " + finding.fingerprint() + ": stored");
    Objects.requireNonNull(source, "finding state " + finding.fingerprint() + ": source");
    Objects.requireNonNull(firstSeen, "finding state " + finding.fingerprint() + ": firstSeen");
    Objects.requireNonNull(lastSeen, "finding state " + finding.fingerprint() + ": lastSeen");
    Objects.requireNonNull(lastRunId, "finding state " + finding.fingerprint() + ": lastRunId");
  }

  public String fingerprint() {
    return finding.fingerprint();
  }
}
