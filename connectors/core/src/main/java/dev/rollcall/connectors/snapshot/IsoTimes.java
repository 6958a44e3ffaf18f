package dev.rollcall.connectors.snapshot;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The one form nearly every time in a snapshot has, read without {@code java.time}'s general
 * parser: {@code yyyy-MM-dd'T'HH:mm:ss}, an optional fraction of 1 to 9 digits, then {@code Z},
 * {@code +HH:MM} or {@code -HH:MM} (with {@link #SPACE_OR_T}, a space may stand for the {@code T},
 * and the offset may be {@code +HHMM}, as boto3 and the AWS tools write them). A snapshot holds
 * millions of times; the formatter takes microseconds for each. Anything else, well-formed in
 * another way or not at all, gives null, and the caller parses it with {@code java.time} as before,
 * which reads it or says what is wrong with it: this only ever gives what that parse gives.
 */
public final class IsoTimes {
  /** Whether a space may stand for the {@code T} and the offset may be {@code +HHMM}. */
  public static final boolean SPACE_OR_T = true;

  /** Only {@code T} and {@code +HH:MM}, as {@code OffsetDateTime.parse} reads by default. */
  public static final boolean STRICT_T = false;

  private static final int MAX_OFFSET_SECONDS = 18 * 3600;

  private IsoTimes() {}

  /**
   * {@code OffsetDateTime.parse(text).toInstant()}, the usual form read on the fast path.
   *
   * @throws DateTimeParseException as {@code OffsetDateTime.parse} throws it
   */
  public static Instant parse(CharSequence text) {
    Instant fast = fastOrNull(text, STRICT_T);
    return fast != null ? fast : OffsetDateTime.parse(text).toInstant();
  }

  /** The instant {@code text} names in the form above, or null when it is not in that form. */
  public static Instant fastOrNull(CharSequence text, boolean spaceOrT) {
    int n = text.length();
    if (n < 20
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    char t = text.charAt(10);
    if (t != 'T' && !(spaceOrT && t == ' ')) {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
      return null;
    }
    if (hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (text.charAt(i) == '.') {
      int start = ++i;
      while (i < n && i - start < 10 && isDigit(text.charAt(i))) {
        nanos = nanos * 10 + (text.charAt(i) - '0');
        i++;
      }
      int count = i - start;
      if (count == 0 || count > 9) {
        return null;
      }
      for (int k = count; k < 9; k++) {
        nanos *= 10;
      }
    }
    if (i >= n) {
      return null;
    }
    int offset;
    char sign = text.charAt(i);
    if (sign == 'Z') {
      offset = 0;
      i++;
    } else if (sign == '+' || sign == '-') {
      int hours = digits(text, i + 1, 2);
      int rest = i + 3;
      if (rest < n && text.charAt(rest) == ':') {
        rest++;
      } else if (!spaceOrT) {
        return null;
      }
      int minutes = digits(text, rest, 2);
      if (hours < 0 || minutes < 0 || minutes > 59) {
        return null;
      }
      offset = hours * 3600 + minutes * 60;
      if (offset > MAX_OFFSET_SECONDS) {
        return null;
      }
      offset = sign == '-' ? -offset : offset;
      i = rest + 2;
    } else {
      return null;
    }
    if (i != n) {
      return null;
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return null; // the 30th of February: java.time says so
    }
    long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offset;
    return Instant.ofEpochSecond(seconds, nanos);
  }

  /** The number of {@code count} ASCII digits at {@code from}, or -1. */
  private static int digits(CharSequence text, int from, int count) {
    if (from + count > text.length()) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
