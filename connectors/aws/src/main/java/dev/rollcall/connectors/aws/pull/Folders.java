package dev.rollcall.connectors.aws.pull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folder chores of a pull. */
final class Folders {
  private Folders() {}

  /** Empties a tenant folder left by an earlier pull, so no stale page is read with new ones. */
  static void clear(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": cannot clear the earlier pull", e);
    }
  }
}
