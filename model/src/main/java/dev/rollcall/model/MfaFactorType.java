package dev.rollcall.model;

/** Second factors, from strongest to weakest. */
public enum MfaFactorType {
  SECURITY_KEY,
  PASSKEY,
  HARDWARE_TOTP,
  VIRTUAL_TOTP,
  PUSH,
  SMS,
  /** The source says a factor is on but not which kind (Google 2SV enrolment, the report flag). */
  UNSPECIFIED
}
