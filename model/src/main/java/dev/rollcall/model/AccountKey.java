package dev.rollcall.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * Identifies one account across runs: the system, the tenant inside it (AWS account id, Google
 * primary domain, Atlas organisation or project id) and the source's own id for the account.
 */
public record AccountKey(SourceSystem system, String tenant, String nativeId)
    implements Serializable, Comparable<AccountKey> {

  public AccountKey {
    Objects.requireNonNull(system, "system");
    tenant = Text.required(tenant, "tenant");
    nativeId = Text.required(nativeId, "nativeId");
  }

  /** A stable string form, {@code system:tenant:nativeId}, used as a join key and in reports. */
  public String id() {
    return system.id() + ":" + tenant + ":" + nativeId;
  }

  @Override
  public int compareTo(AccountKey other) {
    return id().compareTo(other.id());
  }

  @Override
  public String toString() {
    return id();
  }
}
