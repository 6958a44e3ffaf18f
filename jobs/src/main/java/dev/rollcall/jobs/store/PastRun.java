package dev.rollcall.jobs.store;

import dev.rollcall.model.FindingStatus;
import dev.rollcall.model.SourcePull;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A run as {@code rollcall history} lists it, from the store.
 *
 * @param runId the run's id
 * @param startedAt when it started
 * @param finishedAt when it finished, or null when it did not (still running, or died)
 * @param rolledBack whether a later run rolled its finding changes back (it died)
 * @param sources its sources and how complete each was (empty unless it finished)
 * @param byStatus how many tracked findings it left in each status; empty for runs stored before
 *     the counts were kept
 * @param findings how many findings were open after it (every stored run has this)
 * @param newFindings how many of them were new or reopened
 * @param resolved how many it resolved
 * @param exitCode its exit code, or null unless it finished
 */
public record PastRun(
    String runId,
    Instant startedAt,
    Instant finishedAt,
    boolean rolledBack,
    List<SourcePull> sources,
    Map<FindingStatus, Integer> byStatus,
    int findings,
    int newFindings,
    int resolved,
    Integer exitCode) {
  public PastRun {
    sources = List.copyOf(sources);
    byStatus = byStatus.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(byStatus));
  }

  /** Whether the run finished (only finished runs count in the history of a finding). */
  public boolean finished() {
    return finishedAt != null;
  }
}
