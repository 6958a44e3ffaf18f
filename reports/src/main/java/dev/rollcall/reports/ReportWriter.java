package dev.rollcall.reports;

import dev.rollcall.model.Finding;
import dev.rollcall.model.SideBySide;
import dev.rollcall.model.TrackedFinding;
import dev.rollcall.reports.review.AccessInventory;
import dev.rollcall.reports.review.InventoryCsv;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a run's reports (findings.json, findings.csv, summary.md, report.html,
 * findings.ocsf.jsonl, summary-short.md, and with an access inventory inventory.csv) into the
 * output folder, each atomically and readable by its owner only.
 */
public final class ReportWriter {
  static final String JSON = "findings.json";
  static final String CSV = "findings.csv";
  static final String SUMMARY = "summary.md";
  static final String HTML = "report.html";
  static final String OCSF = "findings.ocsf.jsonl";

  /** The short summary a run posts to its chat webhook. */
  public static final String SHORT_SUMMARY = "summary-short.md";

  /** The compliance roll-up, one control of the profile a row. */
  public static final String COMPLIANCE = "compliance.csv";

  /** The order the reports start in, side by side: the ones that take longest (measured) first. */
  private static final List<String> SLOWEST_FIRST =
      List.of(SUMMARY, HTML, JSON, InventoryCsv.FILE, CSV, OCSF, COMPLIANCE, SHORT_SUMMARY);

  private record Rendered(String name, AtomicFiles.Content content) {}

  private ReportWriter() {}

  /** Writes the reports and returns their paths, in the order of the class comment. */
  public static List<Path> write(RunReport report, Path outputDir) {
    return write(report, null, outputDir);
  }

  /**
   * Writes the reports and, when {@code inventory} is given, inventory.csv after them; returns
   * their paths, in the order of the class comment.
   */
  public static List<Path> write(RunReport report, AccessInventory inventory, Path outputDir) {
    // The findings files (JSON, CSV, OCSF, Markdown, HTML) and the inventory are streamed into
    // their temporary files (a million accounts' findings need not fit in memory twice); a
    // renderer that fails leaves its old report in place.
    byte[] shortSummary = ShortSummaryRenderer.renderBytes(report);
    List<Rendered> files =
        List.of(
            new Rendered(JSON, out -> JsonFindingsRenderer.write(report, out)),
            new Rendered(CSV, out -> CsvFindingsRenderer.write(report, out)),
            new Rendered(SUMMARY, out -> MarkdownSummaryRenderer.write(report, out)),
            new Rendered(HTML, out -> HtmlReportRenderer.write(report, inventory, out)),
            new Rendered(OCSF, out -> OcsfFindingsRenderer.write(report, out)),
            new Rendered(SHORT_SUMMARY, out -> out.write(shortSummary)),
            new Rendered(COMPLIANCE, out -> ComplianceCsvRenderer.write(report, out)));
    if (inventory != null) {
      List<Finding> open = report.open().stream().map(TrackedFinding::finding).toList();
      files = new ArrayList<>(files);
      files.add(
          new Rendered(
              InventoryCsv.FILE,
              out -> {
                Writer writer =
                    new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                InventoryCsv.write(
                    inventory.rows(), inventory.privilege(), inventory.people(), open, writer);
                writer.flush();
              }));
    }
    // Each file is written on its own (the renderers share nothing but the report they read), so
    // they are written side by side, the slowest first.
    return List.copyOf(
        SideBySide.inOrder(
            files,
            Comparator.comparingInt(file -> slowestFirst(file.name())),
            file -> {
              Path target = outputDir.resolve(file.name());
              try {
                AtomicFiles.write(target, file.content());
              } catch (IOException e) {
                throw new UncheckedIOException("cannot write report " + target, e);
              }
              return target;
            },
            "rollcall-report"));
  }

  /** Where a report starts among the others. */
  private static int slowestFirst(String name) {
    int rank = SLOWEST_FIRST.indexOf(name);
    return rank < 0 ? SLOWEST_FIRST.size() : rank;
  }
}
