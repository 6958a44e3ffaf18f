package dev.rollcall.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.jobs.spark.SharedSpark;
import dev.rollcall.jobs.spark.SparkStart;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.SourcePull;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A night on a copy of the demo whose snapshot links out of itself (a page file to a token file, a
 * tenant folder, a listing folder) and holds a token where JSON should be: each tenant is refused
 * with the path named, the outputs never hold the token, and with {@code followSymlinks: true} the
 * linked tenant and listing are read.
 */
@ExtendWith(SharedSpark.class)
class SnapshotEscapesRunTest {
  private static final List<String> REPORTS = List.of("findings.json", "summary.md", "report.html");

  @TempDir Path dir;

  private RunOutcome night(SparkSession spark, boolean followSymlinks) throws IOException {
    return DemoCopy.night(
        new NightlyRun(SparkStart.of(spark), "test"),
        dir,
        "2026-11-20T07:00:00Z",
        config ->
            config.replace(
                "    path: snapshot\n",
                "    path: snapshot\n" + (followSymlinks ? "    followSymlinks: true\n" : "")),
        Map.of());
  }

  private static Map<String, SourcePull> bySource(RunOutcome outcome) {
    return outcome.sources().stream()
        .collect(Collectors.toMap(SourcePull::source, Function.identity()));
  }

  @Test
  void linksOutOfTheSnapshotAreRefusedNamedAndNeverQuoted(SparkSession spark) throws IOException {
    DemoCopy.copy(dir);
    DemoCopy.Escapes planted = DemoCopy.plantEscapes(dir);

    RunOutcome refused = night(spark, false);
    assertEquals(ExitCode.SOURCE_FAILED, refused.exitCode());
    Map<String, SourcePull> sources = bySource(refused);
    assertFailedWith(
        sources.get("aws/111122223333"), planted.linkedPage() + ": is a symbolic link;");
    assertFailedWith(
        sources.get("aws/444455556666"), planted.linkedTenant() + ": is a symbolic link;");
    assertFailedWith(
        sources.get("google/meridianhealth.example"),
        planted.linkedListing() + ": is a symbolic link;");
    assertFailedWith(
        sources.get("atlas/5f1a2b3c4d5e6f7a8b9c0d1e"),
        planted.brokenFile() + ": not valid JSON at line 2, column ");
    Path out = dir.resolve("out");
    for (String report : REPORTS) {
      String text = Files.readString(out.resolve(report));
      assertTrue(text.contains("is a symbolic link"), report + " names the refused links");
    }
    assertEquals(List.of(), DemoCopy.filesHolding(out, "xoxb"), "the token reached an output");

    RunOutcome followed = night(spark, true);
    sources = bySource(followed);
    assertEquals(PullStatus.COMPLETE, sources.get("aws/444455556666").status());
    assertTrue(sources.get("aws/444455556666").accounts() > 0);
    assertEquals(PullStatus.COMPLETE, sources.get("google/meridianhealth.example").status());
    assertTrue(sources.get("google/meridianhealth.example").accounts() > 0);
    // Followed, the token file is read, and refused as what it is: not JSON, not quoted.
    assertFailedWith(
        sources.get("aws/111122223333"), planted.linkedPage() + ": not valid JSON at line 1");
    assertFailedWith(
        sources.get("atlas/5f1a2b3c4d5e6f7a8b9c0d1e"), planted.brokenFile() + ": not valid JSON");
    assertTrue(
        followed.findings().stream().anyMatch(f -> f.account().tenant().equals("444455556666")),
        "the linked account is audited");
    assertEquals(List.of(), DemoCopy.filesHolding(out, "xoxb"), "the token reached an output");
  }

  private static void assertFailedWith(SourcePull pull, String error) {
    assertEquals(PullStatus.FAILED, pull.status(), pull.toString());
    assertTrue(pull.errors().get(0).startsWith(error), pull.errors().toString());
    assertFalse(pull.errors().get(0).contains("xoxb"), pull.errors().toString());
  }
}
