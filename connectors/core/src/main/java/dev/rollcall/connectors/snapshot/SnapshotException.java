package dev.rollcall.connectors.snapshot;

import java.nio.file.Path;

/**
 * A snapshot file that cannot be read or mapped. The message always names the file and, where there
 * is one, the record by its place in the file (e.g. {@code UserDetailList[3]}, {@code row 7}) and
 * the field, and never quotes what the file holds: it ends up in the reports, the state store and
 * the chat message, and a file that is not what it should be may hold anything.
 */
public class SnapshotException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SnapshotException(Path file, String record, String problem) {
    super(message(file, record, problem));
  }

  public SnapshotException(Path file, String record, String problem, Throwable cause) {
    super(message(file, record, problem), cause);
  }

  private static String message(Path file, String record, String problem) {
    return file + (record == null ? "" : ": " + record) + ": " + problem;
  }
}
