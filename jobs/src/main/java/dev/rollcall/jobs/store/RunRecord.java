package dev.rollcall.jobs.store;

import dev.rollcall.model.Severity;
import dev.rollcall.model.SourcePull;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A run as the store keeps it.
 *
 * @param runId the run's id
 * @param startedAt when it started
 * @param finishedAt when it finished, or null while running or when it died
 * @param version rollcall's version
 * @param profile the profile's name
 * @param sources the sources and how complete each was
 * @param findings how many findings it had
 * @param newFindings how many of them were new
 * @param resolved how many earlier findings it resolved
 * @param exitCode the exit code, or null while running
 * @param openBySeverity the findings open in the store after the run, by severity (the trend of
 *     report.html); empty when not known (runs stored before it was kept)
 */
public record RunRecord(
    String runId,
    Instant startedAt,
    Instant finishedAt,
    String version,
    String profile,
    List<SourcePull> sources,
    int findings,
    int newFindings,
    int resolved,
    Integer exitCode,
    Map<Severity, Integer> openBySeverity) {
  public RunRecord {
    sources = List.copyOf(sources);
    openBySeverity =
        openBySeverity.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new EnumMap<>(openBySeverity));
  }

  /** A run whose open findings by severity are not known. */
  public RunRecord(
      String runId,
      Instant startedAt,
      Instant finishedAt,
      String version,
      String profile,
      List<SourcePull> sources,
      int findings,
      int newFindings,
      int resolved,
      Integer exitCode) {
    this(
        runId,
        startedAt,
        finishedAt,
        version,
        profile,
        sources,
        findings,
        newFindings,
        resolved,
        exitCode,
        Map.of());
  }
}
