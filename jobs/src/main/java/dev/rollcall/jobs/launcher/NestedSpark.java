package dev.rollcall.jobs.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The Spark jars nested in rollcall's jar under {@value #PREFIX}, unpacked once into a cache folder
 * named for a hash of their names, sizes and checksums, so a new build gets a new folder and two
 * runs starting at once never see a half-written one (each unpacks into a folder of its own, then
 * renames it into place).
 */
final class NestedSpark {
  static final String PREFIX = "META-INF/rollcall/spark-lib/";
  static final String COMPLETE = ".complete";

  private NestedSpark() {}

  /** Unpacks the nested jars (unless already there) and returns them, in name order. */
  static List<Path> unpack(Path jar, Path cacheRoot) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      List<JarEntry> entries = nestedJars(file);
      if (entries.isEmpty()) {
        throw new IllegalStateException(
            "rollcall: Spark is not on the class path and "
                + jar
                + " carries no Spark jars under "
                + PREFIX
                + "; run it with spark-submit");
      }
      ownerOnlyFolder(cacheRoot);
      Path target = cacheRoot.resolve("spark-" + key(entries));
      if (!Files.exists(target.resolve(COMPLETE))) {
        System.err.println("rollcall: unpacking the Spark jars once, into " + target);
        Path scratch = Files.createTempDirectory(cacheRoot, ".unpacking-");
        try {
          for (JarEntry entry : entries) {
            try (InputStream in = file.getInputStream(entry)) {
              Files.copy(in, scratch.resolve(fileName(entry)));
            }
          }
          Files.writeString(scratch.resolve(COMPLETE), jar + "\n", StandardCharsets.UTF_8);
          moveIntoPlace(scratch, target);
        } finally {
          deleteTree(scratch);
        }
      }
      return verified(target, entries);
    }
  }

  private static List<JarEntry> nestedJars(JarFile file) {
    List<JarEntry> entries = new ArrayList<>();
    file.stream()
        .filter(e -> !e.isDirectory() && e.getName().startsWith(PREFIX))
        .filter(e -> e.getName().endsWith(".jar"))
        .sorted(Comparator.comparing(JarEntry::getName))
        .forEach(entries::add);
    for (JarEntry entry : entries) {
      String name = fileName(entry);
      if (name.contains("/") || name.startsWith(".")) {
        throw new IllegalStateException("rollcall: unexpected nested jar " + entry.getName());
      }
    }
    return entries;
  }

  private static String fileName(JarEntry entry) {
    return entry.getName().substring(PREFIX.length());
  }

  static String key(List<JarEntry> entries) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (JarEntry entry : entries) {
        String line = entry.getName() + " " + entry.getSize() + " " + entry.getCrc() + "\n";
        digest.update(line.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private static void moveIntoPlace(Path scratch, Path target) throws IOException {
    try {
      Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
      // Another run unpacked the same jars first: use theirs.
    } catch (FileSystemException e) {
      if (!Files.exists(target.resolve(COMPLETE))) {
        throw e;
      }
    }
  }

  /** Fails when a file is missing or has another size: a cache someone changed is not used. */
  private static List<Path> verified(Path target, List<JarEntry> entries) throws IOException {
    List<Path> jars = new ArrayList<>();
    for (JarEntry entry : entries) {
      Path path = target.resolve(fileName(entry));
      if (!Files.isRegularFile(path) || Files.size(path) != entry.getSize()) {
        throw new IllegalStateException(
            "rollcall: the unpacked Spark jar "
                + path
                + " is missing or differs from the one in the jar; delete "
                + target
                + " and run again");
      }
      jars.add(path);
    }
    return jars;
  }

  /**
   * Creates the cache folder owner-only, or checks that an existing one is not writable by all:
   * whoever can add a folder there can choose the code rollcall runs.
   */
  private static void ownerOnlyFolder(Path folder) throws IOException {
    boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (!Files.isDirectory(folder)) {
      Files.createDirectories(folder);
      if (posix) {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
      }
    } else if (posix
        && Files.getPosixFilePermissions(folder).contains(PosixFilePermission.OTHERS_WRITE)) {
      throw new IllegalStateException(
          "rollcall: the cache folder "
              + folder
              + " is writable by every user, so anyone could put code in it; name a folder of"
              + " your own with ROLLCALL_CACHE");
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
