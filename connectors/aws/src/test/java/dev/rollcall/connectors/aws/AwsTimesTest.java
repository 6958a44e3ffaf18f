package dev.rollcall.connectors.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.connectors.snapshot.SnapshotException;
import java.nio.file.Path;
import java.time.Instant;
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
}
