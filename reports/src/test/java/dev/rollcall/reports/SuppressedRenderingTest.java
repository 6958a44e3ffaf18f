package dev.rollcall.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.model.AcceptedRisk;
import dev.rollcall.model.Finding;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.TrackedFinding;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Accepted risks are reported apart from the active findings, never dropped. */
class SuppressedRenderingTest {
  /** The sample run with its first finding (in the order given) covered by an exception. */
  private static RunReport withException() {
    Finding accepted = Reports.FINDINGS.get(0);
    List<Finding> active = Reports.FINDINGS.subList(1, Reports.FINDINGS.size());
    List<SourcePull> sources = List.of(Reports.AWS_PULL, Reports.GOOGLE_PULL, Reports.ATLAS_PULL);
    List<TrackedFinding> findings =
        new ArrayList<>(Reports.tracked(active, Reports.NEW_FINGERPRINTS, sources));
    findings.add(
        Reports.suppressed(
            accepted,
            new AcceptedRisk(
                "EX-2026-014",
                "olivia.grant@meridianhealth.example",
                "break-glass account kept for outages",
                LocalDate.parse("2027-03-31"))));
    return Reports.report(
        findings,
        sources,
        List.of("EX-2026-002 matches no finding any more: remove it."),
        List.of());
  }

  @Test
  void jsonListsSuppressedFindingsWithTheirExceptionAndTheNotices() throws IOException {
    RunReport report = withException();
    JsonNode root = new ObjectMapper().readTree(JsonFindingsRenderer.render(report));
    List<JsonNode> suppressed = new ArrayList<>();
    root.get("findings")
        .forEach(
            f -> {
              if (f.get("status").asText().equals("suppressed")) {
                suppressed.add(f);
              } else {
                assertTrue(f.get("exception").isNull(), f.toString());
              }
            });
    assertEquals(1, suppressed.size());
    assertFalse(suppressed.get(0).get("open").asBoolean());
    assertEquals("EX-2026-014", suppressed.get(0).get("exception").get("id").asText());
    assertEquals("2027-03-31", suppressed.get(0).get("exception").get("expires").asText());
    assertEquals(
        report.suppressed().get(0).finding().fingerprint(),
        suppressed.get(0).get("fingerprint").asText());
    assertEquals(Reports.FINDINGS.size() - 1, report.open().size());
    assertEquals(report.findings().size(), root.get("findings").size());
    assertEquals(report.open().size(), root.get("counts").get("total").asInt());
    assertEquals(1, root.get("counts").get("suppressed").asInt());
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
