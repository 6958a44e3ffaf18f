package dev.rollcall.jobs.correlate;

import org.apache.commons.csv.CSVFormat;

/** The CSV dialect of the files people keep beside rollcall.yaml (mapping file, HR roster). */
final class CsvFiles {
  private CsvFiles() {}

  /** A header row, blank lines and {@code #} comments skipped, cells trimmed. */
  static CSVFormat withHeader() {
    return CSVFormat.DEFAULT
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(true)
        .setTrim(true)
        .setCommentMarker('#')
        .get();
  }
}
