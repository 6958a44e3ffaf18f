package dev.rollcall.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.jobs.config.ConfigLoader;
import dev.rollcall.jobs.spark.SharedSpark;
import dev.rollcall.model.Finding;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden test: the nightly job on the bundled demo organisation finds exactly the planted
 * problems listed in examples/demo/expected-findings.csv, and flags no clean account.
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoOrganisationTest {
  private static final Path DEMO = Path.of("..", "examples", "demo");

  private Path out;
  private RunOutcome first;
  private RunOutcome second;

  @BeforeAll
  void runTwice(SparkSession spark, @TempDir Path dir) {
    out = dir;
    ConfigLoader.Loaded config = ConfigLoader.load(DEMO.resolve("rollcall.yaml"));
    NightlyRun job = new NightlyRun(() -> spark, "test");
    Clock night1 = Clock.fixed(Instant.parse("2026-11-20T07:00:00Z"), ZoneOffset.UTC);
    Clock night2 = Clock.fixed(Instant.parse("2026-11-21T07:00:00Z"), ZoneOffset.UTC);
    first = job.run(new RunOptions(config, Severity.HIGH, out, night1, Map.of()));
    second = job.run(new RunOptions(config, Severity.HIGH, out, night2, Map.of()));
  }

  @Test
  void findsExactlyThePlantedProblems() throws IOException {
    TreeSet<String> expected = new TreeSet<>();
    List<String> lines = Files.readAllLines(DEMO.resolve("expected-findings.csv"));
    assertEquals("rule_id,system,tenant,account_name", lines.get(0));
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        expected.add(line.strip());
      }
    }
    TreeSet<String> actual = new TreeSet<>();
    for (Finding f : first.findings()) {
      actual.add(
          String.join(
              ",",
              f.ruleId(),
              f.account().system().name().toLowerCase(Locale.ROOT),
              f.account().tenant(),
              f.accountName()));
    }
    TreeSet<String> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    TreeSet<String> unexpected = new TreeSet<>(actual);
    unexpected.removeAll(expected);
    assertTrue(
        missing.isEmpty() && unexpected.isEmpty(),
        "planted but not found: " + missing + "\nfound but not planted: " + unexpected);
  }

  @Test
  void everySourceIsCompleteAndTheExitCodeSaysFindings() {
    assertTrue(first.sources().size() >= 4, first.sources().toString());
    assertTrue(
        first.sources().stream().allMatch(s -> s.status() == PullStatus.COMPLETE),
        first.sources().toString());
    assertEquals(ExitCode.FINDINGS, first.exitCode());
  }

  @Test
  void everyFindingCarriesEvidenceClausesAndAFix() {
    for (Finding f : first.findings()) {
      assertTrue(!f.evidence().isEmpty(), f.toString());
      assertTrue(!f.clauses().isEmpty(), f.toString());
      assertTrue(f.remediation().length() > 20, f.toString());
    }
  }

  @Test
  void theSecondNightRemembersTheFirst() {
    assertEquals(first.findings().size(), first.changes().newFingerprints().size());
    assertEquals(first.findings().size(), second.findings().size());
    assertEquals(List.of(), new ArrayList<>(second.changes().newFingerprints()));
    assertEquals(0, second.changes().resolved());
  }

  @Test
  void reportsAreWrittenOwnerOnly() throws IOException {
    for (String name : List.of("findings.json", "findings.csv", "summary.md")) {
      Path report = out.resolve(name);
      assertTrue(Files.isRegularFile(report), name);
      assertEquals(
          "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(report)), name);
    }
    assertTrue(Files.readString(out.resolve("summary.md")).contains("Meridian Health"));
  }
}
