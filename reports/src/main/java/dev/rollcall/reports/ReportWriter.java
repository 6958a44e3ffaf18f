package dev.rollcall.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a run's reports (findings.json, findings.csv, summary.md) into the output folder, each
 * atomically and readable by its owner only.
 */
public final class ReportWriter {
  static final String JSON = "findings.json";
  static final String CSV = "findings.csv";
  static final String SUMMARY = "summary.md";

  private record Rendered(String name, AtomicFiles.Content content) {}

  private ReportWriter() {}

  /** Writes the three reports and returns their paths, in that order. */
  public static List<Path> write(RunReport report, Path outputDir) {
    // The findings files are streamed into their temporary files (a million accounts' findings
    // need not fit in memory twice); a renderer that fails leaves its old report in place.
    byte[] summary = MarkdownSummaryRenderer.renderBytes(report);
    List<Rendered> files =
        List.of(
            new Rendered(JSON, out -> JsonFindingsRenderer.write(report, out)),
            new Rendered(CSV, out -> CsvFindingsRenderer.write(report, out)),
            new Rendered(SUMMARY, out -> out.write(summary)));
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
