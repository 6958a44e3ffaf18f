package dev.rollcall.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.model.Finding;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Accepted risks are reported apart from the active findings, never dropped. */
class SuppressedRenderingTest {
  private static RunReport withException() {
    RunReport base = Reports.run();
    Finding accepted = base.findings().get(0);
    List<Finding> active = base.findings().subList(1, base.findings().size());
    return new RunReport(
        base.runId(),
        base.startedAt(),
        base.finishedAt(),
        base.version(),
        base.profile(),
        base.organisation(),
        base.sources(),
        active,
        base.newFingerprints(),
        base.accountsAudited(),
        base.peopleInDirectory(),
        base.failOn(),
        List.of(
            new Suppressed(
                accepted,
                "EX-2026-014",
                "olivia.grant@meridianhealth.example",
                "break-glass account kept for outages",
                LocalDate.parse("2027-03-31"))),
        List.of("EX-2026-002 matches no finding any more: remove it."));
  }

  @Test
  void jsonListsSuppressedFindingsWithTheirExceptionAndTheNotices() throws IOException {
    RunReport report = withException();
    JsonNode root = new ObjectMapper().readTree(JsonFindingsRenderer.render(report));
    JsonNode suppressed = root.get("suppressed");
    assertEquals(1, suppressed.size());
    assertEquals("EX-2026-014", suppressed.get(0).get("exception").get("id").asText());
    assertEquals("2027-03-31", suppressed.get(0).get("exception").get("expires").asText());
    assertEquals(
        report.suppressed().get(0).finding().fingerprint(),
        suppressed.get(0).get("finding").get("fingerprint").asText());
    assertEquals(report.findings().size(), root.get("findings").size());
    assertEquals(
        "EX-2026-002 matches no finding any more: remove it.",
        root.get("exceptionNotices").get(0).asText());
  }

  @Test
  void markdownHasItsOwnSections() {
    String md = MarkdownSummaryRenderer.render(withException());
    assertTrue(md.contains("## Suppressed (accepted risk, 1 finding)"), md);
    assertTrue(
        md.contains("EX-2026-014, owner olivia.grant@meridianhealth.example, until 2027-03-31"),
        md);
    assertTrue(md.contains("## Exceptions needing attention"), md);
    assertFalse(MarkdownSummaryRenderer.render(Reports.run()).contains("Suppressed"));
  }
}
