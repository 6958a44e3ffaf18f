package dev.rollcall.connectors.aws;

import dev.rollcall.connectors.aws.CredentialReportRow.AccessKeySlot;
import dev.rollcall.connectors.aws.CredentialReportRow.CertificateSlot;
import dev.rollcall.connectors.aws.CredentialReportRow.Special;
import dev.rollcall.connectors.snapshot.CsvSyntax;
import dev.rollcall.connectors.snapshot.IsoTimes;
import dev.rollcall.connectors.snapshot.SnapshotException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Parses the decoded IAM credential report (the CSV that {@code aws iam get-credential-report}
 * returns base64-encoded) strictly: every cell must be a date, a boolean in any case, or one of the
 * report's special values where the report writes them; anything else fails naming the file, the
 * row and the column (never a cell's text). Rows are numbered as a spreadsheet shows them: the
 * header is row 1. Doc:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html
 */
public final class CredentialReportParser {
  /** The columns rollcall reads; the report's other columns (regions, services) may be absent. */
  static final List<String> COLUMNS =
      List.of(
          "user",
          "arn",
          "user_creation_time",
          "password_enabled",
          "password_last_used",
          "password_last_changed",
          "mfa_active",
          "access_key_1_active",
          "access_key_1_last_rotated",
          "access_key_1_last_used_date",
          "access_key_2_active",
          "access_key_2_last_rotated",
          "access_key_2_last_used_date",
          "cert_1_active",
          "cert_1_last_rotated",
          "cert_2_active",
          "cert_2_last_rotated");

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
          .setTrim(true)
          .get();

  private CredentialReportParser() {}

  /** Parses the text of a credential report; {@code file} is named in messages. */
  public static CredentialReport parse(String text, Path file) {
    // A report saved through some editors starts with a byte order mark; it is not part of "user".
    String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
    if (csv.isBlank()) {
      throw new SnapshotException(
          file, null, "is empty: expected the decoded credential report with its header row");
    }
    List<CredentialReportRow> rows = new ArrayList<>();
    Map<String, Integer> firstRow = new HashMap<>();
    try (CSVParser parser = open(csv, file)) {
      List<String> header = parser.getHeaderNames();
      for (String column : COLUMNS) {
        if (!header.contains(column)) {
          throw new SnapshotException(
              file,
              "header (row 1)",
              "column '" + column + "' is missing: is this the decoded credential report?");
        }
      }
      Iterator<CSVRecord> records = parser.iterator();
      while (true) {
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException e) {
          throw malformed(file, parser.getCurrentLineNumber(), e);
        }
        int rowNumber = Math.toIntExact(parser.getCurrentLineNumber());
        CredentialReportRow row = new Cells(file, rowNumber, header, record).row();
        Integer first = firstRow.putIfAbsent(row.user(), rowNumber);
        if (first != null) {
          throw new SnapshotException(
              file, "row " + rowNumber, "the user is listed twice (first in row " + first + ")");
        }
        rows.add(row);
      }
    } catch (IOException e) {
      throw new SnapshotException(file, null, "cannot read: " + e.getClass().getSimpleName(), e);
    }
    return new CredentialReport(file, rows);
  }

  /** A parser past the header row, or the header's problem. */
  private static CSVParser open(String csv, Path file) {
    try {
      return FORMAT.parse(new StringReader(csv));
    } catch (IOException | IllegalArgumentException e) {
      throw malformed(file, 1, e);
    }
  }

  /** A CSV syntax error at a line, in rollcall's words: Commons CSV's quote the cells. */
  private static SnapshotException malformed(Path file, long line, Exception e) {
    return new SnapshotException(
        file, null, "not a valid CSV file at line " + line + ": " + CsvSyntax.problem(e), e);
  }

  /** Reads the cells of one row, naming file, row, user and column when a cell is malformed. */
  private static final class Cells {
    private final Path file;
    private final List<String> header;
    private final CSVRecord record;
    private final int rowNumber;
    private final String where;

    Cells(Path file, int rowNumber, List<String> header, CSVRecord record) {
      this.file = file;
      this.rowNumber = rowNumber;
      this.header = header;
      this.record = record;
      // The row by its number alone: its cells are the report's content.
      this.where = "row " + rowNumber;
    }

    CredentialReportRow row() {
      if (record.size() > header.size()) {
        throw fail(
            "has " + record.size() + " cells but the header has " + header.size() + " columns");
      }
      String user = text("user");
      boolean root = CredentialReportRow.ROOT.equals(user);
      List<AccessKeySlot> keys = new ArrayList<>();
      List<CertificateSlot> certificates = new ArrayList<>();
      for (int slot = 1; slot <= 2; slot++) {
        String key = "access_key_" + slot + "_";
        keys.add(
            new AccessKeySlot(
                slot,
                bool(key + "active"),
                optionalDate(key + "last_rotated"),
                optionalDate(key + "last_used_date")));
        String cert = "cert_" + slot + "_";
        certificates.add(
            new CertificateSlot(slot, bool(cert + "active"), optionalDate(cert + "last_rotated")));
      }
      Special lastUsedSpecial = Special.of(cell("password_last_used"));
      return new CredentialReportRow(
          rowNumber,
          user,
          text("arn"),
          date("user_creation_time"),
          passwordEnabled(root),
          lastUsedSpecial == null ? date("password_last_used") : null,
          lastUsedSpecial,
          optionalDate("password_last_changed"),
          bool("mfa_active"),
          keys,
          certificates);
    }

    private String cell(String column) {
      int index = header.indexOf(column);
      if (index >= record.size()) {
        throw fail(
            "column '"
                + column
                + "' is missing (the row has "
                + record.size()
                + " cells, the header "
                + header.size()
                + ")");
      }
      return record.get(index);
    }

    private String text(String column) {
      String value = cell(column);
      if (value.isEmpty()) {
        throw fail("column '" + column + "' is empty");
      }
      return value;
    }

    private Instant date(String column) {
      String value = cell(column);
      try {
        return IsoTimes.parse(value);
      } catch (DateTimeParseException e) {
        throw new SnapshotException(
            file,
            where,
            "column '" + column + "' is not a date such as 2026-01-02T03:04:05+00:00",
            e);
      }
    }

    /** A date, or null for N/A, no_information or not_supported. */
    private Instant optionalDate(String column) {
      return Special.of(cell(column)) == null ? date(column) : null;
    }

    private boolean bool(String column) {
      String value = cell(column);
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> throw fail("column '" + column + "' is not true or false");
      };
    }

    /**
     * password_enabled is a boolean, except on the root row where the report says not_supported.
     */
    private Boolean passwordEnabled(boolean root) {
      if (Special.of(cell("password_enabled")) == Special.NOT_SUPPORTED) {
        if (!root) {
          throw fail(
              "column 'password_enabled' is not_supported, which the report writes only for "
                  + CredentialReportRow.ROOT);
        }
        return null;
      }
      return bool("password_enabled");
    }

    private SnapshotException fail(String problem) {
      return new SnapshotException(file, where, problem);
    }
  }
}
