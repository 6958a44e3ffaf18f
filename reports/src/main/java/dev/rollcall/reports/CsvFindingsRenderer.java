package dev.rollcall.reports;

import dev.rollcall.model.Finding;
import dev.rollcall.model.TrackedFinding;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Renders findings.csv (RFC 4180), one tracked finding of the night a row in report order (open,
 * not re-checked, suppressed and resolved tonight, told apart by {@code status}); lists are joined
 * with {@code "; "}. Account names and other values come from sources, so a cell a spreadsheet
 * would run as a formula gets a leading apostrophe, as OWASP advises
 * (https://owasp.org/www-community/attacks/CSV_Injection).
 */
public final class CsvFindingsRenderer {
  static final List<String> HEADER =
      List.of(
          "fingerprint",
          "severity",
          "new",
          "status",
          "first_seen",
          "last_seen",
          "days_open",
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
          "remediation",
          "source",
          "exception",
          "not_rechecked_because");

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get();

  /** What a spreadsheet reads as the start of a formula (or strips before looking for one). */
  private static final String FORMULA_STARTS = "=+-@\t\r";

  private CsvFindingsRenderer() {}

  /** The document as a string. */
  public static String render(RunReport report) {
    return new String(renderBytes(report), StandardCharsets.UTF_8);
  }

  /** The document as UTF-8 bytes. */
  public static byte[] renderBytes(RunReport report) {
    AtomicFiles.Content content = out -> write(report, out);
    return content.toBytes();
  }

  /** Writes the document to {@code out} as UTF-8, one row at a time; leaves {@code out} open. */
  public static void write(RunReport report, OutputStream out) throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    CSVPrinter printer = new CSVPrinter(writer, FORMAT);
    for (TrackedFinding t : report.findings()) {
      printer.printRecord(row(report, t));
    }
    printer.flush();
  }

  private static List<String> row(RunReport report, TrackedFinding t) {
    Finding f = t.finding();
    return List.of(
            f.fingerprint(),
            f.severity().name().toLowerCase(Locale.ROOT),
            Boolean.toString(t.status().fresh()),
            t.status().name().toLowerCase(Locale.ROOT),
            t.firstSeen().toString(),
            t.lastSeen().toString(),
            Long.toString(t.daysOpen(report.startedAt())),
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
            f.remediation(),
            t.source(),
            t.acceptedRisk()
                .map(
                    r ->
                        r.id()
                            + " (owner "
                            + r.owner()
                            + ", until "
                            + r.expires()
                            + "): "
                            + r.reason())
                .orElse(""),
            t.notRecheckedBecause())
        .stream()
        .map(CsvFindingsRenderer::neutralise)
        .toList();
  }

  /** Prefixes a cell that starts like a formula with an apostrophe, so it shows as text. */
  public static String neutralise(String cell) {
    // A cell already starting with an apostrophe before a formula start gets one more, so that
    // restore gives every cell back exactly.
    if (!cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 || isNeutralised(cell)) {
      return "'" + cell;
    }
    return cell;
  }

  /** The cell {@link #neutralise} was given: a review pack filled in and read back is unchanged. */
  public static String restore(String cell) {
    return isNeutralised(cell) ? cell.substring(1) : cell;
  }

  private static boolean isNeutralised(String cell) {
    return cell.length() > 1
        && cell.charAt(0) == '\''
        && (FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0 || cell.charAt(1) == '\'');
  }
}
