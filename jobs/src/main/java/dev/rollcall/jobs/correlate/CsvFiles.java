package dev.rollcall.jobs.correlate;

import dev.rollcall.connectors.snapshot.CsvSyntax;
import dev.rollcall.jobs.config.ConfigException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV dialect of the files people keep beside rollcall.yaml (mapping file, HR roster), and the
 * reading both share: a syntax error or a wrong header is refused with the file and the line, never
 * with the cells (Commons CSV's messages quote them).
 */
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

  /** A parser of a file's text, past its header row. */
  static CSVParser parse(Path file, String text) {
    try {
      return withHeader().parse(new StringReader(text));
    } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
      throw malformed(file, 1, e);
    }
  }

  /**
   * Refuses a header that is not {@code header} (in any case), naming the first column that is not.
   */
  static void requireHeader(Path file, CSVParser parser, List<String> header) {
    List<String> found =
        parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    if (found.equals(header)) {
      return;
    }
    String problem =
        found.size() != header.size()
            ? "it has " + found.size() + " columns"
            : "column "
                + (firstDifference(found, header) + 1)
                + " is not "
                + header.get(firstDifference(found, header));
    throw new ConfigException(
        file + " line 1: the header must be " + String.join(",", header) + "; " + problem);
  }

  private static int firstDifference(List<String> found, List<String> header) {
    int i = 0;
    while (found.get(i).equals(header.get(i))) {
      i++;
    }
    return i;
  }

  /** The records, a syntax error refused with the file and the line. */
  static Iterable<CSVRecord> records(Path file, CSVParser parser) {
    Iterator<CSVRecord> records = parser.iterator();
    return () ->
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            try {
              return records.hasNext();
            } catch (UncheckedIOException e) {
              throw malformed(file, parser.getCurrentLineNumber(), e);
            }
          }

          @Override
          public CSVRecord next() {
            try {
              return records.next();
            } catch (UncheckedIOException e) {
              throw malformed(file, parser.getCurrentLineNumber(), e);
            }
          }
        };
  }

  private static ConfigException malformed(Path file, long line, Exception e) {
    return new ConfigException(
        file + " line " + line + ": not valid CSV: " + CsvSyntax.problem(e), e);
  }
}
