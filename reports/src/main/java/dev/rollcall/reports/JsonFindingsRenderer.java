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
import dev.rollcall.model.FindingStatus;
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
 * Renders findings.json: the run with its sources, the night's counts ({@link Counts}), and every
 * tracked finding of the night in report order (open, not re-checked, suppressed and resolved
 * tonight, each with its status, first and last seen, days open, evidence, policy clauses and fix).
 * Keys come in a fixed order, enum values in lower case, instants in ISO-8601.
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
      for (TrackedFinding t : report.findings()) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        tracked(report, t, n);
        json.writeTree(n);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("exceptionNotices");
      for (String notice : report.exceptionNotices()) {
        json.writeString(notice);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    out.write('\n');
    out.flush();
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
    node.put("reopened", counts.of(FindingStatus.REOPENED));
    node.put("stillOpen", counts.of(FindingStatus.STILL_OPEN));
    node.put("notRechecked", counts.openNotRechecked());
    node.put("suppressed", counts.of(FindingStatus.SUPPRESSED));
    node.put("resolved", counts.of(FindingStatus.RESOLVED));
    ObjectNode bySeverity = node.putObject("bySeverity");
    for (Map.Entry<Severity, Counts.Tally> e : counts.bySeverity().entrySet()) {
      bySeverity.put(lower(e.getKey()), e.getValue().findings());
    }
    ObjectNode byRule = node.putObject("byRule");
    for (Map.Entry<String, Counts.Tally> e : counts.byRule().entrySet()) {
      byRule.put(e.getKey(), e.getValue().findings());
    }
  }

  private static void tracked(RunReport report, TrackedFinding t, ObjectNode n) {
    Finding f = t.finding();
    n.put("fingerprint", f.fingerprint());
    n.put("ruleId", f.ruleId());
    n.put("title", f.title());
    n.put("severity", lower(f.severity()));
    n.put("status", lower(t.status()));
    n.put("open", t.isOpen());
    n.put("new", t.status().fresh());
    n.put("firstSeen", t.firstSeen().toString());
    n.put("lastSeen", t.lastSeen().toString());
    n.put("daysOpen", t.daysOpen(report.startedAt()));
    n.put("source", t.source());
    if (!t.rechecked()) {
      n.put("notRecheckedBecause", t.notRecheckedBecause());
    }
    AcceptedRisk risk = t.exception();
    if (risk == null) {
      n.putNull("exception");
    } else {
      n.putObject("exception")
          .put("id", risk.id())
          .put("owner", risk.owner())
          .put("reason", risk.reason())
          .put("expires", risk.expires().toString());
    }
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
