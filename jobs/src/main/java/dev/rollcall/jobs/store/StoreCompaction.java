package dev.rollcall.jobs.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;

/**
 * Rewrites the embedded store's file with its live pages only, byte for byte as H2 wrote them
 * (MVStoreTool copies the pages' bytes, compressed), into a new file that replaces the old one by
 * an atomic rename. The old file stays open read-only, which H2 locks against writers, until the
 * rename is done, so no other process can write to it and lose what it wrote. If anything fails the
 * old file stays, whole, and the run goes on.
 */
final class StoreCompaction {
  /** The share of live data in the file's chunks (percent) below which the file is rewritten. */
  static final int BELOW = 50;

  private static final Logger LOG = LogManager.getLogger(StoreCompaction.class);

  private StoreCompaction() {}

  /** Rewrites the closed store file {@code live}. */
  static void rewrite(Path live) {
    Path compacted = live.resolveSibling(live.getFileName() + ".compacting");
    MVStore source = null;
    try {
      // Read-only: H2 takes a shared lock, which a writer in another process cannot get past.
      source = new MVStore.Builder().fileName(live.toString()).readOnly().open();
      Files.deleteIfExists(compacted);
      try {
        Files.createFile(
            compacted,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(compacted);
      }
      MVStore target =
          new MVStore.Builder()
              .fileName(compacted.toString())
              .autoCommitDisabled()
              .compress()
              .open();
      try {
        MVStoreTool.compact(source, target);
      } finally {
        target.close();
      }
      try (FileChannel channel = FileChannel.open(compacted, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.move(
          compacted, live, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "state: could not rewrite {} without its dead pages ({}); it stays as it is",
          live,
          e.getMessage());
      try {
        Files.deleteIfExists(compacted);
      } catch (IOException cleanup) {
        LOG.warn("state: could not delete {}: {}", compacted, cleanup.getMessage());
      }
      return;
    } finally {
      if (source != null) {
        source.closeImmediately();
      }
    }
    try (FileChannel folder = FileChannel.open(live.getParent(), StandardOpenOption.READ)) {
      folder.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Best effort: the rename is done either way (as AtomicFiles does).
    }
  }
}
