package dev.rollcall.connectors.pull;

import java.util.Objects;

/**
 * One check of {@code rollcall doctor}: whether a credential works or a permission is granted,
 * found with a cheap read and no data pulled.
 *
 * @param what what was checked, e.g. {@code iam:GetAccountAuthorizationDetails}
 * @param required whether a pull fails without it (else it only makes the pull partial)
 * @param ok whether it worked
 * @param detail what was seen, or what to fix; never a secret
 */
public record DoctorCheck(String what, boolean required, boolean ok, String detail) {
  public DoctorCheck {
    Objects.requireNonNull(what, "what");
    detail = detail == null ? "" : detail;
  }
}
