package dev.rollcall.rules;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Quotes the values a fix names, so that a fix pasted into a shell hands each value to its command
 * as exactly one argument and runs nothing else, whatever the source data holds (issue 20).
 *
 * <p>The rules, in order:
 *
 * <ul>
 *   <li>a value made only of {@code A-Z a-z 0-9 @ % + = : , . / _ -}, not empty and not starting
 *       with {@code =} (which zsh expands to a command's path), stays bare, so ordinary fixes read
 *       as they always did: {@code --user-name alice};
 *   <li>a value holding a control or invisible character (newline, carriage return, tab, escape,
 *       DEL, a C1 control, a bidirectional override, a zero-width space: Unicode categories Cc, Cf,
 *       Zl and Zp) is written in ANSI-C quotes, {@code $'line1\nline2'}, with {@code \n}, {@code
 *       \r}, {@code \t}, {@code \\}, {@code \'} and {@code \xHH} for each UTF-8 byte of any other
 *       such character, so that the fix stays on one line and shows every character it passes;
 *       {@code $'...'} is bash, zsh and ksh (and POSIX.1-2024), not every {@code sh}: dash reads it
 *       as a {@code $} and a single-quoted string;
 *   <li>any other value is single-quoted, each {@code '} written {@code '\''}: every POSIX shell
 *       takes it literally, {@code $}, backquotes, {@code \} and {@code !} included (interactive
 *       bash does no history expansion inside single quotes).
 * </ul>
 *
 * <p>The quoting is for POSIX shells (sh, bash, zsh, ksh); csh, tcsh and fish quote otherwise.
 *
 * <p>No shell argument can hold NUL, and a UTF-16 string can hold half a surrogate pair that no
 * UTF-8 terminal shows: both are written as U+FFFD, so that the command names an account that
 * cannot exist and fails, rather than reaching the account named by the text before the NUL.
 *
 * <p>Non-ASCII letters are written as they are (UTF-8, as a terminal shows them), inside quotes.
 */
final class Shell {
  private static final char REPLACEMENT = '\uFFFD';
  private static final HexFormat HEX = HexFormat.of();

  private Shell() {}

  /** The value as one shell word (see the class comment). */
  static String quote(String value) {
    String text = representable(value);
    if (plain(text)) {
      return text;
    }
    if (text.codePoints().anyMatch(dev.rollcall.model.Text::isHidden)) {
      return ansiC(text);
    }
    return "'" + text.replace("'", "'\\''") + "'";
  }

  /** The values, each as {@link #quote(String)} writes it, joined by {@code ", "}, for prose. */
  static String quoteEach(List<String> values) {
    return values.stream().map(Shell::quote).collect(Collectors.joining(", "));
  }

  /**
   * A phrase of rollcall's own that carries a piece of source data (a credential's label), for the
   * prose of a fix: as it is, since quoting it would only hurt reading, unless it holds a control
   * or invisible character, which could start a line that looks like a command of its own; then
   * quoted as {@link #quote(String)} does.
   */
  static String oneLine(String text) {
    String representable = representable(text);
    return representable.codePoints().anyMatch(dev.rollcall.model.Text::isHidden)
        ? ansiC(representable)
        : representable;
  }

  /** Whether the value is written bare. */
  static boolean plain(String value) {
    if (value.isEmpty() || value.charAt(0) == '=') {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean safe =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "@%+=:,./_-".indexOf(c) >= 0;
      if (!safe) {
        return false;
      }
    }
    return true;
  }

  /** NUL and unpaired surrogates as U+FFFD; anything else as it is. */
  private static String representable(String value) {
    if (value.chars().noneMatch(c -> c == 0 || Character.isSurrogate((char) c))) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    value
        .codePoints()
        .forEach(cp -> out.appendCodePoint(cp == 0 || isSurrogate(cp) ? REPLACEMENT : cp));
    return out.toString();
  }

  /** Half a surrogate pair, as {@link String#codePoints()} yields one left unpaired. */
  private static boolean isSurrogate(int codePoint) {
    return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
  }

  private static String ansiC(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8).append("$'");
    value
        .codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                default -> {
                  if (dev.rollcall.model.Text.isHidden(cp)) {
                    // Always two digits: bash reads up to two, so a following digit stays itself.
                    for (byte b : Character.toString(cp).getBytes(StandardCharsets.UTF_8)) {
                      out.append("\\x").append(HEX.toHexDigits(b));
                    }
                  } else {
                    out.appendCodePoint(cp);
                  }
                }
              }
            });
    return out.append('\'').toString();
  }
}
