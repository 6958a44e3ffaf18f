package dev.rollcall.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * Account-level settings of a tenant that the written policy also governs.
 *
 * @param system the system
 * @param tenant the tenant
 * @param passwordPolicy the password policy; null when the tenant has none set
 * @param mfaRequired whether the tenant requires MFA of everyone; null when the source does not say
 */
public record TenantSettings(
    SourceSystem system, String tenant, PasswordPolicy passwordPolicy, Boolean mfaRequired)
    implements Serializable {
  public TenantSettings {
    Objects.requireNonNull(system, "system");
    tenant = Text.required(tenant, "tenant");
  }
}
