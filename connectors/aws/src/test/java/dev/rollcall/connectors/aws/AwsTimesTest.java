package dev.rollcall.connectors.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.connectors.snapshot.IsoTimes;
import dev.rollcall.connectors.snapshot.SnapshotException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AwsTimesTest {
  private static final Path FILE = Path.of("get-account-authorization-details.json");
  private static final Instant AT = Instant.parse("2023-03-09T10:41:45Z");

  /** CLI v2 iso8601, CLI v1 / SDK wire, boto3 str(datetime), and epoch seconds. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"2023-03-09T10:41:45Z\"",
        "\"2023-03-09T10:41:45.000Z\"",
        "\"2023-03-09T10:41:45+00:00\"",
        "\"2023-03-09T12:41:45+02:00\"",
        "\"2023-03-09 10:41:45+00:00\"",
        "\"2023-03-09 10:41:45.000000+00:00\"",
        "\"2023-03-09 10:41:45+0000\"",
        "1678358505",
        "1678358505.0",
        "\"1678358505\""
      })
  void readsEveryForm(String json) throws Exception {
    var node = new ObjectMapper().readTree("{\"CreateDate\": " + json + "}");
    assertEquals(AT, AwsTimes.optional(node, "CreateDate", FILE, "UserDetailList[0]"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"2023-03-09 10:41:45\"", "\"yesterday\"", "\"2023-13-09T10:41:45Z\""})
  void refusesATimeWithoutAZoneOrMalformed(String json) throws Exception {
    var node = new ObjectMapper().readTree("{\"CreateDate\": " + json + "}");
    SnapshotException e =
        assertThrows(
            SnapshotException.class,
            () -> AwsTimes.optional(node, "CreateDate", FILE, "UserDetailList[0]"));
    assertTrue(e.getMessage().contains("'CreateDate'"), e.getMessage());
    assertTrue(e.getMessage().contains("UserDetailList[0]"), e.getMessage());
  }

  /**
   * The fast path of the usual forms gives what the formatter gives, on a grid of forms and near
   * misses (separators, fractions, offsets, days and times that do not exist).
   */
  @Test
  void theFastPathReadsWhatTheFormatterReads() {
    int fast = 0;
    for (String day : List.of("2023-02-28", "2023-02-29", "2024-02-29", "2023-04-31", "1970-01-01"))
      for (String t : List.of("T", " ", "t", ""))
        for (String time : List.of("10:41:45", "00:00:00", "24:00:00", "23:59:60", "10:41"))
          for (String fraction : List.of("", ".5", ".000000", ".123456789", ".1234567890", "."))
            for (String zone :
                List.of("Z", "+00:00", "-07:30", "+0530", "+01", "+19:00", "+18:00", "", "z")) {
              String text = day + t + time + fraction + zone;
              Instant quick = IsoTimes.fastOrNull(text, IsoTimes.SPACE_OR_T);
              if (quick != null) {
                fast++;
                assertEquals(formatter(text), quick, text);
              }
            }
    assertTrue(fast >= 3 * 2 * 2 * 4 * 5, fast + " read on the fast path");
  }

  private static Instant formatter(String text) {
    try {
      return OffsetDateTime.parse(text, AwsTimes.ISO_OR_SPACE).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
