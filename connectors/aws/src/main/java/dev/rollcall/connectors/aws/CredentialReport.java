package dev.rollcall.connectors.aws;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The decoded IAM credential report of one account, with the file it was read from so that the
 * mapper's messages can name it.
 *
 * @param file the credential-report.csv file
 * @param rows its rows in file order, the root user's included
 */
public record CredentialReport(Path file, List<CredentialReportRow> rows) {
  public CredentialReport {
    Objects.requireNonNull(file, "file");
    rows = List.copyOf(rows);
  }
}
