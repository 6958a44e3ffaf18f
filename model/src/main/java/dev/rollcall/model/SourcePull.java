package dev.rollcall.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one source (a system's tenant) gave in this run.
 *
 * @param source the source's name, {@code system/tenant} (e.g. {@code aws/111122223333})
 * @param system the system
 * @param tenant the tenant
 * @param status complete, partial or failed
 * @param accounts how many accounts it gave
 * @param errors what went wrong, one message each; empty when complete
 * @param observedAt when its data was captured
 */
public record SourcePull(
    String source,
    SourceSystem system,
    String tenant,
    PullStatus status,
    int accounts,
    List<String> errors,
    Instant observedAt)
    implements Serializable {
  public SourcePull {
    source = Text.required(source, "source");
    Objects.requireNonNull(system, "system");
    tenant = Text.required(tenant, "tenant");
    Objects.requireNonNull(status, "status");
    errors = List.copyOf(errors);
    Objects.requireNonNull(observedAt, "observedAt");
    if (status == PullStatus.COMPLETE && !errors.isEmpty()) {
      throw new IllegalArgumentException(source + ": a complete pull cannot carry errors");
    }
  }
}
