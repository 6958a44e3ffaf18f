package dev.rollcall.rules;

import dev.rollcall.model.Mfa;
import dev.rollcall.model.MfaFactor;
import dev.rollcall.model.MfaFactorType;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the MFA rules read from an account's second factors, worded once. */
final class MfaFactors {
  /** The factors a policy that asks for hardware means: a FIDO key or a hardware TOTP token. */
  static final List<MfaFactorType> HARDWARE =
      List.of(MfaFactorType.SECURITY_KEY, MfaFactorType.HARDWARE_TOTP);

  private MfaFactors() {}

  /** True when one of the registered factors is of one of these types. */
  static boolean hasAny(Mfa mfa, Collection<MfaFactorType> types) {
    return mfa.factors().stream().anyMatch(f -> types.contains(f.type()));
  }

  /**
   * True when the source says MFA is on without saying which factor for at least one of them (the
   * AWS credential report's mfa_active, Google's isEnrolledIn2Sv): such a factor may be the strong
   * one, so the MFA-strength rules claim nothing about it.
   */
  static boolean typeUnknown(Mfa mfa) {
    return mfa.factors().isEmpty()
        || mfa.factors().stream().anyMatch(f -> f.type() == MfaFactorType.UNSPECIFIED);
  }

  /** The evidence value for an account's MFA, e.g. {@code enabled: virtual totp (arn…)}. */
  static String describe(Mfa mfa) {
    String state = mfa.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    String factors =
        mfa.factors().stream().map(MfaFactors::describe).collect(Collectors.joining(", "));
    return state + (factors.isEmpty() ? "" : ": " + factors) + " (" + mfa.evidence() + ")";
  }

  static String describe(MfaFactor factor) {
    return name(factor.type()) + (factor.label() == null ? "" : " " + factor.label());
  }

  static String names(Collection<MfaFactorType> types) {
    return types.stream().map(MfaFactors::name).collect(Collectors.joining(", "));
  }

  static String name(MfaFactorType type) {
    return type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
