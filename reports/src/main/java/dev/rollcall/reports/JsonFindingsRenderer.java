package dev.rollcall.reports;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.model.AcceptedRisk;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Finding;
import dev.rollcall.model.PolicyClause;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.TrackedFinding;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Renders findings.json: the run with its sources, the counts by severity and by rule, and every
 * finding in report order with its evidence, policy clauses and fix. Keys come in a fixed order,
 * enum values in lower case, instants in ISO-8601.
 */
public final class JsonFindingsRenderer {
  // An ObjectWriter is immutable; "\n" rather than the platform's line separator keeps the
  // output byte-identical everywhere.
  private static final ObjectWriter WRITER =
      new ObjectMapper()
          .writer(
              new DefaultPrettyPrinter(
                      Separators.createDefaultInstance()
                          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                          .withObjectEmptySeparator("")
                          .withArrayEmptySeparator(""))
                  .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                  .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private JsonFindingsRenderer() {}

  /** The document as a string, ending with a newline. */
  public static String render(RunReport report) {
    return new String(renderBytes(report), StandardCharsets.UTF_8);
  }

  /** The document as UTF-8 bytes. */
  public static byte[] renderBytes(RunReport report) {
    AtomicFiles.Content content = out -> write(report, out);
    return content.toBytes();
  }

  /**
   * Writes the document to {@code out} as UTF-8, one finding at a time, so that a run of a million
   * accounts never holds the whole document in memory. Leaves {@code out} open.
   */
  public static void write(RunReport report, OutputStream out) throws IOException {
    try (JsonGenerator json = WRITER.createGenerator(out, JsonEncoding.UTF8)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.writeStartObject();
      ObjectNode run = JsonNodeFactory.instance.objectNode();
      run(report, run);
      json.writeFieldName("run");
      json.writeTree(run);
      ObjectNode counts = JsonNodeFactory.instance.objectNode();
      counts(Counts.of(report), counts);
      json.writeFieldName("counts");
      json.writeTree(counts);
      json.writeArrayFieldStart("findings");
      for (TrackedFinding t : report.open()) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        finding(t.finding(), t.status().fresh(), n);
        json.writeTree(n);
      }
      json.writeEndArray();
      ObjectNode rest = JsonNodeFactory.instance.objectNode();
      suppressedAndNotices(report, rest);
      for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> field : rest.properties()) {
        json.writeFieldName(field.getKey());
        json.writeTree(field.getValue());
      }
      json.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private static void suppressedAndNotices(RunReport report, ObjectNode root) {
    ArrayNode suppressed = root.putArray("suppressed");
    for (TrackedFinding s : report.suppressed()) {
      AcceptedRisk risk = s.exception();
      ObjectNode n = suppressed.addObject();
      ObjectNode exception = n.putObject("exception");
      exception.put("id", risk.id());
      exception.put("owner", risk.owner());
      exception.put("reason", risk.reason());
      exception.put("expires", risk.expires().toString());
      finding(s.finding(), false, n.putObject("finding"));
    }
    ArrayNode notices = root.putArray("exceptionNotices");
    report.exceptionNotices().forEach(notices::add);
  }

  private static void run(RunReport report, ObjectNode run) {
    run.put("id", report.runId());
    run.put("startedAt", report.startedAt().toString());
    run.put("finishedAt", report.finishedAt().toString());
    run.put("version", report.version());
    run.put("profile", report.profile());
    run.put("organisation", report.organisation());
    run.put("accountsAudited", report.accountsAudited());
    run.put("peopleInDirectory", report.peopleInDirectory());
    run.put("failOn", report.failOn().label());
    ArrayNode sources = run.putArray("sources");
    for (SourcePull pull : report.sources()) {
      ObjectNode s = sources.addObject();
      s.put("source", pull.source());
      s.put("system", lower(pull.system()));
      s.put("tenant", pull.tenant());
      s.put("status", lower(pull.status()));
      s.put("accounts", pull.accounts());
      ArrayNode errors = s.putArray("errors");
      pull.errors().forEach(errors::add);
      s.put("observedAt", pull.observedAt().toString());
    }
  }

  private static void counts(Counts counts, ObjectNode node) {
    node.put("total", counts.total().findings());
    node.put("new", counts.total().fresh());
    ObjectNode bySeverity = node.putObject("bySeverity");
    for (Map.Entry<Severity, Counts.Tally> e : counts.bySeverity().entrySet()) {
      bySeverity.put(lower(e.getKey()), e.getValue().findings());
    }
    ObjectNode byRule = node.putObject("byRule");
    for (Map.Entry<String, Counts.Tally> e : counts.byRule().entrySet()) {
      byRule.put(e.getKey(), e.getValue().findings());
    }
  }

  private static void finding(Finding f, boolean isNew, ObjectNode n) {
    n.put("fingerprint", f.fingerprint());
    n.put("ruleId", f.ruleId());
    n.put("title", f.title());
    n.put("severity", lower(f.severity()));
    n.put("new", isNew);
    n.put("system", lower(f.account().system()));
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

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
