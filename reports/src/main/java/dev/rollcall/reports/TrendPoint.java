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
 */
public record TrendPoint(String runId, Instant startedAt, Map<Severity, Integer> open) {
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
