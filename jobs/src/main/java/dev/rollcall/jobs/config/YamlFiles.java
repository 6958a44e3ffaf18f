package dev.rollcall.jobs.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads rollcall's YAML files (configuration, policy profiles) strictly: unknown keys, wrong types
 * and values a record refuses all fail with the file, line and key path in the message, and a file
 * that is not UTF-8 with the byte offset where it stops being. No message quotes the file: Jackson
 * and SnakeYAML quote the value or the lines they stopped at, so rollcall words the problem itself.
 */
public final class YamlFiles {
  private YamlFiles() {}

  /** A mapper that refuses what it does not know. */
  public static ObjectMapper strictMapper() {
    return YAMLMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
        .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
        .build();
  }

  /**
   * Reads a YAML document into a type.
   *
   * @param in the document
   * @param type what to read it into
   * @param file the file's name, for messages
   */
  public static <T> T read(InputStream in, JavaType type, String file) {
    String document;
    try {
      document = TextFiles.decode(in.readAllBytes(), file);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getClass().getSimpleName(), e);
    }
    try {
      T value = strictMapper().readValue(document, type);
      if (value == null) {
        throw new ConfigException(file + ": the file is empty");
      }
      return value;
    } catch (JsonMappingException e) {
      throw new ConfigException(describe(file, document, e), e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          file + where(e.getLocation()) + ": not valid YAML: " + syntaxProblem(e), e);
    }
  }

  private static String describe(String file, String document, JsonMappingException e) {
    return describe(file, document, List.of(), e);
  }

  /**
   * What is wrong, for a person: the file, the line (looked up in {@code document} along {@code
   * prefix} and the error's path, when the document is known), the key and the problem.
   *
   * @param document the YAML text, or null when the value did not come from one file
   * @param prefix where the value that failed stands in the document (e.g. rules, an id, with)
   */
  public static String describe(
      String file, String document, List<Object> prefix, JsonMappingException e) {
    List<Object> steps = new ArrayList<>(prefix);
    for (JsonMappingException.Reference r : e.getPath()) {
      steps.add(r.getFieldName() != null ? r.getFieldName() : (Object) r.getIndex());
    }
    OptionalInt line = document == null ? OptionalInt.empty() : YamlLines.lineOf(document, steps);
    String where = line.isPresent() ? " line " + line.getAsInt() : YamlFiles.where(e.getLocation());
    String path =
        java.util.stream.Stream.concat(
                prefix.stream().map(String::valueOf),
                e.getPath().stream()
                    .map(
                        r ->
                            r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]"))
            .collect(Collectors.joining("."))
            .replace(".[", "[");
    return file + where + (path.isEmpty() ? "" : ": key " + path) + ": " + problem(e);
  }

  /**
   * What is wrong with a value, without the value. Jackson's messages quote it ({@code from String
   * "…"}, {@code ('…')}); rollcall's own (a record's IllegalArgumentException, a reader's mismatch)
   * name the key and the rule only, and are kept.
   */
  public static String problem(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      List<String> known =
          unknown.getKnownPropertyIds() == null
              ? List.of()
              : unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
      return known.isEmpty() ? "unknown key" : "unknown key; known: " + String.join(", ", known);
    }
    if (e instanceof InvalidFormatException format) {
      // A map's key is a key, and named like one; a value is not repeated.
      return e.getOriginalMessage() != null
              && e.getOriginalMessage().startsWith("Cannot deserialize Map key")
          ? format.getValue() + " is not " + expected(format.getTargetType())
          : "not " + expected(format.getTargetType());
    }
    if (e instanceof ValueInstantiationException) {
      Throwable cause = e.getCause();
      // A record's own refusal; other exceptions (a JDK parser's) may quote the value.
      return cause != null && cause.getClass() == IllegalArgumentException.class
          ? cause.getMessage()
          : "the value is refused";
    }
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (message.startsWith("Cannot map `null` into type")) {
      return "a value is required here";
    }
    if (message.contains("\"") || message.contains("('")) {
      return e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
          ? "not " + expected(mismatch.getTargetType())
          : "a value of the wrong type";
    }
    // Jackson's messages end with a long "(for Object starting at...)" tail; keep the first line.
    int newline = message.indexOf('\n');
    return newline > 0 ? message.substring(0, newline) : message;
  }

  /** What a value of a type is, for "not …". */
  private static String expected(Class<?> type) {
    if (type == null) {
      return "a value of the right type";
    }
    if (type.isEnum()) {
      return "one of "
          + java.util.Arrays.stream(type.getEnumConstants())
              .map(c -> c.toString().toLowerCase(java.util.Locale.ROOT))
              .collect(Collectors.joining(", "));
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == java.time.LocalDate.class) {
      return "a date (yyyy-MM-dd)";
    }
    if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
      return "a time (ISO-8601, e.g. 2026-11-20T06:00:00Z)";
    }
    if (type == java.time.Duration.class) {
      return "a duration (ISO-8601, e.g. PT30M)";
    }
    if (type == String.class) {
      return "text";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a map of keys";
    }
    return "a " + type.getSimpleName();
  }

  /** SnakeYAML's problems by how they start, and what rollcall says instead. */
  private static final String[][] SYNTAX_PROBLEMS = {
    {"mapping values are not allowed here", "a ':' where a value cannot start a map"},
    {"could not find expected ':'", "a key without ':'"},
    {"found character", "a character that cannot start a YAML token (a tab in the indentation?)"},
    {"found a tab character", "a tab in the indentation (YAML indents with spaces)"},
    {"expected <block end>", "the indentation does not line up"},
    {"expected '<document start>'", "content after the end of the document"},
    {"did not find expected key", "the indentation does not line up (expected a key)"},
    {"did not find expected '-' indicator", "the indentation does not line up (expected '-')"},
    {"found unexpected end of stream", "the file ends inside a quoted value"},
    {"found undefined alias", "an alias (*name) whose anchor (&name) is not defined"},
    {"found duplicate anchor", "an anchor (&name) defined twice"},
    {"found unknown escape character", "an unknown escape sequence in a double-quoted value"},
    {"expected alphabetic or numeric character", "an anchor or alias name that is not a word"},
    {"special characters are not allowed", "a control character"},
    {"found unacceptable code point", "a control character"},
    {"The incoming YAML document exceeds the limit", "longer than the parser's limit"},
    {"Number of aliases", "more aliases than the parser allows"},
  };

  /**
   * What is wrong with YAML that does not parse, in rollcall's words: SnakeYAML's message quotes
   * the token it stopped at and the line around it.
   */
  static String syntaxProblem(JsonProcessingException e) {
    String problem =
        e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null
            ? marked.getProblem()
            : e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    for (String[] known : SYNTAX_PROBLEMS) {
      if (problem.startsWith(known[0])) {
        return known[1];
      }
    }
    return "a syntax error";
  }

  /** ", line N" for a location, or nothing when unknown. */
  public static String where(JsonLocation location) {
    return location == null || location.getLineNr() <= 0
        ? ""
        : " line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
