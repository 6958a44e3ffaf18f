package dev.rollcall.connectors.snapshot;

/**
 * What is wrong with a CSV file that does not parse, in rollcall's words: Apache Commons CSV's
 * messages quote header names and the records around the problem, which may be anything the file
 * holds. Shared by the credential report and the CSV files beside the configuration.
 */
public final class CsvSyntax {
  /** Commons CSV's messages by what they hold, and what rollcall says instead. */
  private static final String[][] PROBLEMS = {
    {
      "Invalid character between encapsulated token",
      "a character after the closing quote of a cell"
    },
    {"EOF reached before encapsulated token", "a quoted cell is not closed before the end"},
    {"EOF while processing escape sequence", "the file ends inside an escape sequence"},
    {"A header name is missing", "the header row has an empty column name"},
    {"The header contains a duplicate name", "the header row names a column twice"},
  };

  private CsvSyntax() {}

  /** The kind of problem of a parse failure (an UncheckedIOException's cause, an IOException). */
  public static String problem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage() == null ? "" : t.getMessage();
      for (String[] known : PROBLEMS) {
        if (message.contains(known[0])) {
          return known[1];
        }
      }
    }
    return "not valid CSV";
  }
}
