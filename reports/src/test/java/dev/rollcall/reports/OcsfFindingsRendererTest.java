package dev.rollcall.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.model.AcceptedRisk;
import dev.rollcall.model.Finding;
import dev.rollcall.model.Severity;
import dev.rollcall.model.TrackedFinding;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OcsfFindingsRendererTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant EARLIER = Instant.parse("2026-10-01T06:01:00Z");

  /** A finding of an earlier night that this run did not see again. */
  private static final Finding RESOLVED =
      new Finding(
          "0123456789abcdef0123456789abcdef",
          "access-key-not-rotated",
          "Access key not rotated",
          Severity.MEDIUM,
          new dev.rollcall.model.AccountKey(
              dev.rollcall.model.SourceSystem.AWS_IAM, Reports.AWS, "AIDAGONE"),
          "gone.user",
          List.of(),
          "An access key is 400 days old.",
          List.of(new dev.rollcall.model.Evidence("access key 1 created", "2025-10-16")),
          List.of(),
          "Rotate it.");

  /**
   * The sample run with other first-seen times for two findings, a suppressed one and a resolved
   * one.
   */
  private static RunReport report() {
    List<TrackedFinding> findings = new ArrayList<>();
    for (TrackedFinding t : Reports.run().findings()) {
      if (t.finding() == Reports.LEAVER) {
        findings.add(Reports.firstSeen(t, Reports.STARTED.plusSeconds(5)));
      } else if (t.finding() == Reports.DORMANT_AWS) {
        findings.add(Reports.firstSeen(t, EARLIER));
      } else if (t.finding() != Reports.UNOWNED) {
        findings.add(t);
      }
    }
    findings.add(
        Reports.suppressed(
            Reports.UNOWNED,
            new AcceptedRisk(
                "EX-2026-014",
                "olivia.grant@meridian.example",
                "build bot, owned by the platform team",
                LocalDate.parse("2027-03-31"))));
    findings.add(Reports.firstSeen(Reports.resolved(RESOLVED), EARLIER));
    return Reports.report(
        findings,
        List.of(Reports.AWS_PULL, Reports.GOOGLE_PULL, Reports.ATLAS_PULL),
        List.of(),
        List.of());
  }

  static List<JsonNode> events(String jsonLines) throws Exception {
    List<JsonNode> events = new ArrayList<>();
    for (String line : jsonLines.split("\n", -1)) {
      if (!line.isEmpty()) {
        events.add(JSON.readTree(line));
      }
    }
    return events;
  }

  /** Asserts what OCSF 1.5 requires of a Detection Finding, and what it recommends that we have. */
  static void assertDetectionFinding(JsonNode e) {
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
      assertTrue(e.has(required), required + " is required: " + e);
    }
    assertEquals(2004, e.get("class_uid").asInt(), e.toString());
    assertEquals(2, e.get("category_uid").asInt());
    int activity = e.get("activity_id").asInt();
    assertTrue(Set.of(1, 2, 3).contains(activity), e.toString());
    assertEquals(200400 + activity, e.get("type_uid").asInt());
    assertTrue(e.get("time").isIntegralNumber(), "time is epoch milliseconds");
    assertTrue(Set.of(1, 2, 3, 4, 5).contains(e.get("severity_id").asInt()));
    assertTrue(Set.of(1, 2, 3, 4).contains(e.get("status_id").asInt()));
    JsonNode metadata = e.get("metadata");
    assertEquals(OcsfFindingsRenderer.OCSF_VERSION, metadata.get("version").asText());
    assertTrue(metadata.get("version").asText().startsWith("1."));
    assertEquals("rollcall", metadata.at("/product/name").asText());
    assertEquals("rollcall", metadata.at("/product/vendor_name").asText());
    assertFalse(metadata.at("/product/version").asText().isEmpty());
    JsonNode info = e.get("finding_info");
    assertFalse(info.path("uid").asText().isEmpty(), "finding_info.uid is required");
    assertFalse(info.path("title").asText().isEmpty());
    assertEquals(info.get("uid"), metadata.get("uid"));
    assertEquals(1, e.get("resources").size());
    assertFalse(e.at("/resources/0/uid").asText().isEmpty());
    assertFalse(e.at("/cloud/provider").asText().isEmpty(), "the cloud profile needs provider");
    assertFalse(e.at("/remediation/desc").asText().isEmpty(), "remediation.desc is required");
    for (JsonNode evidence : e.get("evidences")) {
      assertTrue(evidence.has("data"), "an evidence needs at least one artifact: " + evidence);
    }
  }

  private static JsonNode eventOf(List<JsonNode> events, Finding f) {
    return events.stream()
        .filter(e -> e.at("/finding_info/uid").asText().equals(f.fingerprint()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no event for " + f.ruleId()));
  }

  @Test
  void everyLineIsOneDetectionFindingInReportOrderThenTheSuppressedThenTheResolved()
      throws Exception {
    String out = OcsfFindingsRenderer.render(report());
    assertTrue(out.endsWith("\n"));
    List<JsonNode> events = events(out);

    assertEquals(7, events.size());
    events.forEach(OcsfFindingsRendererTest::assertDetectionFinding);
    List<String> order = events.stream().map(e -> e.at("/finding_info/uid").asText()).toList();
    List<String> expected = new ArrayList<>();
    Reports.REPORT_ORDER.stream()
        .filter(f -> f != Reports.UNOWNED)
        .forEach(f -> expected.add(f.fingerprint()));
    expected.add(Reports.UNOWNED.fingerprint());
    expected.add(RESOLVED.fingerprint());
    assertEquals(expected, order);
  }

  @Test
  void mapsSeverityStatusAndActivity() throws Exception {
    List<JsonNode> events = events(OcsfFindingsRenderer.render(report()));

    JsonNode leaver = eventOf(events, Reports.LEAVER);
    assertEquals(5, leaver.get("severity_id").asInt());
    assertEquals("Critical", leaver.get("severity").asText());
    assertEquals(1, leaver.get("status_id").asInt());
    assertEquals("New", leaver.get("status").asText());
    assertEquals(200401, leaver.get("type_uid").asInt());
    assertTrue(leaver.get("is_alert").asBoolean());

    JsonNode dormant = eventOf(events, Reports.DORMANT_AWS);
    assertEquals(4, dormant.get("severity_id").asInt());
    assertEquals("In Progress", dormant.get("status").asText());
    assertEquals(2, dormant.get("status_id").asInt());
    assertEquals(200402, dormant.get("type_uid").asInt());
    assertFalse(dormant.get("is_alert").asBoolean());
    assertEquals(EARLIER.toEpochMilli(), dormant.at("/finding_info/first_seen_time").asLong());

    JsonNode formula = eventOf(events, Reports.FORMULA);
    assertEquals(3, formula.get("severity_id").asInt());
    assertEquals(
        Reports.OPENED.toEpochMilli(),
        formula.at("/finding_info/first_seen_time").asLong(),
        "an open finding's first-seen time is the night it was first seen");

    JsonNode suppressed = eventOf(events, Reports.UNOWNED);
    assertEquals(2, suppressed.get("severity_id").asInt());
    assertEquals("Low", suppressed.get("severity").asText());
    assertEquals(3, suppressed.get("status_id").asInt());
    assertEquals("Suppressed", suppressed.get("status").asText());
    assertEquals("EX-2026-014", suppressed.at("/unmapped/exception/id").asText());
    assertEquals("2027-03-31", suppressed.at("/unmapped/exception/expires").asText());

    JsonNode closed = eventOf(events, RESOLVED);
    assertEquals(3, closed.get("activity_id").asInt());
    assertEquals("Close", closed.get("activity_name").asText());
    assertEquals(200403, closed.get("type_uid").asInt());
    assertEquals(4, closed.get("status_id").asInt());
    assertEquals("Resolved", closed.get("status").asText());
    assertFalse(closed.get("is_alert").asBoolean());
    assertEquals(EARLIER.toEpochMilli(), closed.at("/finding_info/first_seen_time").asLong());
    assertEquals(
        Reports.LAST_NIGHT.toEpochMilli(),
        closed.at("/finding_info/last_seen_time").asLong(),
        "a resolved finding was last seen on an earlier night");
  }

  @Test
  void severityIdsFollowTheScale() {
    assertEquals(1, OcsfFindingsRenderer.severityId(Severity.INFO));
    assertEquals(2, OcsfFindingsRenderer.severityId(Severity.LOW));
    assertEquals(3, OcsfFindingsRenderer.severityId(Severity.MEDIUM));
    assertEquals(4, OcsfFindingsRenderer.severityId(Severity.HIGH));
    assertEquals(5, OcsfFindingsRenderer.severityId(Severity.CRITICAL));
  }

  @Test
  void carriesTheAccountEvidenceClausesAndFix() throws Exception {
    JsonNode e = eventOf(events(OcsfFindingsRenderer.render(report())), Reports.LEAVER);

    assertEquals(Reports.FINISHED.toEpochMilli(), e.get("time").asLong());
    assertEquals(Reports.LEAVER.fingerprint(), e.at("/metadata/uid").asText());
    assertEquals("0.1.0", e.at("/metadata/product/version").asText());
    assertEquals("Access left after termination", e.at("/finding_info/title").asText());
    assertEquals(Reports.LEAVER.summary(), e.at("/finding_info/desc").asText());
    assertEquals("access-left-after-termination", e.at("/finding_info/types/0").asText());
    assertEquals("access-left-after-termination", e.at("/finding_info/analytic/uid").asText());
    assertEquals(
        Reports.STARTED.plusSeconds(5).toEpochMilli(),
        e.at("/finding_info/first_seen_time").asLong());

    assertEquals("aws_iam:111122223333:AIDAOLIVIA", e.at("/resources/0/uid").asText());
    assertEquals("olivia.grant", e.at("/resources/0/name").asText());
    assertEquals("AWS IAM account", e.at("/resources/0/type").asText());
    assertEquals("olivia.grant@meridian.example", e.at("/resources/0/owner/email_addr").asText());
    assertEquals("AWS", e.at("/cloud/provider").asText());
    assertEquals(Reports.AWS, e.at("/cloud/account/uid").asText());

    assertEquals("person status", e.at("/evidences/0/name").asText());
    assertEquals("TERMINATED since 2026-10-31", e.at("/evidences/0/data/person status").asText());
    assertEquals("enabled", e.at("/unmapped/evidence/1/value").asText());
    assertEquals("Disable olivia.grant in AWS IAM.", e.at("/remediation/desc").asText());
    assertEquals("System Access Policy §7.2.9", e.at("/remediation/references/0").asText());
    assertEquals("Termination procedures.", e.at("/unmapped/policy_clauses/1/text").asText());
    assertEquals("run-2026-11-20", e.at("/unmapped/run_id").asText());
  }

  @Test
  void aHostileNameStaysOneLineOfValidJson() throws Exception {
    String out = OcsfFindingsRenderer.render(report());

    JsonNode hostile = eventOf(events(out), Reports.HOSTILE);
    assertEquals(Reports.HOSTILE_NAME, hostile.at("/resources/0/name").asText());
    JsonNode formula = eventOf(events(out), Reports.FORMULA);
    assertEquals(Reports.FORMULA.summary(), formula.at("/finding_info/desc").asText());
    assertEquals(7, out.lines().count(), "a newline in a summary must not split an event");
  }

  @Test
  void aCleanRunWritesAnEmptyFile() {
    assertEquals("", OcsfFindingsRenderer.render(Reports.clean()));
  }
}
