package dev.rollcall.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutOfMemoryTest {
  @TempDir Path dir;

  @Test
  void theErrorIsFoundInsideItsWrappers() {
    OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
    assertEquals(
        Optional.of(oom),
        OutOfMemory.in(new ExecutionException("Boxed Exception", new RuntimeException(oom))));
    RuntimeException suppressing = new RuntimeException("closing");
    suppressing.addSuppressed(oom);
    assertEquals(Optional.of(oom), OutOfMemory.in(suppressing));
    assertEquals(Optional.empty(), OutOfMemory.in(new IllegalStateException("other")));
  }

  @Test
  void theLineNamesTheHeapAndHowToRaiseIt() {
    String line = OutOfMemory.message(new OutOfMemoryError("Java heap space"), 3L << 30);
    assertTrue(line.startsWith("out of memory (Java heap space): the JVM's heap is 3.0 GiB"), line);
    assertTrue(line.contains("ROLLCALL_JAVA_OPTS=-Xmx6g"), line);
    assertTrue(line.contains("--driver-memory 6g"), line);
    assertFalse(line.contains("\n"), line);
    assertTrue(OutOfMemory.message(new OutOfMemoryError(), 600L << 20).contains("600 MiB at most"));
  }

  /** A task out of heap in local Spark: one line and exit code 1, no stack trace and no 52. */
  @Test
  void aTaskOutOfHeapEndsTheJvmWithOneLine() throws IOException, InterruptedException {
    List<String> command =
        ChildJvm.command(
            List.of("-Xmx600m"), OutOfMemoryChild.class.getName(), List.of(dir.toString()));
    Path err = dir.resolve("stderr.txt");
    Process child =
        new ProcessBuilder(command)
            .redirectErrorStream(false)
            .redirectError(err.toFile())
            .redirectOutput(dir.resolve("stdout.txt").toFile())
            .start();
    assertTrue(child.waitFor(3, TimeUnit.MINUTES), "the child did not end");
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertEquals(1, child.exitValue(), stderr);
    List<String> lines = stderr.lines().filter(l -> l.contains("out of memory")).toList();
    assertEquals(1, lines.size(), stderr);
    assertTrue(lines.get(0).contains("600 MiB at most; give it more with -Xmx"), stderr);
    assertFalse(stderr.contains("\tat "), stderr);
    assertFalse(stderr.contains("Uncaught exception"), stderr);
    assertFalse(
        Files.readString(dir.resolve("stdout.txt")).contains("the task finished"), "finished");
  }
}
