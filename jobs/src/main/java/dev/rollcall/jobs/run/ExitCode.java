package dev.rollcall.jobs.run;

/**
 * The process exit codes, stable so that a scheduler can act on them. When several apply, the
 * highest listed here wins: a failed source is reported even on a night with findings.
 */
public enum ExitCode {
  /** Every source was fully checked and no finding is at or above {@code --fail-on}. */
  OK(0, "every source checked; no finding at or above --fail-on"),
  /** An unexpected error; the run did not finish (its run record stays incomplete). */
  INTERNAL_ERROR(
      1, "unexpected error, or another run holds the state store; the run did not finish"),
  /**
   * The configuration, profile, mapping file or command line is wrong, or the state store is
   * damaged; nothing was run.
   */
  CONFIG_ERROR(
      2,
      "bad command line, configuration, profile or mapping file, or a damaged state store;"
          + " nothing was run"),
  /** Findings at or above {@code --fail-on} exist. */
  FINDINGS(3, "findings at or above --fail-on"),
  /** A source failed or came back partial (its findings are not resolved this run). */
  SOURCE_FAILED(4, "a source failed or was partial");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }
}
