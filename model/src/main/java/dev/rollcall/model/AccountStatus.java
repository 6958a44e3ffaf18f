package dev.rollcall.model;

/** Whether an account can be used now, as its source reports it. */
public enum AccountStatus {
  /** Can sign in or be used. */
  ACTIVE,
  /** Invited but not yet accepted (Atlas pending invitations). */
  PENDING,
  /** Disabled or suspended by an administrator; can be re-enabled. */
  SUSPENDED,
  /** Archived (Google Workspace archived users): kept for data, cannot sign in. */
  ARCHIVED,
  /** Deleted at the source; kept only so that a person who left is still known. */
  DELETED;

  /** True when the account grants access today. */
  public boolean grantsAccess() {
    return this == ACTIVE || this == PENDING;
  }
}
