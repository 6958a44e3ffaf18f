package dev.rollcall.jobs.ingest;

import dev.rollcall.connectors.pull.SnapshotFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where live sources are pulled to: the folder asked for with {@code --save-snapshot}, kept; or a
 * private temporary folder inside the output folder, removed when the run is done (it holds who can
 * get into what, so it does not outlive the run unless asked to).
 */
public final class PullFolder implements AutoCloseable {
  private final Path root;
  private final boolean temporary;

  private PullFolder(Path root, boolean temporary) {
    this.root = root;
    this.temporary = temporary;
  }

  /** The folder to pull into: {@code saveSnapshot} when given, else a temporary one. */
  public static PullFolder open(Path saveSnapshot, Path outputDir) {
    if (saveSnapshot != null) {
      return new PullFolder(SnapshotFiles.ownerOnlyFolder(saveSnapshot.toAbsolutePath()), false);
    }
    try {
      SnapshotFiles.ownerOnlyFolder(outputDir);
      return new PullFolder(Files.createTempDirectory(outputDir, ".pull-"), true);
    } catch (IOException e) {
      throw new UncheckedIOException(outputDir + ": cannot create a folder for the pull", e);
    }
  }

  public Path root() {
    return root;
  }

  @Override
  public void close() {
    if (temporary) {
      SnapshotFiles.delete(root);
    }
  }
}
