package dev.rollcall.connectors.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict reading of snapshot JSON: required fields fail with the file, record and field named;
 * optional fields come back as null when absent, JSON null or blank, never as "".
 */
public final class SnapshotJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private SnapshotJson() {}

  /** Parses a JSON file, failing with the file and the line and column of a syntax error. */
  public static JsonNode read(Path file) {
    try {
      return MAPPER.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new SnapshotException(
          file, null, "not valid JSON" + where + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new SnapshotException(file, null, "cannot read: " + e.getMessage(), e);
    }
  }

  /** Parses JSON held in a string (an embedded policy document), naming where it came from. */
  public static JsonNode parse(String json, Path file, String record) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new SnapshotException(
          file, record, "embedded JSON is not valid: " + e.getOriginalMessage(), e);
    }
  }

  /** A required text field. */
  public static String requiredText(JsonNode node, String field, Path file, String record) {
    String value = optionalText(node, field);
    if (value == null) {
      throw new SnapshotException(
          file, record, "required field '" + field + "' is missing or empty");
    }
    return value;
  }

  /** An optional text field: null when absent, JSON null or blank. */
  public static String optionalText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.isContainerNode()) {
      return null;
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }

  /** An optional boolean field; the default when absent or null. Fails on a non-boolean. */
  public static boolean bool(
      JsonNode node, String field, boolean fallback, Path file, String record) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isTextual() && value.asText().strip().equalsIgnoreCase("true")) {
      return true;
    }
    if (value.isTextual() && value.asText().strip().equalsIgnoreCase("false")) {
      return false;
    }
    throw new SnapshotException(file, record, "field '" + field + "' is not a boolean: " + value);
  }

  /** An optional ISO-8601 time (with Z or an offset); null when absent. Fails when malformed. */
  public static Instant optionalInstant(JsonNode node, String field, Path file, String record) {
    String text = optionalText(node, field);
    return text == null ? null : instant(text, field, file, record);
  }

  /** A required ISO-8601 time. */
  public static Instant requiredInstant(JsonNode node, String field, Path file, String record) {
    return instant(requiredText(node, field, file, record), field, file, record);
  }

  /** Parses an ISO-8601 time with Z or an offset, naming the field when it fails. */
  public static Instant instant(String text, String field, Path file, String record) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new SnapshotException(
          file, record, "field '" + field + "' is not an ISO-8601 time: '" + text + "'", e);
    }
  }

  /** The elements of an optional array field; empty when absent. Fails when not an array. */
  public static List<JsonNode> array(JsonNode node, String field, Path file, String record) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new SnapshotException(file, record, "field '" + field + "' is not an array");
    }
    List<JsonNode> items = new ArrayList<>();
    value.forEach(items::add);
    return items;
  }
}
