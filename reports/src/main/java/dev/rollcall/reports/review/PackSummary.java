package dev.rollcall.reports.review;

import dev.rollcall.model.PullStatus;
import java.time.Instant;
import java.util.List;

/**
 * What a review pack is, as its Summary sheet and the state store show it: the pack is a document
 * that an import is later checked against, so it records where its rows came from.
 *
 * @param packId the pack's id, carried in every row so that an import finds its pack
 * @param period the review period, e.g. 2026Q4
 * @param runId the run the rows come from
 * @param madeAt when the pack was made
 * @param dataCapturedAt the oldest capture time of the run's sources: the rows are no older
 * @param sources the run's sources and how complete each was
 */
public record PackSummary(
    String packId,
    String period,
    String runId,
    Instant madeAt,
    Instant dataCapturedAt,
    List<Source> sources) {
  public PackSummary {
    sources = List.copyOf(sources);
  }

  /** The sources that failed or were partial: their accounts are missing or incomplete. */
  public List<Source> incomplete() {
    return sources.stream().filter(s -> s.status() != PullStatus.COMPLETE).toList();
  }

  /**
   * One source of the run.
   *
   * @param name system/tenant
   * @param status complete, partial or failed
   * @param observedAt when its data was captured
   * @param errors what went wrong, empty when complete
   */
  public record Source(String name, PullStatus status, Instant observedAt, List<String> errors) {
    public Source {
      errors = List.copyOf(errors);
    }
  }
}
