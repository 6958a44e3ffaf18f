package dev.rollcall.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a run's reports into the output folder, each atomically and readable by its owner only.
 */
public final class ReportWriter {
  private ReportWriter() {}

  /** Writes findings.json, findings.csv and summary.md; returns their paths. */
  public static List<Path> write(RunReport report, Path outputDir) {
    // Render everything first, so that a renderer failing leaves every old report in place.
    List<String[]> files =
        List.of(
            new String[] {"findings.json", JsonFindingsRenderer.render(report)},
            new String[] {"findings.csv", CsvFindingsRenderer.render(report)},
            new String[] {"summary.md", MarkdownSummaryRenderer.render(report)});
    List<Path> written = new ArrayList<>();
    try {
      for (String[] file : files) {
        Path target = outputDir.resolve(file[0]);
        AtomicFiles.write(target, file[1].getBytes(StandardCharsets.UTF_8));
        written.add(target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the reports into " + outputDir, e);
    }
    return written;
  }
}
