package dev.rollcall.model;

/** Whether an account is used by a person, by a program, or cannot be told. */
public enum AccountKind {
  HUMAN,
  SERVICE,
  UNKNOWN
}
