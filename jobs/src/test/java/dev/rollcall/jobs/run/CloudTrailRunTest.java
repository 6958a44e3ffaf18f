package dev.rollcall.jobs.run;

import static dev.rollcall.jobs.activity.TrailFixture.assumeRoleWithSaml;
import static dev.rollcall.jobs.activity.TrailFixture.consoleLogin;
import static dev.rollcall.jobs.activity.TrailFixture.roleCall;
import static dev.rollcall.jobs.activity.TrailFixture.userCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.jobs.activity.TrailFixture;
import dev.rollcall.jobs.config.ActivityConfig;
import dev.rollcall.jobs.config.CloudTrailConfig;
import dev.rollcall.jobs.config.ConfigLoader;
import dev.rollcall.jobs.config.RollcallConfig;
import dev.rollcall.jobs.spark.SharedSpark;
import dev.rollcall.jobs.spark.SparkStart;
import dev.rollcall.model.Finding;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourcePull;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo organisation with a CloudTrail trail beside it: the trail's evidence adds exactly the
 * findings planted in it, clears the one it disproves, and a truncated log file makes the trail
 * partial without stopping the run.
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudTrailRunTest {
  private static final Path DEMO = Path.of("..", "examples", "demo");
  private static final String PROD = "111122223333";
  private static final String STAGING = "444455556666";
  private static final String DOMAIN = "@meridianhealth.example";

  private RunOutcome outcome;
  private Path trailRoot;
  private NightlyRun job;
  private RunOptions options;

  @BeforeAll
  void run(SparkSession spark, @TempDir Path dir) throws IOException {
    trailRoot = dir.resolve("trail");
    TrailFixture t = new TrailFixture(trailRoot);
    // chloe.martin's last console sign-in in staging used no second factor.
    t.write(
        null,
        STAGING,
        "chloe",
        List.of(
            consoleLogin(
                STAGING, "chloe.martin", "2026-11-18T21:40:00Z", "203.0.113.5", "No", true)));
    // ben.carter in production: two sessions at once from two addresses.
    t.write(
        null,
        PROD,
        "ben",
        List.of(
            consoleLogin(PROD, "ben.carter", "2026-11-17T14:27:00Z", "203.0.113.10", "Yes", true),
            userCall(
                PROD,
                "ben.carter",
                "2026-11-17T14:28:00Z",
                "203.0.113.10",
                "ASIABEN0000000000001",
                "ListBuckets"),
            userCall(
                PROD,
                "ben.carter",
                "2026-11-17T14:50:00Z",
                "203.0.113.10",
                "ASIABEN0000000000001",
                "GetObject"),
            userCall(
                PROD,
                "ben.carter",
                "2026-11-17T14:35:00Z",
                "198.51.100.77",
                "ASIABEN0000000000002",
                "GetObject")));
    // Near miss: ben.carter in staging from two addresses hours apart.
    t.write(
        null,
        STAGING,
        "ben-staging",
        List.of(
            userCall(
                STAGING,
                "ben.carter",
                "2026-11-16T09:00:00Z",
                "203.0.113.10",
                "ASIABEN0000000000003",
                "ListBuckets"),
            userCall(
                STAGING,
                "ben.carter",
                "2026-11-16T15:00:00Z",
                "198.51.100.77",
                "ASIABEN0000000000004",
                "ListBuckets")));
    // kevin.otto's report says 91 days idle; the trail shows an API call 10 days ago.
    t.write(
        null,
        PROD,
        "kevin",
        List.of(
            userCall(
                PROD,
                "kevin.otto",
                "2026-11-10T10:00:00Z",
                "203.0.113.20",
                "ASIAKEVIN00000000001",
                "ListBuckets")));
    // A SAML role two people use (shared), one person's role at 89 days (near miss) and 91 days.
    t.write(
        null,
        STAGING,
        "analysts",
        List.of(
            assumeRoleWithSaml(
                STAGING,
                "DataAnalyst",
                "grace.lin" + DOMAIN,
                "2026-11-12T09:00:00Z",
                "203.0.113.30"),
            roleCall(
                STAGING,
                "DataAnalyst",
                "grace.lin" + DOMAIN,
                "2026-11-12T09:05:00Z",
                "203.0.113.30",
                "ASIAGRACE00000000001"),
            assumeRoleWithSaml(
                STAGING,
                "DataAnalyst",
                "david.kim" + DOMAIN,
                "2026-11-13T10:00:00Z",
                "203.0.113.31")));
    t.write(
        null,
        STAGING,
        "auditor",
        List.of(
            assumeRoleWithSaml(
                STAGING,
                "Auditor",
                "priya.shah" + DOMAIN,
                "2026-08-23T06:00:00Z",
                "203.0.113.40")));
    t.write(
        null,
        STAGING,
        "legacy",
        List.of(
            assumeRoleWithSaml(
                STAGING,
                "LegacyOps",
                "priya.shah" + DOMAIN,
                "2026-08-21T06:00:00Z",
                "203.0.113.40")));
    byte[] whole =
        Files.readAllBytes(
            t.write(
                null,
                PROD,
                "whole",
                List.of(
                    userCall(
                        PROD, "nobody", "2026-11-19T10:00:00Z", "192.0.2.1", "AKIAX", "List"))));
    Path truncated =
        t.writeRaw(
            PROD,
            Instant.parse("2026-11-19T00:00:00Z"),
            "truncated.json.gz",
            java.util.Arrays.copyOf(whole, whole.length - 12));
    Files.delete(truncated.resolveSibling("whole.json.gz"));

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
            c.exceptions(),
            c.notifications(),
            new ActivityConfig(List.of(new CloudTrailConfig(trailRoot.toString(), 120))));
    job = new NightlyRun(SparkStart.of(spark), "test");
    options =
        new RunOptions(
            new ConfigLoader.Loaded(config, demo.file(), demo.baseDir()),
            Severity.HIGH,
            dir.resolve("out"),
            Clock.fixed(Instant.parse("2026-11-20T07:00:00Z"), ZoneOffset.UTC),
            Map.of());
    outcome = job.run(options);
  }

  @Test
  void explainSaysOfTheTrailsAccountsWhatTheWholeAuditSays() {
    Map<String, Explanation> whole = new java.util.HashMap<>();
    job.explainEvery(options).forEach(e -> whole.put(e.view().account().id(), e));
    // A federated role only the trail adds, shared by two people; accounts the trail changes.
    for (String name : List.of("DataAnalyst", "Auditor", "ben.carter", "kevin.otto")) {
      List<Explanation> fast = job.explain(options, name);
      assertTrue(!fast.isEmpty(), name);
      for (Explanation e : fast) {
        assertEquals(whole.get(e.view().account().id()), e, name);
      }
    }
    assertEquals(List.of(), job.explain(options, "nobody-in-this-organisation"));
  }

  @Test
  void theTrailAddsItsPlantedFindingsAndClearsTheOneItDisproves() throws IOException {
    TreeSet<String> expected = new TreeSet<>();
    List<String> lines = Files.readAllLines(DEMO.resolve("expected-findings.csv"));
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        expected.add(line.strip());
      }
    }
    assertTrue(expected.remove("dormant-account,aws_iam," + PROD + ",kevin.otto"));
    expected.add("interactive-login-without-mfa,aws_iam," + STAGING + ",chloe.martin");
    expected.add("concurrent-sign-ins,aws_iam," + PROD + ",ben.carter");
    expected.add("shared-account,aws_iam," + STAGING + ",DataAnalyst");
    expected.add("dormant-account,aws_iam," + STAGING + ",LegacyOps");
    PlantedFindings.assertExactly(expected, outcome.findings());
  }

  @Test
  void theSharedRoleNamesBothPeopleByTheirSessions() {
    Finding shared =
        outcome.findings().stream()
            .filter(
                f -> f.ruleId().equals("shared-account") && f.accountName().equals("DataAnalyst"))
            .findFirst()
            .orElseThrow();
    assertEquals("The role DataAnalyst is used by 2 people.", shared.summary());
    assertEquals(
        List.of(
            "owner david.kim"
                + DOMAIN
                + ": federated session name (CloudTrail) is the person's address: david.kim"
                + DOMAIN,
            "owner grace.lin"
                + DOMAIN
                + ": federated session name (CloudTrail) is the person's address: grace.lin"
                + DOMAIN),
        shared.evidence().stream()
            .filter(e -> e.label().startsWith("owner "))
            .map(e -> e.label() + ": " + e.value())
            .toList());
  }

  @Test
  void theConcurrentSessionsShowBothAddressesAndTheBusiestDay() {
    Finding concurrent =
        outcome.findings().stream()
            .filter(
                f ->
                    f.ruleId().equals("concurrent-sign-ins")
                        && f.account().tenant().equals(PROD)
                        && f.accountName().equals("ben.carter"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "ben.carter was used from 203.0.113.10 and 198.51.100.77 at the same time"
            + " (2026-11-17T14:35:00Z).",
        concurrent.summary());
    assertEquals(
        List.of(
            "session: 203.0.113.10 from 2026-11-17T14:28:00Z to 2026-11-17T14:50:00Z (ASIA…0001, 2"
                + " event(s))",
            "overlapping session: 198.51.100.77 from 2026-11-17T14:35:00Z to"
                + " 2026-11-17T14:35:00Z (ASIA…0002, 1 event(s))",
            "overlapping pairs: 1 in the trail read (a session: one credential from one IP, events"
                + " at most 30 minutes apart)",
            "busiest day: 2026-11-17: 2 source IP(s), 2 user agent(s), 4 event(s)"),
        concurrent.evidence().stream().map(e -> e.label() + ": " + e.value()).toList());
  }

  @Test
  void aTruncatedLogFileMakesTheTrailPartialNotTheRunFail() {
    SourcePull trail =
        outcome.sources().stream()
            .filter(s -> s.source().equals("cloudtrail/" + trailRoot))
            .findFirst()
            .orElseThrow();
    assertEquals(PullStatus.PARTIAL, trail.status());
    assertEquals(1, trail.errors().size());
    assertTrue(
        trail.errors().get(0).contains("truncated.json.gz (EOFException"), trail.errors().get(0));
    assertEquals(ExitCode.SOURCE_FAILED, outcome.exitCode());
  }
}
