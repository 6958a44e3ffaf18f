package dev.rollcall.reports;

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
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.TrackedFinding;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Renders findings.ocsf.jsonl: every tracked finding of a run as one OCSF 1.5.0 Detection Finding
 * (class 2004, cloud profile), one compact JSON object per line: open findings in report order
 * (Create when first seen or reopened now, else Update), then those not re-checked (Update, still
 * open), then the suppressed ones, then those this run resolved (Close), so that a SIEM can close
 * the alerts it opened and sees every finding the other reports list.
 *
 * <p>JSON Lines rather than one JSON array because every loader of security events reads one event
 * per line (Splunk, Elastic's filestream ndjson parser, Vector, Fluent Bit, Amazon Security Lake's
 * ingestion via Firehose or Glue, {@code jq -c}); a line is an event a shipper can send on its own,
 * and a cut-off file still gives every whole line before the cut. See <a
 * href="https://schema.ocsf.io/1.5.0/classes/detection_finding">the class</a>.
 */
public final class OcsfFindingsRenderer {
  /**
   * The OCSF schema version the events conform to: {@code is_alert} is 1.4 and {@code
   * evidences[].name} 1.5, so no earlier version validates them (OcsfSchemaValidationTest holds
   * it).
   */
  static final String OCSF_VERSION = "1.5.0";

  static final int CLASS_UID = 2004;
  static final int CATEGORY_UID = 2;

  private static final ObjectWriter WRITER = new ObjectMapper().writer();

  /** The finding lifecycle as OCSF's {@code status_id}. */
  enum Status {
    NEW(1, "New"),
    IN_PROGRESS(2, "In Progress"),
    SUPPRESSED(3, "Suppressed"),
    RESOLVED(4, "Resolved");

    final int id;
    final String caption;

    Status(int id, String caption) {
      this.id = id;
      this.caption = caption;
    }
  }

  /** What the event says happened to the finding, as OCSF's {@code activity_id}. */
  enum Activity {
    CREATE(1, "Create"),
    UPDATE(2, "Update"),
    CLOSE(3, "Close");

    final int id;
    final String caption;

    Activity(int id, String caption) {
      this.id = id;
      this.caption = caption;
    }
  }

  private OcsfFindingsRenderer() {}

