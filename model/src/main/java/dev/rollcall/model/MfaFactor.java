package dev.rollcall.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One second factor registered on an account.
 *
 * @param type its kind
 * @param label a non-secret id (an MFA device serial number or ARN), or null
 * @param enabled when it was enabled; null if the source does not say
 */
public record MfaFactor(MfaFactorType type, String label, Instant enabled) implements Serializable {
  public MfaFactor {
    Objects.requireNonNull(type, "type");
    label = Text.optional(label);
  }
}
