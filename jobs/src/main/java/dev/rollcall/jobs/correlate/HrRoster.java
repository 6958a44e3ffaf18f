package dev.rollcall.jobs.correlate;

import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.jobs.config.TextFiles;
import dev.rollcall.model.Identity;
import dev.rollcall.model.PersonStatus;
import java.io.IOException;
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
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The HR roster: who works for the company, by email, with status, end date and manager. Together
 * with the identity provider it is the directory of people; a person's status is the stricter of
 * the two, so someone terminated in HR whose Google account is still active has left.
 *
 * @param source where the roster was read from (a file, a MongoDB collection), for messages
 * @param rows one row per person, by lower-case email
 */
public record HrRoster(String source, Map<String, Row> rows) {
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
   * @param where where it stands: the file and line, or the collection and document id
   */
  public record Row(
      String email, String name, String status, LocalDate endDate, String manager, String where) {}

  public HrRoster {
    rows = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rows));
  }

  /** Reads the roster, failing with the file, line and column of a bad row. */
  public static HrRoster read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(file + ": HR roster not found");
    }
    Map<String, Row> rows = new LinkedHashMap<>();
    try (CSVParser parser = CsvFiles.parse(file, TextFiles.read(file))) {
      CsvFiles.requireHeader(file, parser, HEADER);
      for (CSVRecord record : CsvFiles.records(file, parser)) {
        long line = parser.getCurrentLineNumber();
        String where = file + " line " + line;
        if (record.size() != HEADER.size()) {
          throw new ConfigException(where + ": expected 5 columns, found " + record.size());
        }
        LocalDate end = null;
        if (!record.get(3).isEmpty()) {
          try {
            end = LocalDate.parse(record.get(3));
          } catch (DateTimeParseException e) {
            throw new ConfigException(where + ": column end_date must be a date (yyyy-MM-dd)", e);
          }
        }
        add(
            rows,
            where,
            "column ",
            file.getFileName() + " line " + line,
            new Fields(record.get(0), record.get(1), record.get(2), end, record.get(4)),
            HEADER);
      }
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getClass().getSimpleName(), e);
    }
    return new HrRoster(file.toString(), rows);
  }

  /** One person's fields as a source gives them, before they are checked. */
  record Fields(String email, String name, String status, LocalDate endDate, String manager) {}

  /**
   * Checks one person's fields and adds them, failing with {@code where} and the field's name (as
   * the source calls it, {@code names} in the order email, name, status, end date, manager).
   *
   * @param evidence how a finding's evidence names the row
   */
  static void add(
      Map<String, Row> rows,
      String where,
      String kind,
      String evidence,
      Fields fields,
      List<String> names) {
    String email = fields.email() == null ? "" : fields.email().strip().toLowerCase(Locale.ROOT);
    if (!email.contains("@")) {
      throw new ConfigException(
          where + ": " + kind + names.get(0) + " must be an email (it holds no @)");
    }
    String status = fields.status() == null ? "" : fields.status().strip().toLowerCase(Locale.ROOT);
    if (!ACTIVE.contains(status) && !LEFT.contains(status)) {
      throw new ConfigException(
          where
              + ": "
              + kind
              + names.get(2)
              + " must be one of "
              + String.join(", ", new java.util.TreeSet<>(union())));
    }
    String manager =
        fields.manager() == null || fields.manager().isBlank()
            ? null
            : fields.manager().strip().toLowerCase(Locale.ROOT);
    if (rows.put(
            email,
            new Row(email, emptyToNull(fields.name()), status, fields.endDate(), manager, evidence))
        != null) {
      throw new ConfigException(where + ": " + kind + names.get(0) + ": the email is listed twice");
    }
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

  private static String evidence(Row row) {
    return "HR roster ("
        + row.where()
        + "): "
        + row.status()
        + (row.endDate() == null ? "" : ", end date " + row.endDate());
  }

  private static Set<String> union() {
    Set<String> all = new java.util.HashSet<>(ACTIVE);
    all.addAll(LEFT);
    return all;
  }

  static String emptyToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
