package dev.rollcall.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.jobs.run.DemoCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rollcall run} in a JVM of its own on a copy of the demo whose snapshot links out of itself
 * and holds a token where JSON should be ({@link DemoCopy#plantEscapes}): stderr names every
 * refused link and the broken file, and neither stderr, stdout nor any file of the output folder
 * holds the token.
 */
class SnapshotEscapesInChildJvmTest {
  @TempDir Path dir;

  @Test
  void stderrNamesTheLinksAndNothingHoldsTheToken() throws Exception {
    DemoCopy.copy(dir);
    DemoCopy.Escapes planted = DemoCopy.plantEscapes(dir);
    Path config =
        Files.writeString(
            dir.resolve("rollcall.yaml"),
            Files.readString(DemoCopy.DEMO.resolve("rollcall.yaml"))
                .replace("output: ../../out/demo", "output: out"));
    Path out = dir.resolve("out");
    Path stdout = dir.resolve("stdout.txt");
    Path stderr = dir.resolve("stderr.txt");
    ProcessBuilder builder =
        new ProcessBuilder(
            ChildRollcall.command(
                List.of(), List.of("run", "--config", config.toString(), "--out", out.toString())));
    builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    Process process = builder.start();
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the run did not end in 5 minutes");

    String err = Files.readString(stderr);
    assertEquals(4, process.exitValue(), "four sources failed\n" + err);
    for (Path link :
        List.of(planted.linkedPage(), planted.linkedTenant(), planted.linkedListing())) {
      assertTrue(err.contains(link + ": is a symbolic link;"), link + " named\n" + err);
    }
    assertTrue(err.contains(planted.brokenFile() + ": not valid JSON at line 2"), err);
    assertFalse(err.contains("xoxb"), err);
    assertFalse(Files.readString(stdout).contains("xoxb"), Files.readString(stdout));
    assertTrue(Files.isRegularFile(out.resolve("report.html")));
    assertEquals(List.of(), DemoCopy.filesHolding(out, "xoxb"), "the token reached an output");
  }
}
