package dev.rollcall.rules;

/** The groups the rule catalogue is organised in. */
public enum RuleFamily {
  OWNERSHIP,
  ACTIVITY,
  MFA,
  PRIVILEGE,
  CREDENTIALS,
  TENANT
}
