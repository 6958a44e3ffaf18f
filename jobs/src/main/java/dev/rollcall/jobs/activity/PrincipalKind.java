package dev.rollcall.jobs.activity;

/** Whose CloudTrail records a principal gathers. */
public enum PrincipalKind {
  /** An IAM user, by name in its account. */
  IAM_USER,
  /** An AWS account's root user. */
  ROOT,
  /** An IAM role assumed by anything but IAM Identity Center, in its account. */
  ROLE,
  /** A person signed in through IAM Identity Center, by session name, across accounts. */
  IDENTITY_CENTER
}
