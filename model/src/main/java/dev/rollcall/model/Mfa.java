package dev.rollcall.model;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What a source says about an account's second factor.
 *
 * @param state enabled, not enabled, or unknown (Atlas and Identity Center have no per-user MFA
 *     field: unknown is never reported as "no MFA")
 * @param factors the factors registered, by type; may be empty even when enabled
 * @param evidence the source field the answer comes from
 */
public record Mfa(State state, List<MfaFactor> factors, String evidence) implements Serializable {

  /** Whether the account has a second factor. */
  public enum State {
    ENABLED,
    NOT_ENABLED,
    UNKNOWN
  }

  public Mfa {
    Objects.requireNonNull(state, "state");
    factors = List.copyOf(factors);
    evidence = Text.required(evidence, "evidence");
  }

  public static Mfa enabled(List<MfaFactor> factors, String evidence) {
    return new Mfa(State.ENABLED, factors, evidence);
  }

  public static Mfa notEnabled(String evidence) {
    return new Mfa(State.NOT_ENABLED, List.of(), evidence);
  }

  public static Mfa unknown(String evidence) {
    return new Mfa(State.UNKNOWN, List.of(), evidence);
  }
}
