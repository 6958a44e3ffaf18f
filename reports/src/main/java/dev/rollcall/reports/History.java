package dev.rollcall.reports;

import dev.rollcall.model.Finding;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a run's report knows from the state store beyond the run's own findings: what the run
 * resolved, what it could not re-check, and how the open findings went over the last runs.
 *
 * @param resolved earlier open findings this run resolved (their source was fully checked)
 * @param notRechecked earlier open findings kept open because their source failed or was partial
 * @param trend open findings by severity after each of the last runs, oldest first, this run last
 * @param firstSeen when each finding of the run, and each it resolved, was first seen, by
 *     fingerprint, where the store knows it
 */
public record History(
    List<Finding> resolved,
    List<NotRechecked> notRechecked,
    List<TrendPoint> trend,
    Map<String, Instant> firstSeen) {

  /** No history: a report made without a state store. */
  public static final History NONE = new History(List.of(), List.of(), List.of());

  /** A history without first-seen times. */
  public History(List<Finding> resolved, List<NotRechecked> notRechecked, List<TrendPoint> trend) {
    this(resolved, notRechecked, trend, Map.of());
  }

  public History {
    resolved = List.copyOf(Objects.requireNonNull(resolved, "history: resolved is required"));
    notRechecked =
        List.copyOf(Objects.requireNonNull(notRechecked, "history: notRechecked is required"));
    trend = List.copyOf(Objects.requireNonNull(trend, "history: trend is required"));
    firstSeen = Map.copyOf(Objects.requireNonNull(firstSeen, "history: firstSeen is required"));
  }
}
