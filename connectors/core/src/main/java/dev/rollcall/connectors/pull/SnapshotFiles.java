package dev.rollcall.connectors.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.connectors.snapshot.TenantFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes snapshot files with the guarantees of the reports' {@code AtomicFiles}, since a snapshot
 * describes who can get into what: each file is written to a temporary file created rw------- in
 * its folder, synced, then renamed over the target, so a reader never sees half a file and nobody
 * but the owner can read one; on failure the temporary file is removed and the old file stays.
 */
public final class SnapshotFiles {
  /**
   * The digits of a page number in its file name, {@code page-0001.json}, unless said otherwise.
   */
  public static final int PAGE_DIGITS = 4;

  private static final String OWNER_ONLY_FILE = "rw-------";
  private static final String OWNER_ONLY_FOLDER = "rwx------";
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

  /** The file of page {@code number} of a listing: {@code <listingDir>/page-0001.json}, … */
  public static Path page(Path listingDir, int number) {
    return page(listingDir, number, PAGE_DIGITS);
  }

  /**
   * The file of page {@code number} of a listing, its number zero-padded to {@code digits} so that
   * name order, in which {@link TenantFolder#pages} reads them, is page order. Fails rather than
   * name a page that would sort before its predecessors.
   */
  public static Path page(Path listingDir, int number, int digits) {
    if (number < 1 || String.valueOf(number).length() > digits) {
      throw new IllegalStateException(
          listingDir
              + ": page "
              + number
              + " cannot be named with "
              + digits
              + " digits; name order would no longer be page order");
    }
    return listingDir.resolve(String.format(Locale.ROOT, "page-%0" + digits + "d.json", number));
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
      if (posix(absolute)) {
        Files.createDirectory(absolute, ownerOnly(OWNER_ONLY_FOLDER));
      } else {
        Files.createDirectory(absolute);
      }
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(absolute)) {
        throw new UncheckedIOException(dir + ": cannot create: a file is in the way", e);
      }
      // created meanwhile by another tenant's pull: fine
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": cannot create", e);
    }
    return dir;
  }

  /** Removes a file, or a folder with everything in it; nothing when there is none. */
  public static void delete(Path path) {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(path)) {
      for (Path each : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(each);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": cannot remove", e);
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException(path + ": cannot remove", e.getCause());
    }
  }

  private static void write(Path file, byte[] bytes) {
    Path absolute = file.toAbsolutePath();
    Path dir = absolute.getParent();
    ownerOnlyFolder(dir);
    try {
      // In the target's folder, so that the rename stays on one file system and is atomic;
      // created owner-only, so the content is never readable by others, not even for a moment.
      String prefix = "." + absolute.getFileName() + ".";
      Path temp =
          posix(dir)
              ? Files.createTempFile(dir, prefix, ".tmp", ownerOnly(OWNER_ONLY_FILE))
              : Files.createTempFile(dir, prefix, ".tmp");
      try {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
          ByteBuffer buffer = ByteBuffer.wrap(bytes);
          while (buffer.hasRemaining()) {
            channel.write(buffer);
          }
          channel.force(true);
        }
        Files.move(
            temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException | RuntimeException | Error e) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException cleanup) {
          e.addSuppressed(cleanup);
        }
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot write", e);
    }
    syncFolder(dir);
  }

  /**
   * Makes the rename itself durable across a crash. Linux allows opening a folder for reading and
   * syncing it (fsync(2)); other systems may refuse, and there the rename is already done.
   */
  private static void syncFolder(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Best effort only: the file is written and renamed either way.
    }
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static FileAttribute<Set<PosixFilePermission>> ownerOnly(String permissions) {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
  }
}
