package dev.rollcall.jobs.correlate;

import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.model.Identity;
import dev.rollcall.model.PersonStatus;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The HR roster: who works for the company, by email, with status, end date and manager. Together
 * with the identity provider it is the directory of people; a person's status is the stricter of
 * the two, so someone terminated in HR whose Google account is still active has left.
 *
 * @param file where the roster was read from, for evidence
 * @param rows one row per person, by lower-case email
 */
public record HrRoster(Path file, Map<String, Row> rows) {
  private static final List<String> HEADER =
      List.of("email", "name", "status", "end_date", "manager");
  private static final Set<String> ACTIVE = Set.of("active", "leave", "on leave", "notice");
  private static final Set<String> LEFT =
      Set.of("terminated", "left", "inactive", "ended", "resigned", "retired");

  /**
   * One person in the roster.
   *
   * @param email the work email, lower case
   * @param name the name, or null
   * @param status the status as written (lower case)
   * @param endDate the last day of work, or null
   * @param manager the manager's email, lower case, or null
   * @param line the line in the file
   */
  public record Row(
      String email, String name, String status, LocalDate endDate, String manager, long line) {}

  public HrRoster {
    rows = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rows));
  }

  /** Reads the roster, failing with the file, line and column of a bad row. */
  public static HrRoster read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(file + ": HR roster not found");
    }
    CSVFormat format = CsvFiles.withHeader();
    Map<String, Row> rows = new LinkedHashMap<>();
    try (Reader reader = Files.newBufferedReader(file);
        CSVParser parser = format.parse(reader)) {
      List<String> header =
          parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
      if (!header.equals(HEADER)) {
        throw new ConfigException(
            file
                + " line 1: the header must be "
                + String.join(",", HEADER)
                + ", was "
                + String.join(",", parser.getHeaderNames()));
      }
      for (CSVRecord record : parser) {
        long line = parser.getCurrentLineNumber();
        String where = file + " line " + line;
        if (record.size() != HEADER.size()) {
          throw new ConfigException(where + ": expected 5 columns, found " + record.size());
        }
        String email = record.get(0).toLowerCase(Locale.ROOT);
        if (!email.contains("@")) {
          throw new ConfigException(where + ": column email must be an email, was '" + email + "'");
        }
        String status = record.get(2).toLowerCase(Locale.ROOT);
        if (!ACTIVE.contains(status) && !LEFT.contains(status)) {
          throw new ConfigException(
              where
                  + ": column status must be one of "
                  + String.join(", ", new java.util.TreeSet<>(union()))
                  + ", was '"
                  + record.get(2)
                  + "'");
        }
        LocalDate end = null;
        if (!record.get(3).isEmpty()) {
          try {
            end = LocalDate.parse(record.get(3));
          } catch (DateTimeParseException e) {
            throw new ConfigException(
                where
                    + ": column end_date must be a date (yyyy-MM-dd), was '"
                    + record.get(3)
                    + "'",
                e);
          }
        }
        String manager = record.get(4).isEmpty() ? null : record.get(4).toLowerCase(Locale.ROOT);
        if (rows.put(email, new Row(email, emptyToNull(record.get(1)), status, end, manager, line))
            != null) {
          throw new ConfigException(where + ": " + email + " is listed twice");
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
    }
    return new HrRoster(file, rows);
  }

  /** No roster. */
  public static HrRoster none() {
    return new HrRoster(null, Map.of());
  }

  /**
   * The directory of people: the identity provider's people with the roster's status, end date and
   * manager laid over them (the stricter status wins), plus the people only the roster knows.
   *
   * @param people the identity provider's people
   * @param asOf the time an end date is compared with
   */
  public List<Identity> merge(List<Identity> people, Instant asOf) {
    if (rows.isEmpty()) {
      return people;
    }
    Map<String, Row> unmatched = new LinkedHashMap<>(rows);
    List<Identity> merged = new ArrayList<>();
    for (Identity person : people) {
      Row row = null;
      for (String email : person.emails()) {
        row = row != null ? row : unmatched.remove(email);
      }
      if (row == null) {
        row = unmatched.remove(person.personId());
      }
      merged.add(row == null ? person : merge(person, row, asOf));
    }
    for (Row row : unmatched.values()) {
      boolean left = left(row, asOf);
      merged.add(
          new Identity(
              row.email(),
              row.name(),
              null,
              null,
              List.of(row.email()),
              left ? PersonStatus.LEFT : PersonStatus.ACTIVE,
              evidence(row) + " (not in the identity provider)",
              left ? endInstant(row) : null,
              null,
              row.manager()));
    }
    return merged;
  }

  private Identity merge(Identity person, Row row, Instant asOf) {
    boolean rosterLeft = left(row, asOf);
    boolean left = person.status() == PersonStatus.LEFT || rosterLeft;
    String statusEvidence =
        rosterLeft && person.status() != PersonStatus.LEFT
            ? evidence(row) + "; " + person.statusEvidence()
            : person.statusEvidence() + "; " + evidence(row);
    Instant leftAt = person.leftAt();
    if (rosterLeft
        && endInstant(row) != null
        && (leftAt == null || endInstant(row).isBefore(leftAt))) {
      leftAt = endInstant(row);
    }
    return new Identity(
        person.personId(),
        person.displayName() != null ? person.displayName() : row.name(),
        person.givenName(),
        person.familyName(),
        person.emails(),
        left ? PersonStatus.LEFT : PersonStatus.ACTIVE,
        statusEvidence,
        left ? leftAt : null,
        person.source(),
        row.manager() != null ? row.manager() : person.manager());
  }

  private static boolean left(Row row, Instant asOf) {
    return LEFT.contains(row.status()) || (row.endDate() != null && !endInstant(row).isAfter(asOf));
  }

  /** The end of the last working day, UTC. */
  private static Instant endInstant(Row row) {
    return row.endDate() == null
        ? null
        : row.endDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private String evidence(Row row) {
    return "HR roster"
        + (file == null ? "" : " (" + file.getFileName() + " line " + row.line() + ")")
        + ": "
        + row.status()
        + (row.endDate() == null ? "" : ", end date " + row.endDate());
  }

  private static Set<String> union() {
    Set<String> all = new java.util.HashSet<>(ACTIVE);
    all.addAll(LEFT);
    return all;
  }

  private static String emptyToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
