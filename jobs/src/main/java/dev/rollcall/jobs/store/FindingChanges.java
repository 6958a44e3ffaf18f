package dev.rollcall.jobs.store;

import java.util.Set;

/**
 * What this run changed in the finding state.
 *
 * @param newFingerprints findings seen for the first time, or open again after being resolved
 * @param resolved earlier open findings not seen again, on sources that were fully checked
 * @param notRechecked earlier open findings kept open because their source was not fully checked
 */
public record FindingChanges(Set<String> newFingerprints, int resolved, int notRechecked) {
  public FindingChanges {
    newFingerprints = Set.copyOf(newFingerprints);
  }
}
