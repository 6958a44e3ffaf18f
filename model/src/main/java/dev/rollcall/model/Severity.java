package dev.rollcall.model;

import java.util.Locale;

/** How urgent a finding is, from least to most. The order is used by {@code --fail-on}. */
public enum Severity {
  INFO,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }

  /** Parses a severity name without regard to case, naming the valid ones when it fails. */
  public static Severity parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown severity '" + text + "', expected one of info, low, medium, high, critical", e);
    }
  }
}
