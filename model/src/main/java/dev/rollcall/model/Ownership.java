package dev.rollcall.model;

/** The outcome of correlation for one account. */
public enum Ownership {
  /** Linked to exactly one person. */
  OWNED,
  /** Linked to several people by equally strong evidence. */
  SHARED,
  /** Linked to nobody. */
  UNOWNED
}
