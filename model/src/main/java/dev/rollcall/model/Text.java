package dev.rollcall.model;

/** Normalises the text fields of the model: unknown is null, never the empty string. */
public final class Text {
  private Text() {}

  /** Returns the trimmed value, or null when it is null or blank. */
  public static String optional(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    return trimmed.isEmpty() ? null : trimmed;
  }

  /** Returns the trimmed value, failing with the field's name when it is missing. */
  public static String required(String value, String field) {
    String trimmed = optional(value);
    if (trimmed == null) {
      throw new IllegalArgumentException(field + " is required but was missing or blank");
    }
    return trimmed;
  }

  /**
   * As {@link #required(String, String)}, the field's name made only when it is missing (a record's
   * constructor runs for every copy Spark makes of it).
   */
  public static String required(String value, java.util.function.Supplier<String> field) {
    String trimmed = optional(value);
    if (trimmed == null) {
      throw new IllegalArgumentException(field.get() + " is required but was missing or blank");
    }
    return trimmed;
  }
}
