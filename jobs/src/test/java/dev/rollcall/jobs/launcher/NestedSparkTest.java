package dev.rollcall.jobs.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the launcher finds Spark, and unpacks the Spark jars nested in rollcall's jar once. */
class NestedSparkTest {
  @TempDir Path dir;

  @Test
  void unpacksTheNestedJarsOnceIntoAnOwnerOnlyFolderNamedForThem() throws IOException {
    Path jar = jar("rollcall.jar", Map.of("spark-core.jar", "core", "scala-library.jar", "scala"));
    Path cache = dir.resolve("cache");

    List<Path> first = NestedSpark.unpack(jar, cache);

    assertEquals(List.of("scala-library.jar", "spark-core.jar"), names(first));
    assertArrayEquals("core".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(first.get(1)));
    assertTrue(first.get(0).getParent().getFileName().toString().matches("spark-[0-9a-f]{24}"));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
    Object unpacked = Files.readAttributes(first.get(1), "unix:ino").get("ino");

    List<Path> second = NestedSpark.unpack(jar, cache);

    assertEquals(first, second);
    assertEquals(unpacked, Files.readAttributes(second.get(1), "unix:ino").get("ino"));
    try (var folders = Files.list(cache)) {
      assertEquals(1, folders.count(), "nothing left over from unpacking");
    }
  }

  @Test
  void runsStartingAtOnceShareOneUnpackedFolder() throws Exception {
    Path jar = jar("rollcall.jar", Map.of("spark-core.jar", "core", "scala-library.jar", "scala"));
    Path cache = dir.resolve("cache");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Path>>> runs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        runs.add(pool.submit(() -> NestedSpark.unpack(jar, cache)));
      }
      for (Future<List<Path>> run : runs) {
        assertEquals(runs.get(0).get(), run.get());
      }
    } finally {
      pool.shutdownNow();
    }
    try (var folders = Files.list(cache)) {
      assertEquals(1, folders.count(), "one folder, no half-unpacked one left");
    }
  }

  @Test
  void anotherBuildGetsAnotherFolder() throws IOException {
    Path cache = dir.resolve("cache");
    Path one = NestedSpark.unpack(jar("one.jar", Map.of("spark-core.jar", "4.1.0")), cache).get(0);
    Path two = NestedSpark.unpack(jar("two.jar", Map.of("spark-core.jar", "4.1.1")), cache).get(0);
    assertNotEquals(one.getParent(), two.getParent());
    assertEquals("4.1.1", Files.readString(two));
  }

  @Test
  void refusesAnUnpackedJarThatWasChanged() throws IOException {
    Path jar = jar("rollcall.jar", Map.of("spark-core.jar", "the real one"));
    Path cache = dir.resolve("cache");
    Path unpacked = NestedSpark.unpack(jar, cache).get(0);
    Files.writeString(unpacked, "short");

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> NestedSpark.unpack(jar, cache));
    assertTrue(e.getMessage().contains("delete " + unpacked.getParent()), e.getMessage());
  }

  @Test
  void refusesACacheFolderEveryUserCanWriteTo() throws IOException {
    Path shared = Files.createDirectories(dir.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path jar = jar("rollcall.jar", Map.of("spark-core.jar", "core"));

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> NestedSpark.unpack(jar, shared));
    assertTrue(e.getMessage().contains("writable by every user"), e.getMessage());
    try (var entries = Files.list(shared)) {
      assertEquals(0, entries.count());
    }
  }

  @Test
  void aJarWithoutNestedSparkSaysToUseSparkSubmit() throws IOException {
    Path jar = jar("slim.jar", Map.of());
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> NestedSpark.unpack(jar, dir.resolve("cache")));
    assertTrue(e.getMessage().contains("spark-submit"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("cache")));
  }

  @Test
  void cacheFolderComesFromThePropertyThenTheEnvironmentThenTheHomeFolder() {
    Properties system = new Properties();
    system.setProperty("user.home", "/home/ann");
    assertEquals(Path.of("/home/ann/.cache/rollcall"), CacheRoot.resolve(Map.of(), system));
    assertEquals(
        Path.of("/xdg/rollcall"), CacheRoot.resolve(Map.of("XDG_CACHE_HOME", "/xdg"), system));
    Map<String, String> env = new LinkedHashMap<>();
    env.put("XDG_CACHE_HOME", "/xdg");
    env.put("CACHE_DIRECTORY", "/var/cache/rollcall:/var/cache/other");
    assertEquals(Path.of("/var/cache/rollcall"), CacheRoot.resolve(env, system));
    env.put("ROLLCALL_CACHE", "/srv/cache");
    assertEquals(Path.of("/srv/cache"), CacheRoot.resolve(env, system));
    system.setProperty("rollcall.cache", "/opt/cache");
    assertEquals(Path.of("/opt/cache"), CacheRoot.resolve(env, system));
  }

  @Test
  void seesSparkOnlyWhereItIsOnTheClassPath() {
    assertTrue(Launcher.sparkOnClassPath(NestedSparkTest.class.getClassLoader()));
    assertFalse(Launcher.sparkOnClassPath(ClassLoader.getPlatformClassLoader()));
  }

  private Path jar(String name, Map<String, String> nested) throws IOException {
    Path jar = dir.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry("dev/rollcall/Something.class"));
      out.write(new byte[] {1, 2, 3});
      for (Map.Entry<String, String> entry : nested.entrySet()) {
        out.putNextEntry(new JarEntry(NestedSpark.PREFIX + entry.getKey()));
        out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
      }
    }
    return jar;
  }

  private static List<String> names(List<Path> paths) {
    return paths.stream().map(p -> p.getFileName().toString()).toList();
  }
}
