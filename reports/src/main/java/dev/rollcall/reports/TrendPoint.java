package dev.rollcall.reports;

import dev.rollcall.model.Severity;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How many findings were open, by severity, after one run.
 *
 * @param runId the run
 * @param startedAt when it started
 * @param open open findings by severity; a severity left out counts zero
 * @param fresh findings that run saw for the first time (new) or again after resolved (reopened)
 * @param resolved findings that run resolved
 */
public record TrendPoint(
    String runId, Instant startedAt, Map<Severity, Integer> open, int fresh, int resolved) {
  public TrendPoint {
    Objects.requireNonNull(runId, "trend point: runId is required");
    Objects.requireNonNull(startedAt, "trend point: startedAt is required");
    Map<Severity, Integer> every = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      int n = Objects.requireNonNull(open, "trend point: open is required").getOrDefault(s, 0);
      if (n < 0) {
        throw new IllegalArgumentException(
            "trend point " + runId + ": open " + s + " cannot be negative, was " + n);
      }
      every.put(s, n);
    }
    open = Collections.unmodifiableMap(every);
    if (fresh < 0 || resolved < 0) {
      throw new IllegalArgumentException(
          "trend point " + runId + ": new and resolved counts cannot be negative");
    }
  }

  /** A point without the night's new and resolved counts (zero). */
  public TrendPoint(String runId, Instant startedAt, Map<Severity, Integer> open) {
    this(runId, startedAt, open, 0, 0);
  }

  /** Open findings of one severity. */
  public int open(Severity severity) {
    return open.get(severity);
  }

  /** Open findings of every severity. */
  public int total() {
    return open.values().stream().mapToInt(Integer::intValue).sum();
  }
}
