package dev.rollcall.model;

/** Whose CloudTrail records a principal gathers. */
public enum PrincipalKind {
  /** An IAM user, by name in its account. */
  IAM_USER,
  /** An AWS account's root user. */
  ROOT,
  /** An IAM role assumed by anything but IAM Identity Center, in its account. */
  ROLE,
  /** A person signed in through IAM Identity Center, by session name, across accounts. */
  IDENTITY_CENTER;

  /**
   * The key of a principal of this kind: kind, account and name (Identity Center sessions name no
   * account). CloudTrail's events and the accounts they are tied to meet on it.
   */
  public String keyOf(String account, String name) {
    return this == IDENTITY_CENTER ? this + "||" + name : this + "|" + account + "|" + name;
  }
}
