package dev.rollcall.connectors.aws;

import dev.rollcall.connectors.snapshot.SnapshotException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Parses the decoded IAM credential report CSV strictly, resolving its special values. */
public final class CredentialReportParser {
  static final List<String> REQUIRED =
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
          "access_key_1_last_used_service",
          "access_key_2_active",
          "access_key_2_last_rotated",
          "access_key_2_last_used_date",
          "access_key_2_last_used_service",
          "cert_1_active",
          "cert_1_last_rotated",
          "cert_2_active",
          "cert_2_last_rotated");

  private CredentialReportParser() {}

  public static List<CredentialReportRow> parse(Path file) {
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    List<CredentialReportRow> rows = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file);
        CSVParser parser = format.parse(reader)) {
      for (String column : REQUIRED) {
        if (!parser.getHeaderMap().containsKey(column)) {
          throw new SnapshotException(file, "header", "column '" + column + "' is missing");
        }
      }
      for (CSVRecord record : parser) {
        rows.add(row(file, record));
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new SnapshotException(
          file, null, "cannot read the credential report: " + e.getMessage(), e);
    }
    return rows;
  }

  private static CredentialReportRow row(Path file, CSVRecord record) {
    String where = "row " + record.getRecordNumber();
    if (!record.isConsistent()) {
      throw new SnapshotException(
          file,
          where,
          "has "
              + record.size()
              + " columns, the header has "
              + record.getParser().getHeaderNames().size());
    }
    String user = record.get("user");
    if (user.isEmpty()) {
      throw new SnapshotException(file, where, "column 'user' is empty");
    }
    Cells cells = new Cells(file, where + " (user=" + user + ")", record);
    String lastUsed = record.get("password_last_used");
    List<CredentialReportRow.KeySlot> keys = new ArrayList<>();
    List<CredentialReportRow.CertSlot> certs = new ArrayList<>();
    for (int slot = 1; slot <= 2; slot++) {
      String key = "access_key_" + slot + "_";
      keys.add(
          new CredentialReportRow.KeySlot(
              slot,
              cells.bool(key + "active"),
              cells.time(key + "last_rotated"),
              cells.time(key + "last_used_date"),
              cells.text(key + "last_used_service")));
      String cert = "cert_" + slot + "_";
      certs.add(
          new CredentialReportRow.CertSlot(
              slot, cells.bool(cert + "active"), cells.time(cert + "last_rotated")));
    }
    return new CredentialReportRow(
        record.getParser().getCurrentLineNumber(),
        user,
        cells.text("arn"),
        cells.time("user_creation_time"),
        cells.optionalBool("password_enabled"),
        cells.time("password_last_used"),
        lastUsed.equalsIgnoreCase("no_information"),
        cells.time("password_last_changed"),
        cells.bool("mfa_active"),
        List.copyOf(keys),
        List.copyOf(certs));
  }

  /** Reads a row's cells, naming file, row and column when a value is not what the report uses. */
  private record Cells(Path file, String where, CSVRecord record) {
    private static boolean absent(String value) {
      // N/A: no such credential; not_supported: the column does not apply (the root row);
      // no_information: never used since IAM began tracking use.
      return value.isEmpty()
          || value.equalsIgnoreCase("N/A")
          || value.equalsIgnoreCase("not_supported")
          || value.equalsIgnoreCase("no_information");
    }

    String text(String column) {
      String value = record.get(column);
      return absent(value) ? null : value;
    }

    Instant time(String column) {
      String value = record.get(column);
      if (absent(value)) {
        return null;
      }
      try {
        return OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException e) {
        throw new SnapshotException(
            file, where, "column '" + column + "' is not a date: '" + value + "'", e);
      }
    }

    boolean bool(String column) {
      Boolean value = optionalBool(column);
      if (value == null) {
        throw new SnapshotException(
            file,
            where,
            "column '" + column + "' is not true or false: '" + record.get(column) + "'");
      }
      return value;
    }

    Boolean optionalBool(String column) {
      String value = record.get(column).toLowerCase(Locale.ROOT);
      return switch (value) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        case "not_supported", "n/a" -> null;
        default ->
            throw new SnapshotException(
                file,
                where,
                "column '" + column + "' is not true or false: '" + record.get(column) + "'");
      };
    }
  }
}
