package dev.rollcall.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.jobs.config.ConfigLoader;
import dev.rollcall.jobs.config.RollcallConfig;
import dev.rollcall.jobs.spark.SharedSpark;
import dev.rollcall.jobs.spark.SparkStart;
import dev.rollcall.jobs.store.StateStore;
import dev.rollcall.model.Finding;
import dev.rollcall.model.FindingStatus;
import dev.rollcall.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The demo organisation with an exceptions file: accepted risks are kept apart, not lost. */
@ExtendWith(SharedSpark.class)
class ExceptionsRunTest {
  private static final Path DEMO = Path.of("..", "examples", "demo");

  @TempDir Path dir;

  @Test
  void acceptedRisksAreSuppressedStoredAndReportedApart(SparkSession spark) throws IOException {
    Path exceptions =
        Files.writeString(
            dir.resolve("exceptions.yaml"),
            """
            exceptions:
              - id: EX-2026-014
                rule: over-privileged
                account: dan.wright
                owner: olivia.grant@meridianhealth.example
                reason: break-glass policy for outages, credentials sealed
                approvedBy: priya.shah@meridianhealth.example
                expires: 2027-03-31
              - id: EX-2026-002
                rule: dormant-account
                account: "nobody-*"
                owner: olivia.grant@meridianhealth.example
                reason: a contractor account that has since been removed
                approvedBy: priya.shah@meridianhealth.example
                expires: 2027-01-31
            """);
    ConfigLoader.Loaded demo = ConfigLoader.load(DEMO.resolve("rollcall.yaml"));
    RollcallConfig c = demo.config();
    RollcallConfig config =
        new RollcallConfig(
            c.organisation(),
            c.domains(),
            c.profile(),
            c.output(),
            c.store(),
            c.sources(),
            c.correlation(),
            exceptions.toAbsolutePath().toString());
    Path out = dir.resolve("out");
    RunOutcome outcome =
        new NightlyRun(SparkStart.of(spark), "test")
            .run(
                new RunOptions(
                    new ConfigLoader.Loaded(config, demo.file(), demo.baseDir()),
                    Severity.HIGH,
                    out,
                    Clock.fixed(Instant.parse("2026-11-20T07:00:00Z"), ZoneOffset.UTC),
                    Map.of()));

    String fingerprint =
        outcome.with(FindingStatus.SUPPRESSED).stream()
            .map(s -> s.finding())
            .filter(
                f -> f.ruleId().equals("over-privileged") && f.accountName().equals("dan.wright"))
            .map(Finding::fingerprint)
            .findFirst()
            .orElseThrow(() -> new AssertionError("dan.wright's finding was not suppressed"));
    assertEquals(1, outcome.count(FindingStatus.SUPPRESSED));
    assertFalse(
        outcome.findings().stream().anyMatch(f -> f.fingerprint().equals(fingerprint)),
        "a suppressed finding is not an active one");
    assertTrue(
        outcome.findings().stream()
            .anyMatch(
                f ->
                    f.ruleId().equals("weak-mfa-for-privileged")
                        && f.accountName().equals("dan.wright")),
        "the exception covers one rule only");
    assertEquals(
        java.util.List.of(
            "EX-2026-002 matches no finding any more: remove it from the exceptions file (owner"
                + " olivia.grant@meridianhealth.example)."),
        outcome.exceptionNotices());
    assertEquals(ExitCode.FINDINGS, outcome.exitCode());

    String summary = Files.readString(out.resolve("summary.md"));
    assertTrue(summary.contains("## Suppressed (accepted risk, 1 finding)"), summary);
    assertTrue(summary.contains("EX-2026-014"), summary);
    assertTrue(summary.contains("## Exceptions needing attention"), summary);

    try (StateStore store = StateStore.open(c.store(), out, Map.of())) {
      Document stored = store.finding(fingerprint).orElseThrow();
      assertEquals("suppressed", stored.getString("status"));
      assertEquals("EX-2026-014", stored.getString("exceptionId"));
    }
  }
}
