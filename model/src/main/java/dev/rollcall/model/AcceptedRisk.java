package dev.rollcall.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An accepted-risk exception as a covered finding carries it: who owns the risk, why, and until
 * when, so that the accepted risk stays visible in every report.
 *
 * @param id the exception's id
 * @param owner the risk's accountable owner
 * @param reason the business reason
 * @param expires the exception's last day
 */
public record AcceptedRisk(String id, String owner, String reason, LocalDate expires) {
  public AcceptedRisk {
    Objects.requireNonNull(id, "accepted risk: id is required");
    Objects.requireNonNull(owner, "accepted risk: owner is required");
    Objects.requireNonNull(reason, "accepted risk: reason is required");
    Objects.requireNonNull(expires, "accepted risk: expires is required");
  }
}
