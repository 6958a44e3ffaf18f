package dev.rollcall.jobs.store;

import dev.rollcall.model.SourcePull;
import java.time.Instant;
import java.util.List;

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
    Integer exitCode) {
  public RunRecord {
    sources = List.copyOf(sources);
  }
}
