package dev.rollcall.jobs.rules;

/** The groups the rule catalogue is organised in. */
public enum RuleFamily {
  OWNERSHIP,
  ACTIVITY,
  MFA,
  PRIVILEGE,
  CREDENTIALS,
  TENANT
}
