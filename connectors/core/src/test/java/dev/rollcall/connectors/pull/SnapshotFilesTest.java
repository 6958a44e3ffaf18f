package dev.rollcall.connectors.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.connectors.snapshot.TenantFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract of the reports' AtomicFiles, held by snapshot files: owner-only files in owner-only
 * folders, replaced whole or not at all, no temporary file left behind.
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
  void writesOwnerOnlyIntoNewOwnerOnlyFolders() throws IOException {
    Path report = dir.resolve("aws/111122223333/credential-report.csv");

    SnapshotFiles.writeText(report, "user,arn\n");

    assertEquals("user,arn\n", Files.readString(report));
    assertEquals(List.of("credential-report.csv"), listing(report.getParent()));
    if (posix()) {
      assertEquals("rw-------", mode(report));
      assertEquals("rwx------", mode(report.getParent()));
      assertEquals("rwx------", mode(dir.resolve("aws")));
    }
  }

  @Test
  void replacesAnEarlierFileWholeAndLeavesNoTemporaryFile() throws IOException {
    Path page = dir.resolve("users.json");
    Files.writeString(page, "{\"old\": true}");
    if (posix()) {
      Files.setPosixFilePermissions(page, PosixFilePermissions.fromString("rw-r--r--"));
    }

    SnapshotFiles.writeJson(page, JSON.readTree("{\"users\": [1]}"));
    SnapshotFiles.writeJson(page, JSON.readTree("{\"users\": [1, 2]}"));

    assertEquals(JSON.readTree("{\"users\": [1, 2]}"), JSON.readTree(page.toFile()));
    assertEquals(List.of("users.json"), listing(dir));
    if (posix()) {
      assertEquals("rw-------", mode(page));
    }
  }

  @Test
  void aFileWhereTheFolderShouldBeFailsNamingItAndIsLeftAlone() throws IOException {
    Path notAFolder = dir.resolve("aws");
    Files.writeString(notAFolder, "I am a file\n");

    UncheckedIOException e =
        assertThrows(
            UncheckedIOException.class,
            () -> SnapshotFiles.writeText(notAFolder.resolve("credential-report.csv"), "x"));

    assertTrue(e.getMessage().contains(notAFolder.toString()), e.getMessage());
    assertEquals("I am a file\n", Files.readString(notAFolder));
    assertEquals(List.of("aws"), listing(dir));
  }

  @Test
  void aFolderWhereTheFileShouldBeFailsAndLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("organization.json");
    Files.createDirectories(target.resolve("inside"));

    assertThrows(
        UncheckedIOException.class, () -> SnapshotFiles.writeJson(target, JSON.readTree("{}")));

    assertTrue(Files.isDirectory(target.resolve("inside")));
    assertEquals(List.of("organization.json"), listing(dir));
  }

  @Test
  void theManifestSaysWhenTheDataWasCaptured() {
    Instant captured = Instant.parse("2026-11-29T06:00:00Z");

    SnapshotFiles.writeManifest(dir, captured, "rollcall test puller");

    assertEquals(captured, TenantFolder.observedAt(dir, Instant.EPOCH));
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
