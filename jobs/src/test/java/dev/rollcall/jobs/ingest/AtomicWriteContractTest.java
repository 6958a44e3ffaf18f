package dev.rollcall.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.connectors.pull.SnapshotFiles;
import dev.rollcall.reports.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One contract for the two ways rollcall writes files, the reports' {@link AtomicFiles} and the
 * snapshots' {@link SnapshotFiles} (two modules that share no code on purpose): owner-only files in
 * owner-only folders, replaced whole or not at all, no temporary file left behind, a failure that
 * names the path and leaves what was there.
 */
class AtomicWriteContractTest {
  @TempDir Path dir;

  /** A writer under the contract. */
  interface Writer {
    void write(Path target, byte[] content) throws IOException;
  }

  static Stream<Writer> writers() {
    Writer reports =
        new Writer() {
          @Override
          public void write(Path target, byte[] content) throws IOException {
            AtomicFiles.write(target, content);
          }

          @Override
          public String toString() {
            return "AtomicFiles (reports)";
          }
        };
    Writer snapshots =
        new Writer() {
          @Override
          public void write(Path target, byte[] content) throws IOException {
            try {
              SnapshotFiles.writeText(target, new String(content, StandardCharsets.UTF_8));
            } catch (UncheckedIOException e) {
              throw e.getCause();
            }
          }

          @Override
          public String toString() {
            return "SnapshotFiles (connectors)";
          }
        };
    return Stream.of(reports, snapshots);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writers")
  void writesOwnerOnlyIntoNewOwnerOnlyFolders(Writer writer) throws IOException {
    Path file = dir.resolve("a/b/file.txt");
    writer.write(file, bytes("user,arn\n"));

    assertArrayEquals(bytes("user,arn\n"), Files.readAllBytes(file));
    assertEquals(List.of("file.txt"), listing(file.getParent()));
    if (posix()) {
      assertEquals("rw-------", mode(file));
      assertEquals("rwx------", mode(file.getParent()));
      assertEquals("rwx------", mode(dir.resolve("a")));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writers")
  void replacesAnEarlierFileWholeAndLeavesNoTemporaryFile(Writer writer) throws IOException {
    Path file = dir.resolve("users.json");
    Files.writeString(file, "{\"old\": true, \"padding\": \"longer than what replaces it\"}");
    if (posix()) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }

    writer.write(file, bytes("{\"users\": [1]}"));
    writer.write(file, bytes("{\"users\": [1, 2]}"));

    assertEquals("{\"users\": [1, 2]}", Files.readString(file));
    assertEquals(List.of("users.json"), listing(dir));
    if (posix()) {
      assertEquals("rw-------", mode(file));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writers")
  void aFileWhereTheFolderShouldBeFailsNamingItAndIsLeftAlone(Writer writer) throws IOException {
    Path notAFolder = dir.resolve("aws");
    Files.writeString(notAFolder, "I am a file\n");

    IOException e =
        assertThrows(
            IOException.class, () -> writer.write(notAFolder.resolve("report.csv"), bytes("x")));

    assertTrue(String.valueOf(e.getMessage()).contains(notAFolder.toString()), e.toString());
    assertEquals("I am a file\n", Files.readString(notAFolder));
    assertEquals(List.of("aws"), listing(dir));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writers")
  void aFolderWhereTheFileShouldBeFailsAndLeavesNoTemporaryFile(Writer writer) throws IOException {
    Path target = dir.resolve("organization.json");
    Files.createDirectories(target.resolve("inside"));

    assertThrows(IOException.class, () -> writer.write(target, bytes("{}")));

    assertTrue(Files.isDirectory(target.resolve("inside")));
    assertEquals(List.of("organization.json"), listing(dir));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

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
}
