package dev.rollcall.jobs.store;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What this run changed in the finding state.
 *
 * @param newFingerprints findings seen for the first time, or open again after being resolved
 * @param resolved earlier open findings not seen again, on sources that were fully checked
 * @param notRechecked earlier open findings kept open because their source was not fully checked
 * @param reopened of the new ones, those that had been resolved before
 * @param stillOpen findings open before and seen again
 * @param suppressed findings an accepted-risk exception covers
 * @param firstSeen when each finding of this run, and each it resolved, was first seen, by
 *     fingerprint
 */
public record FindingChanges(
    Set<String> newFingerprints,
    int resolved,
    int notRechecked,
    Set<String> reopened,
    int stillOpen,
    int suppressed,
    Map<String, Instant> firstSeen) {
  public FindingChanges {
    newFingerprints = Set.copyOf(newFingerprints);
    reopened = Set.copyOf(reopened);
    firstSeen = Map.copyOf(firstSeen);
  }
}
