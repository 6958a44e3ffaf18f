package dev.rollcall.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.rollcall.model.AcceptedRisk;
import dev.rollcall.model.FindingStatus;
import dev.rollcall.model.TrackedFinding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds every line of findings.ocsf.jsonl to the official OCSF 1.5.0 JSON Schema of the Detection
 * Finding class, so that the version the events declare is one they really conform to. scripts/test
 * makes the schema with scripts/ocsf-schema and names it in {@code ROLLCALL_OCSF_SCHEMA}; without
 * it the test is skipped, unless {@code rollcall.emulators.required} says it must run.
 */
class OcsfSchemaValidationTest {
  static final String VARIABLE = "ROLLCALL_OCSF_SCHEMA";

  private static Schema schema;

  @BeforeAll
  static void loadSchema() throws Exception {
    String path = System.getenv(VARIABLE);
    String why = null;
    if (path == null || path.isBlank()) {
      why = VARIABLE + " is not set (scripts/test sets it from scripts/ocsf-schema)";
    } else if (!Files.isRegularFile(Path.of(path))) {
      why = VARIABLE + " names " + path + ", which is not a file";
    }
    if (why != null) {
      if (Boolean.getBoolean("rollcall.emulators.required")) {
        throw new IllegalStateException(why + ", and rollcall.emulators.required is true");
      }
      assumeTrue(false, why);
    }
    String text = Files.readString(Path.of(path));
    assertTrue(
        text.contains("schema.ocsf.io/schema/" + OcsfFindingsRenderer.OCSF_VERSION + "/classes/"),
        path + " is not the OCSF " + OcsfFindingsRenderer.OCSF_VERSION + " schema");
    schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(text, InputFormat.JSON);
  }

  /**
   * One finding of every status: new, reopened, still open, not re-checked, suppressed, resolved.
   */
  private static RunReport everyStatus() {
    List<TrackedFinding> findings =
        List.of(
            new TrackedFinding(
                Reports.LEAVER,
                FindingStatus.NEW,
                Reports.STARTED,
                Reports.STARTED,
                null,
                Reports.AWS_PULL.source()),
            new TrackedFinding(
                Reports.NO_MFA,
                FindingStatus.REOPENED,
                Reports.OPENED,
                Reports.STARTED,
                null,
                Reports.GOOGLE_PULL.source()),
            new TrackedFinding(
                Reports.DORMANT_AWS,
                FindingStatus.STILL_OPEN,
                Reports.OPENED,
                Reports.STARTED,
                null,
                Reports.AWS_PULL.source()),
            Reports.notRechecked(Reports.HOSTILE, Reports.ATLAS_PULL.source(), Reports.LAST_NIGHT),
            Reports.suppressed(
                Reports.UNOWNED,
                new AcceptedRisk(
                    "EX-2026-014",
                    "olivia.grant@meridian.example",
                    "build bot, owned by the platform team",
                    LocalDate.parse("2027-03-31"))),
            Reports.resolved(Reports.FORMULA));
    return Reports.report(
        findings,
        List.of(Reports.AWS_PULL, Reports.GOOGLE_PULL, Reports.ATLAS_PULL),
        List.of(),
        List.of());
  }

  @Test
  void everyLineValidatesAgainstTheOfficialSchema() throws Exception {
    for (RunReport report : List.of(everyStatus(), Reports.run())) {
      String out = OcsfFindingsRenderer.render(report);
      int number = 0;
      for (String line : out.split("\n")) {
        number++;
        List<Error> errors = schema.validate(line, InputFormat.JSON);
        assertTrue(errors.isEmpty(), "findings.ocsf.jsonl line " + number + ": " + errors);
      }
      assertEquals(report.findings().size(), number);
    }
  }

  @Test
  void aBrokenEventFailsTheSchema() {
    String line = OcsfFindingsRenderer.render(everyStatus()).lines().findFirst().orElseThrow();
    List<Error> errors =
        schema.validate(line.replace("\"status_id\":1,", "\"status_id\":7,"), InputFormat.JSON);
    assertTrue(!errors.isEmpty(), "status_id 7 is no OCSF status");
  }

  @Test
  void everyTrackedFindingIsOneLineWithItsStatusAgeAndTenant() throws Exception {
    RunReport report = everyStatus();
    List<JsonNode> events = OcsfFindingsRendererTest.events(OcsfFindingsRenderer.render(report));
    assertEquals(report.findings().size(), events.size());
    Map<String, JsonNode> byFingerprint = new HashMap<>();
    for (JsonNode e : events) {
      assertEquals(null, byFingerprint.put(e.at("/finding_info/uid").asText(), e), "once: " + e);
    }
    Map<FindingStatus, String> expected =
        Map.of(
            FindingStatus.NEW, "1 New",
            FindingStatus.REOPENED, "1 New",
            FindingStatus.STILL_OPEN, "2 In Progress",
            FindingStatus.NOT_RECHECKED, "2 In Progress",
            FindingStatus.SUPPRESSED, "3 Suppressed",
            FindingStatus.RESOLVED, "4 Resolved");
    for (TrackedFinding t : report.findings()) {
      JsonNode e = byFingerprint.get(t.fingerprint());
      assertTrue(e != null, "no line for " + t.fingerprint());
      assertEquals(
          expected.get(t.status()),
          e.get("status_id").asInt() + " " + e.get("status").asText(),
          t.status().toString());
      assertEquals(
          t.status().name().toLowerCase(Locale.ROOT), e.at("/unmapped/finding_status").asText());
      assertEquals(t.firstSeen().toEpochMilli(), e.at("/finding_info/first_seen_time").asLong());
      assertEquals(t.lastSeen().toEpochMilli(), e.at("/finding_info/last_seen_time").asLong());
      assertEquals(
          Math.max(0, Duration.between(t.firstSeen(), report.startedAt()).toDays()),
          e.at("/unmapped/days_open").asLong());
      assertEquals(t.finding().account().tenant(), e.at("/cloud/account/uid").asText());
      assertEquals(List.of("cloud"), List.of(e.at("/metadata/profiles/0").asText()));
    }
    JsonNode kept = byFingerprint.get(Reports.HOSTILE.fingerprint());
    assertEquals(
        "not re-checked: its source "
            + Reports.ATLAS_PULL.source()
            + " was not fully read; kept as it was, last seen "
            + Reports.LAST_NIGHT,
        kept.get("status_detail").asText());
    assertEquals(
        9, byFingerprint.get(Reports.DORMANT_AWS.fingerprint()).at("/unmapped/days_open").asLong());
    JsonNode leaver = byFingerprint.get(Reports.LEAVER.fingerprint());
    assertEquals(10, leaver.at("/cloud/account/type_id").asInt());
    assertEquals("AWS Account", leaver.at("/cloud/account/type").asText());
    assertEquals("olivia.grant@meridian.example", leaver.at("/resources/0/owner/uid").asText());
    assertTrue(
        byFingerprint.get(Reports.FORMULA.fingerprint()).at("/resources/0/owner").isMissingNode(),
        "an account of two people has no one owner");
  }
}
