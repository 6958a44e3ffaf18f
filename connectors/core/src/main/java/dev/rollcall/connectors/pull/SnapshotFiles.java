package dev.rollcall.connectors.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.connectors.snapshot.TenantFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

/**
 * Writes snapshot files: each atomically (a temporary file beside it, then a rename) and readable
 * by its owner only, since a snapshot describes who can get into what.
 */
public final class SnapshotFiles {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SnapshotFiles() {}

  /** Writes a JSON document (a raw API response) as it is, pretty-printed. */
  public static void writeJson(Path file, JsonNode document) {
    try {
      write(file, JSON.writeValueAsBytes(document));
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot write", e);
    }
  }

  /** Writes text (a CSV report, for instance) as it is, in UTF-8. */
  public static void writeText(Path file, String text) {
    write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes the tenant's manifest, {@link TenantFolder#MANIFEST}: the last file of a pull, so that a
   * folder without it is known to be incomplete.
   */
  public static void writeManifest(Path tenantDir, Instant capturedAt, String puller) {
    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("capturedAt", capturedAt.toString());
    manifest.put("pulledBy", puller);
    writeJson(tenantDir.resolve(TenantFolder.MANIFEST), manifest);
  }

  /**
   * Creates a folder and any missing parents, each one it creates readable by its owner only;
   * folders that already exist are left as they are.
   */
  public static Path ownerOnlyFolder(Path dir) {
    Path absolute = dir.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      return dir;
    }
    Path parent = absolute.getParent();
    if (parent != null) {
      ownerOnlyFolder(parent);
    }
    try {
      Files.createDirectory(absolute);
      trySetPermissions(absolute, "rwx------");
    } catch (java.nio.file.FileAlreadyExistsException e) {
      // created meanwhile by another tenant's pull: fine
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": cannot create", e);
    }
    return dir;
  }

  private static void write(Path file, byte[] bytes) {
    Path parent = file.toAbsolutePath().getParent();
    ownerOnlyFolder(parent);
    Path temp = null;
    try {
      temp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
      trySetPermissions(temp, "rw-------");
      Files.write(temp, bytes);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot write", e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the temporary file is hidden and owner-only; nothing more to do
        }
      }
    }
  }

  private static void trySetPermissions(Path path, String permissions) throws IOException {
    if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }
  }
}
