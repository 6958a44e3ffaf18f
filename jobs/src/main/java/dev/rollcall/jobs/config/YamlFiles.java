package dev.rollcall.jobs.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Reads rollcall's YAML files (configuration, policy profiles) strictly: unknown keys, wrong types
 * and values a record refuses all fail with the file, line and key path in the message.
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
      document = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
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
          file + where(e.getLocation()) + ": not valid YAML: " + e.getOriginalMessage(), e);
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
    String problem = e.getOriginalMessage();
    if (e instanceof ValueInstantiationException && e.getCause() != null) {
      problem = e.getCause().getMessage();
    }
    if (problem.startsWith("Cannot map `null` into type")) {
      problem = "a value is required here";
    }
    // Jackson's messages end with a long "(for Object starting at...)" tail; keep the first line.
    int newline = problem.indexOf('\n');
    if (newline > 0) {
      problem = problem.substring(0, newline);
    }
    return file + where + (path.isEmpty() ? "" : ": key " + path) + ": " + problem;
  }

  /** ", line N" for a location, or nothing when unknown. */
  public static String where(JsonLocation location) {
    return location == null || location.getLineNr() <= 0
        ? ""
        : " line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
