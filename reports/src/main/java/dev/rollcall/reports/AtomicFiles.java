package dev.rollcall.reports;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes report files so that a reader never sees half a file and nobody but the owner can read
 * one: a temporary file created rw------- in the target's folder, synced, then renamed over the
 * target. On failure the temporary file is deleted and the old target is left as it was.
 */
public final class AtomicFiles {
  private static final String OWNER_ONLY_FILE = "rw-------";
  private static final String OWNER_ONLY_FOLDER = "rwx------";

  /** Writes a file's content to a stream; may fail, in which case nothing is replaced. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;

    /** The content in memory, for callers that want the bytes rather than a file. */
    default byte[] toBytes() {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      try {
        writeTo(out);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("writing to memory cannot fail", e);
      }
      return out.toByteArray();
    }
  }

  private AtomicFiles() {}

  /** Replaces {@code target} with {@code content}, atomically and owner-only. */
  public static void write(Path target, byte[] content) throws IOException {
    write(target, out -> out.write(content));
  }

  /** Replaces {@code target} with what {@code content} writes, atomically and owner-only. */
  public static void write(Path target, Content content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    createOwnerOnlyDirectories(dir);
    // Same folder as the target, so the rename below stays on one file system and is atomic;
    // created 0600 from the start, so there is no moment when the content is readable by others.
    Path temp =
        posix(dir)
            ? Files.createTempFile(
                dir, "." + absolute.getFileName() + ".", ".tmp", ownerOnly(OWNER_ONLY_FILE))
            : Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
          OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
        content.writeTo(out);
        out.flush();
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
    syncFolder(dir);
  }

  /** Creates a folder and its missing parents readable by the owner only (rwx------). */
  public static void createOwnerOnlyDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    if (posix(dir)) {
      Files.createDirectories(dir, ownerOnly(OWNER_ONLY_FOLDER));
    } else {
      Files.createDirectories(dir);
    }
  }

  /**
   * Makes the rename itself durable across a crash. Linux allows opening a folder for reading and
   * syncing it (fsync(2)); other systems may refuse, and there the rename is already done.
   */
  private static void syncFolder(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Best effort only: the report is written and renamed either way.
    }
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static FileAttribute<Set<PosixFilePermission>> ownerOnly(String permissions) {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
  }
}
