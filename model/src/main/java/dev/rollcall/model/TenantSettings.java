package dev.rollcall.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * Account-level settings of a tenant that the written policy also governs.
 *
 * @param system the system
 * @param tenant the tenant
 * @param passwordPolicy the password policy; null when the tenant has none set or it is not known
 * @param passwordPolicyKnown whether the source said what the password policy is (none set
 *     included); false when it was not captured, so that nothing is said about it
 * @param mfaRequired whether the tenant requires MFA of everyone; null when the source does not say
 */
public record TenantSettings(
    SourceSystem system,
    String tenant,
    PasswordPolicy passwordPolicy,
    boolean passwordPolicyKnown,
    Boolean mfaRequired)
    implements Serializable {
  public TenantSettings {
    Objects.requireNonNull(system, "system");
    tenant = Text.required(tenant, "tenant");
    if (passwordPolicy != null && !passwordPolicyKnown) {
      throw new IllegalArgumentException(tenant + ": a password policy read is a known one");
    }
  }

  /** Settings whose password policy is known exactly when there is one (no "none set" case). */
  public TenantSettings(
      SourceSystem system, String tenant, PasswordPolicy passwordPolicy, Boolean mfaRequired) {
    this(system, tenant, passwordPolicy, passwordPolicy != null, mfaRequired);
  }
}