  /** The events, one JSON object per line, each line ending with a newline. */
  public static String render(RunReport report) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      write(report, out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("writing to memory cannot fail", e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Writes the events to {@code out} as {@link #render} gives them, an event at a time: a million
   * accounts' findings need not be held as one string.
   */
  public static void write(RunReport report, java.io.OutputStream out) throws java.io.IOException {
    // open() (not re-checked ones included), suppressed() and resolved() partition findings().
    for (TrackedFinding t : report.open()) {
      boolean fresh = t.status().fresh();
      line(
          event(
              report,
              t,
              fresh ? Status.NEW : Status.IN_PROGRESS,
              fresh ? Activity.CREATE : Activity.UPDATE),
          out);
    }
    for (TrackedFinding s : report.suppressed()) {
      boolean createdNow = !s.firstSeen().isBefore(report.startedAt());
      line(
          event(report, s, Status.SUPPRESSED, createdNow ? Activity.CREATE : Activity.UPDATE), out);
    }
    for (TrackedFinding t : report.resolved()) {
      line(event(report, t, Status.RESOLVED, Activity.CLOSE), out);
    }
  }

  private static void line(ObjectNode event, java.io.OutputStream out) throws java.io.IOException {
    out.write(WRITER.writeValueAsBytes(event));
    out.write('\n');
  }

  static ObjectNode event(RunReport report, TrackedFinding t, Status status, Activity activity) {
    Finding f = t.finding();
    long time = report.finishedAt().toEpochMilli();
    ObjectNode e = JsonNodeFactory.instance.objectNode();
    e.put("class_uid", CLASS_UID);
    e.put("class_name", "Detection Finding");
    e.put("category_uid", CATEGORY_UID);
    e.put("category_name", "Findings");
    e.put("activity_id", activity.id);
    e.put("activity_name", activity.caption);
    e.put("type_uid", CLASS_UID * 100 + activity.id);
    e.put("type_name", "Detection Finding: " + activity.caption);
    e.put("time", time);
    e.put("severity_id", severityId(f.severity()));
    e.put("severity", severityCaption(f.severity()));
    e.put("status_id", status.id);
    e.put("status", status.caption);
    if (!t.rechecked()) {
      e.put(
          "status_detail",
          "not re-checked: "
              + t.notRecheckedBecause()
              + "; kept as it was, last seen "
              + t.lastSeen());
    }
    e.put("is_alert", status == Status.NEW);
    e.put("message", f.summary());

    ObjectNode metadata = e.putObject("metadata");
    metadata.put("version", OCSF_VERSION);
    metadata.put("uid", f.fingerprint());
    metadata.putArray("profiles").add("cloud");
    ObjectNode product = metadata.putObject("product");
    product.put("name", "rollcall");
    product.put("vendor_name", "rollcall");
    product.put("version", report.version());

    ObjectNode info = e.putObject("finding_info");
    info.put("uid", f.fingerprint());
    info.put("title", f.title());
    info.put("desc", f.summary());
    info.putArray("types").add(f.ruleId());
    ObjectNode analytic = info.putObject("analytic");
    analytic.put("uid", f.ruleId());
    analytic.put("name", f.title());
    analytic.put("type_id", 1);
    analytic.put("type", "Rule");
    info.put("first_seen_time", t.firstSeen().toEpochMilli());
    // The last night that saw it: tonight, or an earlier night when resolved or not re-checked.
    info.put("last_seen_time", t.lastSeen().toEpochMilli());

    SourceSystem system = f.account().system();
    ObjectNode cloud = e.putObject("cloud");
    cloud.put("provider", provider(system));
    // The tenant the account lives in (OCSF's Account object); rollcall knows no tenant name.
    ObjectNode tenant = cloud.putObject("account");
    tenant.put("uid", f.account().tenant());
    tenant.put("type_id", tenantTypeId(system));
    tenant.put("type", tenantType(system));

    ObjectNode resource = e.putArray("resources").addObject();
    resource.put("uid", f.account().id());
    resource.put("name", f.accountName());
    resource.put("type", system.label() + " account");
    // OCSF's owner is one User; a shared account's several people stay in unmapped.person_ids.
    if (f.personIds().size() == 1) {
      String person = f.personIds().get(0);
      ObjectNode owner = resource.putObject("owner");
      owner.put("uid", person);
      if (person.contains("@")) {
        owner.put("email_addr", person);
      }
    }
    ObjectNode data = resource.putObject("data");
    data.put("system", lower(system));
    data.put("tenant", f.account().tenant());
    data.put("native_id", f.account().nativeId());

    ArrayNode evidences = e.putArray("evidences");
    for (Evidence ev : f.evidence()) {
      ObjectNode item = evidences.addObject();
      item.put("name", ev.label());
      item.putObject("data").put(ev.label(), ev.value());
    }

    ObjectNode remediation = e.putObject("remediation");
    remediation.put("desc", f.remediation());
    ArrayNode references = remediation.putArray("references");
    f.clauses().forEach(c -> references.add(c.reference()));

    ObjectNode unmapped = e.putObject("unmapped");
    unmapped.put("run_id", report.runId());
    unmapped.put("organisation", report.organisation());
    unmapped.put("profile", report.profile());
    unmapped.put("rule_id", f.ruleId());
    // The class has no field for a finding's age nor for rollcall's own lifecycle words.
    unmapped.put("finding_status", lower(t.status()));
    unmapped.put("days_open", t.daysOpen(report.startedAt()));
    ArrayNode people = unmapped.putArray("person_ids");
    f.personIds().forEach(people::add);
    ArrayNode evidence = unmapped.putArray("evidence");
    for (Evidence ev : f.evidence()) {
      evidence.addObject().put("label", ev.label()).put("value", ev.value());
    }
    ArrayNode clauses = unmapped.putArray("policy_clauses");
    for (PolicyClause c : f.clauses()) {
      clauses.addObject().put("reference", c.reference()).put("text", c.text());
    }
    AcceptedRisk suppressed = t.exception();
    if (suppressed != null) {
      ObjectNode exception = unmapped.putObject("exception");
      exception.put("id", suppressed.id());
      exception.put("owner", suppressed.owner());
      exception.put("reason", suppressed.reason());
      exception.put("expires", suppressed.expires().toString());
    }
    return e;
  }

  /** OCSF severity_id: 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical. */
  static int severityId(Severity severity) {
    return switch (severity) {
      case INFO -> 1;
      case LOW -> 2;
      case MEDIUM -> 3;
      case HIGH -> 4;
      case CRITICAL -> 5;
    };
  }

  private static String severityCaption(Severity severity) {
    return severity == Severity.INFO
        ? "Informational"
        : severity.name().charAt(0) + severity.name().substring(1).toLowerCase(Locale.ROOT);
  }

  private static String provider(SourceSystem system) {
    return switch (system) {
      case AWS_IAM, AWS_IDENTITY_CENTER -> "AWS";
      case GOOGLE_WORKSPACE -> "Google Workspace";
      case ATLAS_ORG, ATLAS_DATABASE -> "MongoDB Atlas";
    };
  }

  /** OCSF's account type_id: 10 AWS Account, 15 Google Workspace, 99 Other (see {@code type}). */
  private static int tenantTypeId(SourceSystem system) {
    return switch (system) {
      case AWS_IAM -> 10;
      case GOOGLE_WORKSPACE -> 15;
      case AWS_IDENTITY_CENTER, ATLAS_ORG, ATLAS_DATABASE -> 99;
    };
  }

  private static String tenantType(SourceSystem system) {
    return switch (system) {
      case AWS_IAM -> "AWS Account";
      case AWS_IDENTITY_CENTER -> "AWS Identity Store";
      case GOOGLE_WORKSPACE -> "Google Workspace";
      case ATLAS_ORG -> "Atlas organization";
      case ATLAS_DATABASE -> "Atlas project";
    };
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
