package dev.rollcall.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Finding;
import dev.rollcall.model.PolicyClause;
import dev.rollcall.model.SourcePull;
import java.util.Locale;
import java.util.Map;

/** Renders findings.json: the run, its counts, and every finding with evidence and clauses. */
public final class JsonFindingsRenderer {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonFindingsRenderer() {}

  public static String render(RunReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode run = root.putObject("run");
    run.put("id", report.runId());
    run.put("startedAt", report.startedAt().toString());
    run.put("finishedAt", report.finishedAt().toString());
    run.put("version", report.version());
    run.put("profile", report.profile());
    run.put("organisation", report.organisation());
    run.put("accountsAudited", report.accountsAudited());
    run.put("peopleInDirectory", report.peopleInDirectory());
    run.put("failOn", lower(report.failOn().name()));
    ArrayNode sources = run.putArray("sources");
    for (SourcePull pull : report.sources()) {
      ObjectNode s = sources.addObject();
      s.put("source", pull.source());
      s.put("system", lower(pull.system().name()));
      s.put("tenant", pull.tenant());
      s.put("status", lower(pull.status().name()));
      s.put("accounts", pull.accounts());
      ArrayNode errors = s.putArray("errors");
      pull.errors().forEach(errors::add);
      s.put("observedAt", pull.observedAt().toString());
    }
    Counts counts = Counts.of(report);
    ObjectNode countNode = root.putObject("counts");
    countNode.put("total", report.findings().size());
    countNode.put("new", (int) report.findings().stream().filter(report::isNew).count());
    ObjectNode bySeverity = countNode.putObject("bySeverity");
    for (Map.Entry<dev.rollcall.model.Severity, int[]> e : counts.bySeverity().entrySet()) {
      bySeverity.put(lower(e.getKey().name()), e.getValue()[0]);
    }
    ObjectNode byRule = countNode.putObject("byRule");
    for (Map.Entry<String, int[]> e : counts.byRule().entrySet()) {
      byRule.put(e.getKey(), e.getValue()[0]);
    }
    ArrayNode findings = root.putArray("findings");
    for (Finding f : report.findings()) {
      ObjectNode n = findings.addObject();
      n.put("fingerprint", f.fingerprint());
      n.put("ruleId", f.ruleId());
      n.put("title", f.title());
      n.put("severity", lower(f.severity().name()));
      n.put("new", report.isNew(f));
      n.put("system", lower(f.account().system().name()));
      n.put("tenant", f.account().tenant());
      n.put("accountId", f.account().id());
      n.put("accountName", f.accountName());
      ArrayNode people = n.putArray("personIds");
      f.personIds().forEach(people::add);
      n.put("summary", f.summary());
      ArrayNode evidence = n.putArray("evidence");
      for (Evidence e : f.evidence()) {
        evidence.addObject().put("label", e.label()).put("value", e.value());
      }
      ArrayNode clauses = n.putArray("clauses");
      for (PolicyClause c : f.clauses()) {
        clauses.addObject().put("reference", c.reference()).put("text", c.text());
      }
      n.put("remediation", f.remediation());
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serialises", e);
    }
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
