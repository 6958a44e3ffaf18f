package dev.rollcall.rules;

/**
 * The ranges the rules' thresholds must fall in. A threshold outside its range is refused when the
 * profile is read, never taken to mean "off": a dormancy of two billion days would silently switch
 * the rule off, and a policy that means "off" says {@code enabled: false}.
 */
final class Ranges {
  /** The longest number of days any threshold may be: ten years. */
  static final int MAX_DAYS = 3650;

  private Ranges() {}

  /** A number of days, 1 to {@value #MAX_DAYS}. */
  static int days(String field, int value) {
    return within(field, value, 1, MAX_DAYS, "days");
  }

  /** A value from {@code min} to {@code max} inclusive, refused otherwise naming the field. */
  static int within(String field, int value, int min, int max, String unit) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          field + " must be " + min + " to " + max + " " + unit + ", was " + value);
    }
    return value;
  }
}
