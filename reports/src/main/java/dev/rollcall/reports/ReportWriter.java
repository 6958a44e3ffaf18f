package dev.rollcall.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a run's reports (findings.json, findings.csv, summary.md, report.html,
 * findings.ocsf.jsonl, summary-short.md) into the output folder, each atomically and readable by
 * its owner only.
 */
public final class ReportWriter {
  static final String JSON = "findings.json";
  static final String CSV = "findings.csv";
  static final String SUMMARY = "summary.md";
  static final String HTML = "report.html";
  static final String OCSF = "findings.ocsf.jsonl";
  static final String SHORT_SUMMARY = "summary-short.md";

  private record Rendered(String name, byte[] content) {}

  private ReportWriter() {}

  /** Writes the reports and returns their paths, in the order of the class comment. */
  public static List<Path> write(RunReport report, Path outputDir) {
    // Render all of them before writing any, so that a renderer failing leaves every old report.
    List<Rendered> files =
        List.of(
            new Rendered(JSON, JsonFindingsRenderer.renderBytes(report)),
            new Rendered(CSV, CsvFindingsRenderer.renderBytes(report)),
            new Rendered(SUMMARY, MarkdownSummaryRenderer.renderBytes(report)),
            new Rendered(HTML, HtmlReportRenderer.renderBytes(report)),
            new Rendered(OCSF, OcsfFindingsRenderer.renderBytes(report)),
            new Rendered(SHORT_SUMMARY, ShortSummaryRenderer.renderBytes(report)));
    List<Path> written = new ArrayList<>();
    for (Rendered file : files) {
      Path target = outputDir.resolve(file.name());
      try {
        AtomicFiles.write(target, file.content());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write report " + target, e);
      }
      written.add(target);
    }
    return List.copyOf(written);
  }
}
