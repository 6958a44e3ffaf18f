package dev.rollcall.rules;

import dev.rollcall.model.Evidence;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What a tenant rule says about a tenant's settings.
 *
 * @param summary one sentence on what is wrong
 * @param evidence the facts that made it
 * @param remediation the concrete fix
 */
public record TenantViolation(String summary, List<Evidence> evidence, String remediation)
    implements Serializable {
  public TenantViolation {
    Objects.requireNonNull(summary, "summary");
    evidence = List.copyOf(evidence);
    Objects.requireNonNull(remediation, "remediation");
  }
}
