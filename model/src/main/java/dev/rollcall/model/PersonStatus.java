package dev.rollcall.model;

/** Whether a person still works for the company, as the directory of people says. */
public enum PersonStatus {
  ACTIVE,
  /** Suspended, archived or deleted in the identity provider, or ended in the HR roster. */
  LEFT
}
