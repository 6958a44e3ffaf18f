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

  /**
   * The value as one line of plain text for a message: control characters (C0, DEL, C1) and the
   * invisible format characters that reorder or hide text (bidirectional overrides and isolates,
   * zero-width characters) are written as escapes ({@code \n}, {@code \t}, {@code \r}, {@code
   * \}{@code uXXXX}), so that a value from the data cannot break a log line or a report line, or
   * show as something it is not. Other text, non-ASCII letters included, is kept.
   */
  public static String printable(String value) {
    StringBuilder out = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      String escape = escape(c);
      if (escape != null && out == null) {
        out = new StringBuilder(value.length() + 8).append(value, 0, i);
      }
      if (out != null) {
        if (escape != null) {
          out.append(escape);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? value : out.toString();
  }

  private static String escape(char c) {
    return switch (c) {
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      default -> isHidden(c) ? String.format("\\u%04x", (int) c) : null;
    };
  }

  /**
   * Whether a character is a control character (C0, DEL, C1) or an invisible one that reorders or
   * hides text (bidirectional overrides and isolates, zero-width characters, line and paragraph
   * separators, the byte order mark): none belongs in a name shown to a person.
   */
  public static boolean isHidden(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || (c >= 0x200b && c <= 0x200f)
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2060 && c <= 0x2069)
        || c == 0xfeff
        || c == 0x2028
        || c == 0x2029;
  }
}
