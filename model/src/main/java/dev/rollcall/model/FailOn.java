package dev.rollcall.model;

import java.util.Locale;

/**
 * Which findings make a run exit with code 3: those at or above a severity, or none, for a
 * scheduler that counts every non-zero exit as a failed job and should only hear of a failed source
 * or a crash.
 */
public enum FailOn {
  INFO(Severity.INFO),
  LOW(Severity.LOW),
  MEDIUM(Severity.MEDIUM),
  HIGH(Severity.HIGH),
  CRITICAL(Severity.CRITICAL),
  NONE(null);

  // Null only for NONE, which no severity reaches.
  private final Severity lowest;

  FailOn(Severity lowest) {
    this.lowest = lowest;
  }

  /** The choice that fails on this severity and above. */
  public static FailOn atLeast(Severity severity) {
    return valueOf(severity.name());
  }

  /** True when a finding of this severity makes the run exit with code 3. */
  public boolean failsOn(Severity severity) {
    return lowest != null && severity.atLeast(lowest);
  }

  /** The option's value as written: a severity name in lower case, or {@code none}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The reports' sentence, e.g. "the run fails on high findings and above". */
  public String sentence() {
    return lowest == null
        ? "findings never fail the run (--fail-on none)"
        : "the run fails on " + label() + " findings and above";
  }

  /** Parses a severity name or {@code none} without regard to case, naming the valid ones. */
  public static FailOn parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown value '" + text + "', expected one of info, low, medium, high, critical, none",
          e);
    }
  }
}
