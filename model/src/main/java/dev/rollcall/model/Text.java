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
   * The value as one line of plain text for a message: control characters and the invisible ones
   * that reorder or hide text ({@link #isHidden}) are written as escapes ({@code \n}, {@code \t},
   * {@code \r}, {@code \}{@code uXXXX}, {@code \}{@code u{XXXXX}} beyond the first plane), so that
   * a value from the data cannot break a log line or a report line, or show as something it is not.
   * Other text, non-ASCII letters included, is kept.
   */
  public static String printable(String value) {
    if (plainAscii(value)) {
      return value;
    }
    int first = 0;
    while (first < value.length() && !isHidden(value.codePointAt(first))) {
      first += Character.charCount(value.codePointAt(first));
    }
    if (first == value.length()) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length() + 8).append(value, 0, first);
    value
        .substring(first)
        .codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                  if (!isHidden(c)) {
                    out.appendCodePoint(c);
                  } else if (c <= 0xffff) {
                    out.append(String.format("\\u%04x", c));
                  } else {
                    out.append(String.format("\\u{%x}", c));
                  }
                }
              }
            });
    return out.toString();
  }

  /** The value with each hidden character ({@link #isHidden}) replaced by a space. */
  public static String visible(String value) {
    if (plainAscii(value) || value.codePoints().noneMatch(Text::isHidden)) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    value.codePoints().forEach(c -> out.appendCodePoint(isHidden(c) ? ' ' : c));
    return out.toString();
  }

  /**
   * Whether a character is one a person does not see as itself: a control character (C0, DEL, C1),
   * a format character (bidirectional overrides and isolates, zero-width characters, the byte order
   * mark, the soft hyphen, tag characters), or a line or paragraph separator. None belongs in a
   * name shown to a person.
   */
  public static boolean isHidden(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  /** True when every character is printable ASCII (space to tilde): nothing in it is hidden. */
  private static boolean plainAscii(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }
}
