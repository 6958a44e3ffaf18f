package dev.rollcall.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static String permissions(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesTheContentOwnerOnlyIntoANewOwnerOnlyFolder() throws IOException {
    Path target = dir.resolve("out/nightly/findings.json");
    AtomicFiles.write(target, "{}\n".getBytes(StandardCharsets.UTF_8));

    assertEquals("{}\n", Files.readString(target));
    assertEquals(List.of("findings.json"), names(target.getParent()));
    if (posix(dir)) {
      assertEquals("rw-------", permissions(target));
      assertEquals("rwx------", permissions(target.getParent()));
      assertEquals("rwx------", permissions(dir.resolve("out")));
    }
  }

  @Test
  void replacesAnExistingFileAndLeavesNoTemporaryFileBehind() throws IOException {
    Path target = dir.resolve("summary.md");
    Files.writeString(target, "old night\n");
    if (posix(dir)) {
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
    }

    AtomicFiles.write(target, "new night\n".getBytes(StandardCharsets.UTF_8));
    AtomicFiles.write(target, "newer night\n".getBytes(StandardCharsets.UTF_8));

    assertEquals("newer night\n", Files.readString(target));
    assertEquals(List.of("summary.md"), names(dir));
    if (posix(dir)) {
      assertEquals("rw-------", permissions(target));
    }
  }

  @Test
  void aWriterThatFailsHalfWayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path target = dir.resolve("findings.csv");
    Files.writeString(target, "old,content\n");
    IllegalStateException boom = new IllegalStateException("renderer failed");

    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () ->
                AtomicFiles.write(
                    target,
                    out -> {
                      out.write("half a report".getBytes(StandardCharsets.UTF_8));
                      throw boom;
                    }));

    assertSame(boom, thrown);
    assertEquals("old,content\n", Files.readString(target));
    assertEquals(List.of("findings.csv"), names(dir));
  }

  @Test
  void anIoFailureWhileWritingLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path target = dir.resolve("findings.json");
    Files.writeString(target, "{\"old\": true}\n");

    assertThrows(
        IOException.class,
        () ->
            AtomicFiles.write(
                target,
                out -> {
                  out.write('{');
                  throw new IOException("disk full");
                }));

    assertEquals("{\"old\": true}\n", Files.readString(target));
    assertEquals(List.of("findings.json"), names(dir));
  }

  @Test
  void aTargetFolderThatIsAFileFailsAndIsLeftAlone() throws IOException {
    Path notAFolder = dir.resolve("out");
    Files.writeString(notAFolder, "I am a file\n");

    assertThrows(
        IOException.class,
        () -> AtomicFiles.write(notAFolder.resolve("findings.json"), new byte[] {1, 2, 3}));

    assertEquals("I am a file\n", Files.readString(notAFolder));
    assertEquals(List.of("out"), names(dir));
  }

  @Test
  void aTargetThatIsAFolderFailsAndLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("summary.md");
    Files.createDirectories(target.resolve("inside"));

    assertThrows(IOException.class, () -> AtomicFiles.write(target, new byte[] {1}));

    assertTrue(Files.isDirectory(target.resolve("inside")));
    assertEquals(List.of("summary.md"), names(dir));
  }

  @Test
  void writesEmptyAndBinaryContentExactly() throws IOException {
    Path target = dir.resolve("blob");
    byte[] bytes = {0, -1, 10, 13, 127};
    AtomicFiles.write(target, bytes);
    assertArrayEquals(bytes, Files.readAllBytes(target));
    AtomicFiles.write(target, new byte[0]);
    assertEquals(0, Files.size(target));
  }
}
