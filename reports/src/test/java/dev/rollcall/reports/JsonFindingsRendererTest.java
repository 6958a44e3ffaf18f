package dev.rollcall.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.model.Finding;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFindingsRendererTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode parse(RunReport report) throws IOException {
    return MAPPER.readTree(JsonFindingsRenderer.render(report));
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void describesTheRunAndItsSources() throws IOException {
    JsonNode root = parse(Reports.run());
    assertEquals(List.of("run", "counts", "findings", "exceptionNotices"), keys(root));

    JsonNode run = root.get("run");
    assertEquals(
        List.of(
            "id",
            "startedAt",
            "finishedAt",
            "version",
            "profile",
            "organisation",
            "accountsAudited",
            "peopleInDirectory",
            "failOn",
            "sources"),
        keys(run));
    assertEquals("run-2026-11-20", run.get("id").asText());
    assertEquals("2026-11-20T06:00:00Z", run.get("startedAt").asText());
    assertEquals(Reports.FINISHED, Instant.parse(run.get("finishedAt").asText()));
    assertEquals("Meridian Health", run.get("organisation").asText());
    assertEquals(7, run.get("accountsAudited").asInt());
    assertEquals("high", run.get("failOn").asText());

    JsonNode atlas = run.get("sources").get(2);
    assertEquals(
        List.of("source", "system", "tenant", "status", "accounts", "errors", "observedAt"),
        keys(atlas));
    assertEquals("atlas/" + Reports.ORG, atlas.get("source").asText());
    assertEquals("atlas_org", atlas.get("system").asText());
    assertEquals("failed", atlas.get("status").asText());
    assertEquals(1, atlas.get("errors").size());
    assertEquals(
        "users.json: HTTP 401 <unauthorized> | retry_later", atlas.get("errors").get(0).asText());
    assertEquals("2026-11-20T05:00:00Z", atlas.get("observedAt").asText());
    assertTrue(run.get("sources").get(0).get("errors").isArray());
  }

  @Test
  void countsBySeverityMostSevereFirstAndByRule() throws IOException {
    JsonNode counts = parse(Reports.run()).get("counts");
    assertEquals(6, counts.get("total").asInt());
    assertEquals(2, counts.get("new").asInt());
    JsonNode bySeverity = counts.get("bySeverity");
    assertEquals(List.of("critical", "high", "medium", "low", "info"), keys(bySeverity));
    assertEquals(1, bySeverity.get("critical").asInt());
    assertEquals(3, bySeverity.get("high").asInt());
    assertEquals(0, bySeverity.get("info").asInt());
    JsonNode byRule = counts.get("byRule");
    assertEquals(
        List.of(
            "access-left-after-termination",
            "dormant-account",
            "generic-account-name",
            "interactive-login-without-mfa",
            "unowned-account"),
        keys(byRule));
    assertEquals(2, byRule.get("dormant-account").asInt());
  }

  @Test
  void listsFindingsInReportOrderWithEveryField() throws IOException {
    JsonNode findings = parse(Reports.run()).get("findings");
    List<String> fingerprints = new ArrayList<>();
    findings.forEach(f -> fingerprints.add(f.get("fingerprint").asText()));
    assertEquals(Reports.REPORT_ORDER.stream().map(Finding::fingerprint).toList(), fingerprints);

    JsonNode leaver = findings.get(0);
    assertEquals(
        List.of(
            "fingerprint",
            "ruleId",
            "title",
            "severity",
            "status",
            "open",
            "new",
            "firstSeen",
            "lastSeen",
            "daysOpen",
            "source",
            "exception",
            "system",
            "tenant",
            "accountId",
            "accountName",
            "personIds",
            "summary",
            "evidence",
            "clauses",
            "remediation"),
        keys(leaver));
    assertEquals("critical", leaver.get("severity").asText());
    assertTrue(leaver.get("new").asBoolean());
    assertEquals("aws_iam", leaver.get("system").asText());
    assertEquals(Reports.AWS, leaver.get("tenant").asText());
    assertEquals("aws_iam:111122223333:AIDAOLIVIA", leaver.get("accountId").asText());
    assertEquals("olivia.grant", leaver.get("accountName").asText());
    assertEquals("olivia.grant@meridian.example", leaver.get("personIds").get(0).asText());
    assertEquals("person status", leaver.get("evidence").get(0).get("label").asText());
    assertEquals("enabled", leaver.get("evidence").get(1).get("value").asText());
    assertEquals(2, leaver.get("clauses").size());
    assertEquals(
        "HIPAA 164.308(a)(3)(ii)(C)", leaver.get("clauses").get(1).get("reference").asText());
    assertEquals(
        "Access ends on the last day of work.", leaver.get("clauses").get(0).get("text").asText());

    JsonNode hostile = findings.get(1);
    assertFalse(hostile.get("new").asBoolean());
    assertEquals(Reports.HOSTILE_NAME, hostile.get("accountName").asText());
    assertEquals(0, hostile.get("personIds").size());
    assertEquals(Reports.FORMULA.summary(), findings.get(4).get("summary").asText());
  }

  @Test
  void isPrettyPrintedAndStable() {
    String first = JsonFindingsRenderer.render(Reports.run());
    assertEquals(first, JsonFindingsRenderer.render(Reports.run()));
    assertTrue(first.startsWith("{\n  \"run\": {\n    \"id\": \"run-2026-11-20\",\n"), first);
    assertTrue(first.endsWith("}\n"));
    assertFalse(first.contains("\r"));
  }

  @Test
  void rendersARunWithoutFindings() throws IOException {
    JsonNode root = parse(Reports.clean());
    assertEquals(0, root.get("findings").size());
    assertEquals(0, root.get("counts").get("total").asInt());
    assertEquals(0, root.get("counts").get("byRule").size());
  }
}
