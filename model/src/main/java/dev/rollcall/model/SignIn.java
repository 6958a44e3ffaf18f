package dev.rollcall.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One interactive sign-in a source records: where from and when (Google Workspace's login audit,
 * the latest sign-in from each address). CloudTrail's console sign-ins are {@link
 * PrincipalActivity}.
 *
 * @param sourceIp the address the sign-in came from
 * @param at when
 */
public record SignIn(String sourceIp, Instant at) implements Serializable {
  public SignIn {
    sourceIp = Text.required(sourceIp, "sign-in: sourceIp");
    Objects.requireNonNull(at, "sign-in from " + sourceIp + ": at");
  }
}
