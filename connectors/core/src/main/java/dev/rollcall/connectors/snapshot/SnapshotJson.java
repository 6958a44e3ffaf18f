package dev.rollcall.connectors.snapshot;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict reading of snapshot JSON: required fields fail with the file, record and field named;
 * optional fields come back as null when absent, JSON null or blank, never as "". No message quotes
 * the file's text: they name the file, the record (by its place in the file), the field and what is
 * wrong.
 */
public final class SnapshotJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private SnapshotJson() {}

  /**
   * Parses a JSON document read from {@code file}, failing with the file and the line and column of
   * a syntax error. Reading the file is the caller's ({@link TenantFolder#json}).
   *
   * @throws IOException when the stream cannot be read
   */
  static JsonNode read(InputStream in, Path file) throws IOException {
    try {
      return MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      throw new SnapshotException(
          file, null, "not valid JSON" + where(e.getLocation()) + ": " + syntaxProblem(e), e);
    }
  }

  /** Parses JSON held in a string (an embedded policy document), naming where it came from. */
  public static JsonNode parse(String json, Path file, String record) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new SnapshotException(
          file,
          record,
          "embedded JSON is not valid" + where(e.getLocation()) + ": " + syntaxProblem(e),
          e);
    }
  }

  /**
   * What is wrong with JSON that does not parse, in rollcall's words. Jackson's own message quotes
   * the text it stopped at, which may be anything the file holds (a token, a password); this names
   * the kind of problem only.
   */
  public static String syntaxProblem(JsonProcessingException e) {
    if (e instanceof StreamConstraintsException) {
      return "beyond the parser's limits (nesting depth, or the length of a number or string)";
    }
    if (e instanceof JsonEOFException) {
      return "the document ends inside a value";
    }
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    for (String[] known : SYNTAX_PROBLEMS) {
      if (message.startsWith(known[0])) {
        return known[1];
      }
    }
    return "a syntax error";
  }

  /** Jackson's messages by how they start, and what rollcall says instead. */
  private static final String[][] SYNTAX_PROBLEMS = {
    {"Unexpected end-of-input", "the document ends inside a value"},
    {"Unrecognized token", "a word that is not true, false, null, a number or a quoted string"},
    {"Unexpected character", "an unexpected character"},
    {"Illegal unquoted character", "a control character inside a string"},
    {"Unrecognized character escape", "an unknown escape sequence inside a string"},
    {"Invalid UTF", "a byte sequence that is not UTF-8"},
    {"Trailing token", "more content after the JSON value"},
    {"Invalid numeric value", "a malformed number"},
    {"Numeric value", "a number out of range"},
    {"Duplicate field", "a field given twice"},
  };

  /** " at line L, column C" of a location, or nothing when there is none. */
  private static String where(JsonLocation at) {
    return at == null || at.getLineNr() <= 0
        ? ""
        : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
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
    throw new SnapshotException(file, record, "field '" + field + "' is not true or false");
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
      return IsoTimes.parse(text);
    } catch (DateTimeParseException e) {
      throw new SnapshotException(
          file,
          record,
          "field '" + field + "' is not an ISO-8601 time such as 2026-01-02T03:04:05Z",
          e);
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
