package dev.rollcall.connectors.snapshot;

import java.nio.file.Path;

/**
 * A snapshot file that cannot be read or mapped. The message always names the file and, where there
 * is one, the record (e.g. {@code UserDetailList[3] (UserName=alice)}) and the field.
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
