package dev.rollcall.reports;

import dev.rollcall.model.Finding;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Renders findings.csv, one finding a row. Cells that a spreadsheet would run as a formula get a
 * leading apostrophe (OWASP's advice on CSV injection), since account names come from sources.
 */
public final class CsvFindingsRenderer {
  static final List<String> HEADER =
      List.of(
          "fingerprint",
          "severity",
          "new",
          "rule_id",
          "title",
          "system",
          "tenant",
          "account",
          "account_name",
          "people",
          "summary",
          "evidence",
          "clauses",
          "remediation");

  private CsvFindingsRenderer() {}

  public static String render(RunReport report) {
    StringWriter out = new StringWriter();
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(HEADER.toArray(String[]::new)).get();
    try (CSVPrinter printer = new CSVPrinter(out, format)) {
      for (Finding f : report.findings()) {
        printer.printRecord(
            List.of(
                    f.fingerprint(),
                    f.severity().name().toLowerCase(Locale.ROOT),
                    Boolean.toString(report.isNew(f)),
                    f.ruleId(),
                    f.title(),
                    f.account().system().name().toLowerCase(Locale.ROOT),
                    f.account().tenant(),
                    f.account().id(),
                    f.accountName(),
                    String.join("; ", f.personIds()),
                    f.summary(),
                    f.evidence().stream()
                        .map(e -> e.label() + ": " + e.value())
                        .collect(Collectors.joining("; ")),
                    f.clauses().stream()
                        .map(c -> c.reference() + ": " + c.text())
                        .collect(Collectors.joining("; ")),
                    f.remediation())
                .stream()
                .map(CsvFindingsRenderer::neutralise)
                .toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string cannot fail", e);
    }
    return out.toString();
  }

  /** Prefixes a cell that starts like a formula so that spreadsheets show it as text. */
  static String neutralise(String cell) {
    if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
      return "'" + cell;
    }
    return cell;
  }
}
