package dev.rollcall.rules;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Percent-encoding for the values a fix puts in an Admin API path (an Atlas organisation, user or
 * database user), so that a value can neither leave its segment ({@code /}, {@code ..}) nor show a
 * character that is not in the path: the path reads the same in a finding, in a shell and to the
 * API.
 */
final class UrlPath {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private UrlPath() {}

  /**
   * The value as one path segment: RFC 3986's unreserved characters and {@code @} as they are (so
   * that an e-mail address reads as one), every other UTF-8 byte as {@code %HH}; a segment of dots
   * only is encoded whole, since a client may resolve {@code .} and {@code ..}.
   */
  static String segment(String value) {
    boolean dots = !value.isEmpty() && value.chars().allMatch(c -> c == '.');
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean keep =
          !dots
              && ((c >= 'a' && c <= 'z')
                  || (c >= 'A' && c <= 'Z')
                  || (c >= '0' && c <= '9')
                  || "-._@".indexOf(c) >= 0);
      if (keep) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX.toHexDigits(b));
      }
    }
    return out.toString();
  }
}
