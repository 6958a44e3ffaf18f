package dev.rollcall.jobs.review;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a date as a spreadsheet writes it in the common locales: ISO (2026-12-15), day first with
 * dots (15.12.2026, 15.12.26), and with slashes month first (12/15/2026) or day first (15/12/2026).
 * A slash date is never guessed: unless {@code --date-order} says which, only a date that can be
 * read one way is accepted, and day first only when told.
 */
public final class ReviewDates {
  /** Which part of a slash date comes first. */
  public enum Order {
    MDY,
    DMY
  }

  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
  private static final Pattern DOTS = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{2}|\\d{4})");
  private static final Pattern SLASHES = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4})");

  private ReviewDates() {}

  /**
   * The date of a cell.
   *
   * @param order the slash order the user named, if any
   * @throws IllegalArgumentException naming what is wrong, for the caller to put beside the row
   */
  public static LocalDate parse(String cell, Optional<Order> order) {
    String text = cell.strip();
    Matcher m = ISO.matcher(text);
    if (m.matches()) {
      return date(m.group(1), m.group(2), m.group(3));
    }
    m = DOTS.matcher(text);
    if (m.matches()) {
      return date(m.group(3), m.group(2), m.group(1));
    }
    m = SLASHES.matcher(text);
    if (m.matches()) {
      int first = Integer.parseInt(m.group(1));
      int second = Integer.parseInt(m.group(2));
      Order read;
      if (order.isPresent()) {
        read = order.get();
      } else if (first == second || second > 12 && first <= 12) {
        read = Order.MDY;
      } else if (first > 12 && second <= 12) {
        throw new IllegalArgumentException(
            "is day first: say so with --date-order dmy (or write it as yyyy-MM-dd)");
      } else {
        throw new IllegalArgumentException(
            "could be month/day or day/month: say which with --date-order mdy or"
                + " --date-order dmy (or write it as yyyy-MM-dd)");
      }
      return read == Order.MDY
          ? date(m.group(3), m.group(1), m.group(2))
          : date(m.group(3), m.group(2), m.group(1));
    }
    throw new IllegalArgumentException("must be a date (2026-12-15, 12/15/2026 or 15.12.2026)");
  }

  private static LocalDate date(String year, String month, String day) {
    // A two-digit year is this century's, as spreadsheets write it for review dates.
    int y = year.length() == 2 ? 2000 + Integer.parseInt(year) : Integer.parseInt(year);
    try {
      return LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("is not a day of the calendar", e);
    }
  }
}
