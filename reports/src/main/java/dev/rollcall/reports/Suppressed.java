package dev.rollcall.reports;

import dev.rollcall.model.Finding;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A finding an accepted-risk exception covers: reported apart from the active findings, with the
 * exception's owner, reason and end date, so that the accepted risk stays visible.
 *
 * @param finding the finding
 * @param exceptionId the exception's id
 * @param owner the risk's accountable owner
 * @param reason the business reason
 * @param expires the exception's last day
 */
public record Suppressed(
    Finding finding, String exceptionId, String owner, String reason, LocalDate expires) {
  public Suppressed {
    Objects.requireNonNull(finding, "finding");
    Objects.requireNonNull(exceptionId, "exceptionId");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(expires, "expires");
  }
}
