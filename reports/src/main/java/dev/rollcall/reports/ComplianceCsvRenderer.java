package dev.rollcall.reports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Renders compliance.csv (RFC 4180): one control of the run's profile a row, in the profile's
 * order, with its verdict, the open findings that break it, the accepted risks that cite it and the
 * rules that check it (lists joined with {@code "; "}). Cells that would start a formula are
 * neutralised as in findings.csv.
 */
public final class ComplianceCsvRenderer {
  static final List<String> HEADER =
      List.of(
          "profile",
          "reference",
          "clause",
          "status",
          "breaking_findings",
          "accepted_findings",
          "rules",
          "rules_off");

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get();

  private ComplianceCsvRenderer() {}

  /** The document as UTF-8 bytes. */
  public static byte[] renderBytes(RunReport report) {
    AtomicFiles.Content content = out -> write(report, out);
    return content.toBytes();
  }

  /** Writes the document to {@code out} as UTF-8; leaves {@code out} open. */
  public static void write(RunReport report, OutputStream out) throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    CSVPrinter printer = new CSVPrinter(writer, FORMAT);
    for (Compliance.Result r : Compliance.of(report)) {
      printer.printRecord(
          List.of(
                  report.profile(),
                  r.control().clause().reference(),
                  r.control().clause().text(),
                  r.verdict().label(),
                  Integer.toString(r.breaking()),
                  Integer.toString(r.accepted()),
                  String.join("; ", r.control().rules()),
                  String.join("; ", r.control().rulesOff()))
              .stream()
              .map(CsvFindingsRenderer::neutralise)
              .toList());
    }
    printer.flush();
  }
}
