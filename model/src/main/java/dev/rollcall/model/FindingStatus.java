package dev.rollcall.model;

/** Where a finding stands after a night: what the finding lifecycle decided for it. */
public enum FindingStatus {
  /** Seen tonight for the first time. */
  NEW,
  /** Seen tonight after an earlier night had resolved it. */
  REOPENED,
  /** Open before and seen again tonight. */
  STILL_OPEN,
  /** Seen tonight, and an accepted-risk exception covers it: reported apart, never alerted on. */
  SUPPRESSED,
  /**
   * Open before and not seen tonight because its source failed or came back partial: kept open,
   * neither confirmed nor resolved, with the last night it was seen.
   */
  NOT_RECHECKED,
  /** Open before and not seen tonight although its source was fully checked. */
  RESOLVED;

  /** Whether tonight's findings include it and it counts against the policy (not suppressed). */
  public boolean active() {
    return this == NEW || this == REOPENED || this == STILL_OPEN;
  }

  /** The words a person reads: "new", "reopened", "still open", "not re-checked", ... */
  public String label() {
    return this == NOT_RECHECKED
        ? "not re-checked"
        : name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  /** Whether it is new to whoever reads tonight's reports: first seen, or back after resolved. */
  public boolean fresh() {
    return this == NEW || this == REOPENED;
  }
}
