package dev.rollcall.model;

/** Whether an account is used by a person, by a program, or cannot be told. */
public enum AccountKind {
  HUMAN,
  SERVICE,
  UNKNOWN,
  /**
   * An AWS IAM role that people assume through federation (seen in CloudTrail): no sign-in of its
   * own, owned by the people whose sessions use it.
   */
  ROLE
}
