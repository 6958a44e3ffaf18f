package dev.rollcall.connectors.pull;

import dev.rollcall.model.PullStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How the pull of one tenant went.
 *
 * @param tenant the tenant (AWS account id, Google domain, Atlas organisation id)
 * @param status complete, partial (some optional data missing, said in {@code problems}) or failed
 * @param capturedAt when the pull started
 * @param apiRequests how many API requests it made (retries included)
 * @param problems what went wrong, one message each, no secrets; empty when complete
 */
public record TenantPull(
    String tenant, PullStatus status, Instant capturedAt, long apiRequests, List<String> problems) {
  public TenantPull {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(capturedAt, "capturedAt");
    problems = List.copyOf(problems);
    if (status == PullStatus.COMPLETE && !problems.isEmpty()) {
      throw new IllegalArgumentException(tenant + ": a complete pull cannot carry problems");
    }
    if (status != PullStatus.COMPLETE && problems.isEmpty()) {
      throw new IllegalArgumentException(tenant + ": a " + status + " pull must say why");
    }
  }
}
