package dev.rollcall.connectors.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.connectors.snapshot.IsoTimes;
import dev.rollcall.connectors.snapshot.SnapshotException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.regex.Pattern;

/**
 * Reads a timestamp in every form the tools that save IAM output write it: the AWS CLI v2 ({@code
 * cli_timestamp_format = iso8601}: {@code 2023-03-09T10:41:45+00:00}), the CLI v1 and the SDKs
 * ({@code wire}: {@code 2023-03-09T10:41:45Z}, with or without milliseconds, or epoch seconds as a
 * number for JSON-protocol services), and boto3 saved with {@code str(datetime)} ({@code 2023-03-09
 * 10:41:45+00:00}, with or without fractional seconds). A time without a zone is refused: it cannot
 * be placed on the timeline.
 */
final class AwsTimes {
  private static final Pattern EPOCH_SECONDS = Pattern.compile("-?\\d+(\\.\\d+)?");

  static final DateTimeFormatter ISO_OR_SPACE =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .appendValue(ChronoField.HOUR_OF_DAY, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .toFormatter();

  private AwsTimes() {}

  /** An optional time field; null when absent, JSON null or blank. Fails when malformed. */
  static Instant optional(JsonNode node, String field, Path file, String record) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      return epoch(value.decimalValue(), field, file, record);
    }
    if (!value.isTextual()) {
      throw new SnapshotException(file, record, "field '" + field + "' is not a time");
    }
    String text = value.textValue().strip();
    return text.isEmpty() ? null : parse(text, field, file, record);
  }

  /** Parses a time in any of the forms above, naming the field when it fails. */
  static Instant parse(String text, String field, Path file, String record) {
    Instant fast = IsoTimes.fastOrNull(text, IsoTimes.SPACE_OR_T);
    if (fast != null) {
      return fast;
    }
    if (EPOCH_SECONDS.matcher(text).matches()) {
      return epoch(new BigDecimal(text), field, file, record);
    }
    try {
      return OffsetDateTime.parse(text, ISO_OR_SPACE).toInstant();
    } catch (DateTimeParseException e) {
      throw new SnapshotException(
          file,
          record,
          "field '"
              + field
              + "' is not a time (expected ISO-8601 with a zone, e.g. 2023-03-09T10:41:45Z, boto3's"
              + " 2023-03-09 10:41:45+00:00, or epoch seconds)",
          e);
    }
  }

  private static Instant epoch(BigDecimal seconds, String field, Path file, String record) {
    try {
      BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
      long nanos = seconds.subtract(whole).movePointRight(9).longValue();
      return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    } catch (ArithmeticException | java.time.DateTimeException e) {
      throw new SnapshotException(
          file, record, "field '" + field + "' is out of range as a time in epoch seconds", e);
    }
  }
}
