package dev.rollcall.jobs.correlate;

import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.jobs.config.TextFiles;
import dev.rollcall.model.SourceSystem;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The explicit mapping file: rows of {@code system,tenant,account,person} that tie an account (by
 * sign-in name or native id) to a person's email. Two rows for one account declare it shared.
 *
 * @param rows the account to people, keyed by {@link #key}
 */
public record MappingFile(Map<String, List<String>> rows) implements Serializable {
  private static final List<String> HEADER = List.of("system", "tenant", "account", "person");

  public MappingFile {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    rows.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    rows = java.util.Collections.unmodifiableMap(copy);
  }

  public static MappingFile empty() {
    return new MappingFile(Map.of());
  }

  /** The lookup key of an account name or native id in a system's tenant. */
  public static String key(SourceSystem system, String tenant, String account) {
    return system.name() + "|" + tenant + "|" + account.toLowerCase(Locale.ROOT);
  }

  /** The people mapped to this account, by its name or its native id. */
  public List<String> peopleFor(SourceSystem system, String tenant, String name, String nativeId) {
    List<String> people = new ArrayList<>(rows.getOrDefault(key(system, tenant, name), List.of()));
    for (String p : rows.getOrDefault(key(system, tenant, nativeId), List.of())) {
      if (!people.contains(p)) {
        people.add(p);
      }
    }
    return people;
  }

  /** Reads the file, failing with its name, the line and the column of a bad row. */
  public static MappingFile read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(file + ": mapping file not found");
    }
    Map<String, List<String>> rows = new LinkedHashMap<>();
    try (CSVParser parser = CsvFiles.parse(file, TextFiles.read(file))) {
      CsvFiles.requireHeader(file, parser, HEADER);
      for (CSVRecord row : CsvFiles.records(file, parser)) {
        String where = file + " line " + parser.getCurrentLineNumber();
        if (row.size() != HEADER.size()) {
          throw new ConfigException(where + ": expected 4 columns, found " + row.size());
        }
        SourceSystem system = system(row.get(0), where);
        String tenant = required(row.get(1), "tenant", where);
        String account = required(row.get(2), "account", where);
        String person = required(row.get(3), "person", where).toLowerCase(Locale.ROOT);
        if (!person.contains("@")) {
          throw new ConfigException(where + ": column person must be an email (it holds no @)");
        }
        List<String> people =
            rows.computeIfAbsent(key(system, tenant, account), k -> new ArrayList<>());
        if (!people.contains(person)) {
          people.add(person);
        }
      }
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getClass().getSimpleName(), e);
    }
    return new MappingFile(rows);
  }

  private static SourceSystem system(String text, String where) {
    try {
      return SourceSystem.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          where
              + ": column system: not a system rollcall knows; expected one of "
              + java.util.Arrays.stream(SourceSystem.values())
                  .map(s -> s.name().toLowerCase(Locale.ROOT))
                  .toList(),
          e);
    }
  }

  private static String required(String value, String column, String where) {
    if (value == null || value.isBlank()) {
      throw new ConfigException(where + ": column " + column + " is empty");
    }
    return value.strip();
  }
}
