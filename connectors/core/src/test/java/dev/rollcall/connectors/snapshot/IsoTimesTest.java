package dev.rollcall.connectors.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class IsoTimesTest {
  @Test
  void theUsualFormsAreReadAsJavaTimeReadsThem() {
    for (String text :
        List.of(
            "2023-03-09T10:41:45Z",
            "2023-03-09T10:41:45.1Z",
            "2023-03-09T10:41:45.123Z",
            "2023-03-09T10:41:45.123456789Z",
            "2023-03-09T10:41:45+00:00",
            "2023-03-09T10:41:45-07:30",
            "2024-02-29T23:59:59+14:00",
            "1999-12-31T00:00:00-18:00",
            "2023-03-09T10:41:45.5+18:00")) {
      Instant fast = IsoTimes.fastOrNull(text, IsoTimes.STRICT_T);
      assertNotNull(fast, text);
      assertEquals(OffsetDateTime.parse(text).toInstant(), fast, text);
    }
  }

  @Test
  void whatIsNotInTheUsualFormIsLeftToJavaTime() {
    for (String text :
        List.of(
            "2023-03-09 10:41:45Z", // a space only with SPACE_OR_T
            "2023-03-09T10:41:45+0100", // +HHMM only with SPACE_OR_T
            "2023-03-09T10:41Z", // no seconds: java.time reads it
            "2023-03-09t10:41:45z", // java.time ignores case
            "2023-03-09T10:41:45+01:00:30",
            "2023-03-09T10:41:45.Z",
            "2023-03-09T10:41:45.1234567890Z",
            "2023-02-29T10:41:45Z", // not a leap year
            "2023-04-31T10:41:45Z",
            "2023-13-01T10:41:45Z",
            "2023-03-09T24:00:00Z",
            "2023-03-09T23:59:60Z",
            "2023-03-09T10:41:45+18:01",
            "2023-03-09T10:41:45+01:60",
            "2023-03-09T10:41:45",
            "+12023-03-09T10:41:45Z",
            "2023-03-09T10:41:45Z ",
            "２023-03-09T10:41:45Z")) {
      assertNull(IsoTimes.fastOrNull(text, IsoTimes.STRICT_T), text);
    }
    assertNull(IsoTimes.fastOrNull("2023-03-09 10:41:45+01:0", IsoTimes.SPACE_OR_T));
    assertNull(IsoTimes.fastOrNull("2023-03-09X10:41:45Z", IsoTimes.SPACE_OR_T));
  }

  @Test
  void parseReadsTheOtherFormsWithJavaTimeAndRefusesWhatItRefuses() {
    assertEquals(Instant.parse("2023-03-09T10:41:45Z"), IsoTimes.parse("2023-03-09T10:41:45Z"));
    assertEquals(Instant.parse("2023-03-09T10:41:00Z"), IsoTimes.parse("2023-03-09t10:41z"));
    assertEquals(
        Instant.parse("2023-03-09T09:40:15Z"), IsoTimes.parse("2023-03-09T10:41:45+01:01:30"));
    for (String bad : List.of("2023-02-29T10:41:45Z", "2023-03-09T10:41:45", "yesterday", "")) {
      assertThrows(DateTimeParseException.class, () -> IsoTimes.parse(bad), bad);
    }
  }

  /**
   * Random near misses of the form: wherever the fast path gives an instant, java.time gives the
   * same one; and it gives one for most of the well-formed ones.
   */
  @Test
  void whereverItGivesAnInstantJavaTimeGivesTheSame() {
    int fast =
        agreeWith(
            text -> {
              try {
                return OffsetDateTime.parse(text).toInstant();
              } catch (DateTimeParseException e) {
                return null;
              }
            },
            IsoTimes.STRICT_T,
            new Random(7));
    assertTrue(fast > 1_000, "only " + fast + " of 20,000 read on the fast path");
  }

  /**
   * Checks 20,000 random times against {@code reference} (null where it refuses one); returns how
   * many the fast path read.
   */
  static int agreeWith(Function<String, Instant> reference, boolean spaceOrT, Random random) {
    int fast = 0;
    for (int i = 0; i < 20_000; i++) {
      String text = randomTime(random);
      Instant quick = IsoTimes.fastOrNull(text, spaceOrT);
      if (quick != null) {
        fast++;
        assertEquals(reference.apply(text), quick, text);
      }
    }
    return fast;
  }

  private static String randomTime(Random r) {
    StringBuilder b = new StringBuilder();
    b.append(String.format("%04d", r.nextInt(10) == 0 ? r.nextInt(10_000) : 1990 + r.nextInt(50)));
    b.append(pick(r, "-", "-", "-", "/"));
    b.append(String.format("%02d", r.nextInt(14)));
    b.append('-');
    b.append(String.format("%02d", r.nextInt(33)));
    b.append(pick(r, "T", "T", "T", " ", "t", "X"));
    b.append(String.format("%02d", r.nextInt(26)));
    b.append(':');
    b.append(String.format("%02d", r.nextInt(62)));
    if (r.nextInt(8) != 0) {
      b.append(':').append(String.format("%02d", r.nextInt(62)));
    }
    if (r.nextBoolean()) {
      b.append('.');
      int digits = r.nextInt(11);
      for (int k = 0; k < digits; k++) {
        b.append((char) ('0' + r.nextInt(10)));
      }
    }
    switch (r.nextInt(6)) {
      case 0, 1 -> b.append(pick(r, "Z", "Z", "z", ""));
      case 2, 3 ->
          b.append(pick(r, "+", "-"))
              .append(String.format("%02d", r.nextInt(20)))
              .append(pick(r, ":", ":", ""))
              .append(String.format("%02d", r.nextInt(61)));
      case 4 -> b.append(pick(r, "+", "-")).append(String.format("%02d", r.nextInt(20)));
      default -> b.append(pick(r, "+01:00:30", "Z ", "+1:00", "-00:00"));
    }
    return b.toString();
  }

  private static String pick(Random r, String... options) {
    return options[r.nextInt(options.length)];
  }
}
