package dev.rollcall.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.jobs.config.ConfigLoader;
import dev.rollcall.jobs.spark.SharedSpark;
import dev.rollcall.jobs.spark.SparkStart;
import dev.rollcall.model.Finding;
import dev.rollcall.model.FindingStatus;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
    NightlyRun job = new NightlyRun(SparkStart.of(spark), "test");
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
    PlantedFindings.assertExactly(expected, first.findings());
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
    assertEquals(first.findings().size(), first.fresh().size());
    assertEquals(first.findings().size(), second.findings().size());
    assertEquals(List.of(), new ArrayList<>(second.fresh()));
    assertEquals(0, second.count(FindingStatus.RESOLVED));
  }

  @Test
  void reportsAreWrittenOwnerOnly() throws IOException {
    for (String name :
        List.of(
            "findings.json",
            "findings.csv",
            "summary.md",
            "findings.ocsf.jsonl",
            "summary-short.md",
            "compliance.csv",
            "inventory.csv")) {
      Path report = out.resolve(name);
      assertTrue(Files.isRegularFile(report), name);
      assertEquals(
          "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(report)), name);
    }
    assertTrue(Files.readString(out.resolve("summary.md")).contains("Meridian Health"));
  }

  @Test
  void ocsfHasOneDetectionFindingPerFindingMappedFromTheSecondNight() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, Finding> byFingerprint = new HashMap<>();
    second.findings().forEach(f -> byFingerprint.put(f.fingerprint(), f));
    List<String> lines = Files.readAllLines(out.resolve("findings.ocsf.jsonl"));
    assertEquals(second.findings().size(), lines.size());
    Instant night1 = Instant.parse("2026-11-20T07:00:00Z");
    for (String line : lines) {
      JsonNode e = json.readTree(line);
      for (String required :
          List.of(
              "activity_id",
              "category_uid",
              "class_uid",
              "type_uid",
              "time",
              "severity_id",
              "metadata",
              "finding_info")) {
        assertTrue(e.has(required), required + ": " + line);
      }
      assertEquals(2004, e.get("class_uid").asInt());
      assertEquals(2, e.get("category_uid").asInt());
      Finding f = byFingerprint.get(e.at("/finding_info/uid").asText());
      assertTrue(f != null, "an event of no finding: " + line);
      assertEquals(f.fingerprint(), e.at("/metadata/uid").asText());
      assertEquals(f.severity().ordinal() + 1, e.get("severity_id").asInt(), line);
      // Every finding of the second night was first seen on the first: still open, an update.
      assertEquals(2, e.get("activity_id").asInt(), line);
      assertEquals(200402, e.get("type_uid").asInt(), line);
      assertEquals("In Progress", e.get("status").asText(), line);
      assertEquals(night1.toEpochMilli(), e.at("/finding_info/first_seen_time").asLong(), line);
      assertEquals(f.account().id(), e.at("/resources/0/uid").asText());
      assertEquals(f.remediation(), e.at("/remediation/desc").asText());
      assertEquals(f.clauses().size(), e.at("/unmapped/policy_clauses").size());
      assertEquals(f.evidence().size(), e.get("evidences").size());
    }
  }

  @Test
  void theShortSummaryFitsAChatMessage() throws IOException {
    String text = Files.readString(out.resolve("summary-short.md"));
    assertTrue(text.length() < 3_000, text);
    assertTrue(
        text.contains(
            "Findings: "
                + second.findings().size()
                + " open (0 new, 0 reopened, 0 not re-checked); 0 suppressed; 0 resolved tonight."),
        text);
  }

  @Test
  void theInventoryListsEveryPersonAndEveryAccount() throws IOException {
    List<CSVRecord> rows;
    try (CSVParser parser =
        CSVParser.parse(
            out.resolve("inventory.csv"),
            java.nio.charset.StandardCharsets.UTF_8,
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      assertEquals(
          List.of(
              "person_id",
              "person_name",
              "person_status",
              "system",
              "tenant",
              "account_id",
              "account_name",
              "kind",
              "account_status",
              "mfa",
              "privilege",
              "last_use",
              "open_findings",
              "owned_because"),
          parser.getHeaderNames());
      rows = parser.getRecords();
    }
    Map<String, Integer> findingsOf = new HashMap<>();
    second.findings().forEach(f -> findingsOf.merge(f.account().id(), 1, Integer::sum));
    TreeSet<String> accounts = new TreeSet<>();
    boolean unownedSeen = false;
    for (CSVRecord row : rows) {
      boolean unowned = row.get("person_id").isEmpty();
      assertTrue(unowned || !unownedSeen, "a person's row after the unowned ones: " + row);
      unownedSeen |= unowned;
      // Why the account is the person's: the link rule and its evidence; nothing when unowned.
      assertEquals(
          unowned || row.get("account_id").isEmpty(),
          row.get("owned_because").isEmpty(),
          row.toString());
      if (!row.get("account_id").isEmpty()) {
        accounts.add(row.get("account_id"));
      }
      assertEquals(
          findingsOf.getOrDefault(row.get("account_id"), 0),
          Integer.parseInt(row.get("open_findings")),
          row.toString());
    }
    assertTrue(unownedSeen, "the demo has unowned accounts");
    // 130 users and logins, and the five IAM roles of the production account.
    assertEquals(135, accounts.size(), "every account of the demo at least once");
  }
}
