package dev.rollcall.connectors.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.connectors.snapshot.TenantFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshot files: the manifest, page names and deletion. Their write guarantees (owner-only, whole
 * or not at all, no temporary file left) are the reports' too, and one contract test holds both:
 * jobs' AtomicWriteContractTest.
 */
class SnapshotFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private boolean posix() {
    return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static List<String> listing(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void theManifestSaysWhenTheDataWasCaptured() {
    Instant captured = Instant.parse("2026-11-29T06:00:00Z");

    SnapshotFiles.writeManifest(dir, captured, "rollcall test puller");

    assertEquals(captured, TenantFolder.of(dir).observedAt(Instant.EPOCH));
  }

  @Test
  void pagesAreNamedSoThatNameOrderIsPageOrder() {
    Path users = dir.resolve("users");

    assertEquals(users.resolve("page-0001.json"), SnapshotFiles.page(users, 1));
    assertEquals(users.resolve("page-9999.json"), SnapshotFiles.page(users, 9999));
    assertEquals(users.resolve("page-00012.json"), SnapshotFiles.page(users, 12, 5));
    IllegalStateException tooMany =
        assertThrows(IllegalStateException.class, () -> SnapshotFiles.page(users, 10_000));
    assertTrue(tooMany.getMessage().startsWith(users.toString()), tooMany.getMessage());
    assertThrows(IllegalStateException.class, () -> SnapshotFiles.page(users, 0));
  }

  @Test
  void deleteRemovesAFolderWithAllItHoldsAndNothingWhenThereIsNone() throws IOException {
    Path listing = dir.resolve("groups/g1");
    SnapshotFiles.writeText(SnapshotFiles.page(listing, 1), "{}");
    SnapshotFiles.writeText(dir.resolve("groups.json"), "{}");

    SnapshotFiles.delete(dir.resolve("groups"));
    SnapshotFiles.delete(dir.resolve("groups"));

    assertFalse(Files.exists(dir.resolve("groups")));
    assertEquals(List.of("groups.json"), listing(dir));
  }
}
