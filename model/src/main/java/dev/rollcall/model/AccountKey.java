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

  /**
   * The order of {@link #id()}, compared where the three parts stand without joining them: reports
   * and the inventory sort hundreds of thousands of keys.
   */
  @Override
  public int compareTo(AccountKey other) {
    int length = idLength();
    int otherLength = other.idLength();
    for (int i = 0, end = Math.min(length, otherLength); i < end; i++) {
      char a = idChar(i);
      char b = other.idChar(i);
      if (a != b) {
        return a - b;
      }
    }
    return length - otherLength;
  }

  private int idLength() {
    return system.id().length() + 1 + tenant.length() + 1 + nativeId.length();
  }

  /** The character at {@code i} of {@link #id()}. */
  private char idChar(int i) {
    String first = system.id();
    if (i < first.length()) {
      return first.charAt(i);
    }
    i -= first.length() + 1;
    if (i < 0) {
      return ':';
    }
    if (i < tenant.length()) {
      return tenant.charAt(i);
    }
    i -= tenant.length() + 1;
    return i < 0 ? ':' : nativeId.charAt(i);
  }

  @Override
  public String toString() {
    return id();
  }
}
