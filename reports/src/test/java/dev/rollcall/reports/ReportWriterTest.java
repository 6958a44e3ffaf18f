package dev.rollcall.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  @TempDir Path dir;

  @Test
  void writesEveryReportOwnerOnlyAndReturnsTheirPaths() throws IOException {
    Path out = dir.resolve("out");
    RunReport report = Reports.run();

    List<Path> written = ReportWriter.write(report, out);

    assertEquals(
        List.of(
            out.resolve("findings.json"),
            out.resolve("findings.csv"),
            out.resolve("summary.md"),
            out.resolve("report.html"),
            out.resolve("findings.ocsf.jsonl"),
            out.resolve("summary-short.md"),
            out.resolve("compliance.csv")),
        written);
    assertEquals(JsonFindingsRenderer.render(report), Files.readString(written.get(0)));
    assertEquals(CsvFindingsRenderer.render(report), Files.readString(written.get(1)));
    assertEquals(MarkdownSummaryRenderer.render(report), Files.readString(written.get(2)));
    assertEquals(HtmlReportRenderer.render(report), Files.readString(written.get(3)));
    assertEquals(OcsfFindingsRenderer.render(report), Files.readString(written.get(4)));
    assertEquals(ShortSummaryRenderer.render(report), Files.readString(written.get(5)));
    assertEquals(
        new String(ComplianceCsvRenderer.renderBytes(report), StandardCharsets.UTF_8),
        Files.readString(written.get(6)));
    if (out.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      for (Path path : written) {
        assertEquals(
            "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
      }
    }
  }

  @Test
  void replacesLastNightsReportsWithoutLeavingTemporaryFiles() throws IOException {
    ReportWriter.write(Reports.run(), dir);
    ReportWriter.write(Reports.clean(), dir);

    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(
          List.of(
              "compliance.csv",
              "findings.csv",
              "findings.json",
              "findings.ocsf.jsonl",
              "report.html",
              "summary-short.md",
              "summary.md"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertTrue(Files.readString(dir.resolve("summary.md")).contains("No findings"));
  }

  @Test
  void namesTheReportItCouldNotWrite() throws IOException {
    Path notAFolder = dir.resolve("out");
    Files.writeString(notAFolder, "a file\n");

    UncheckedIOException e =
        assertThrows(
            UncheckedIOException.class, () -> ReportWriter.write(Reports.run(), notAFolder));

    assertTrue(e.getMessage().contains("findings.json"), e.getMessage());
    assertEquals("a file\n", Files.readString(notAFolder));
  }
}
