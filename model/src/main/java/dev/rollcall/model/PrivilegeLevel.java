package dev.rollcall.model;

/** How much a grant allows, from least to most. The order is used: compare with {@code >=}. */
public enum PrivilegeLevel {
  READ,
  WRITE,
  /** Can grant itself more (IAM write actions such as AttachUserPolicy or CreateAccessKey). */
  PRIVILEGE_ESCALATION,
  ADMIN;

  public boolean atLeast(PrivilegeLevel other) {
    return compareTo(other) >= 0;
  }
}
