package dev.rollcall.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.jobs.config.ConfigLoader;
import dev.rollcall.jobs.lifecycle.FindingState;
import dev.rollcall.jobs.run.ExitCode;
import dev.rollcall.jobs.run.RunOutcome;
import dev.rollcall.jobs.store.StateStore;
import dev.rollcall.model.FailOn;
import dev.rollcall.model.FindingStatus;
import dev.rollcall.model.PolicyClause;
import dev.rollcall.model.TrackedFinding;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Holds every output of a night (findings.json, findings.csv, summary.md, summary-short.md,
 * report.html, findings.ocsf.jsonl, compliance.csv, the console) to the state store, finding by
 * finding: a finding the store holds and an output drops is a lost finding.
 */
final class OutputsAgainstTheStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where a finding stands after a night, as the store and every output must agree. */
  enum Standing {
    OPEN,
    NOT_RECHECKED,
    SUPPRESSED,
    RESOLVED
  }

  private OutputsAgainstTheStore() {}

  /**
   * Reads the store after a night and holds every output of that night to it, finding by finding;
   * returns what the store says of each finding the night touched.
   */
  static Map<String, Standing> heldToTheStore(Path dir, RunOutcome outcome, String at)
      throws IOException {
    Instant tonight = Instant.parse(at);
    Map<String, Standing> store = new TreeMap<>();
    Map<String, FindingState> states;
    try (StateStore s =
        StateStore.open(
            ConfigLoader.load(dir.resolve("rollcall.yaml")).config().store(),
            dir.resolve("out"),
            Map.of())) {
      states = s.findingStates();
    }
    for (FindingState st : states.values()) {
      if (!st.lastRunId().equals(outcome.runId())) {
        continue;
      }
      Standing standing =
          switch (st.stored()) {
            case SUPPRESSED -> Standing.SUPPRESSED;
            case RESOLVED -> Standing.RESOLVED;
            case OPEN -> st.lastSeen().equals(tonight) ? Standing.OPEN : Standing.NOT_RECHECKED;
          };
      store.put(st.fingerprint(), standing);
    }
    long open = count(store, Standing.OPEN) + count(store, Standing.NOT_RECHECKED);
    Path out = dir.resolve("out");

    // findings.json
    JsonNode json = JSON.readTree(out.resolve("findings.json").toFile());
    Map<String, Standing> fromJson = new TreeMap<>();
    for (JsonNode f : json.get("findings")) {
      fromJson.put(
          f.get("fingerprint").asText(),
          standing(f.get("status").asText(), !f.get("exception").isNull()));
      assertTrue(f.get("daysOpen").asLong() >= 0);
      assertFalse(f.get("firstSeen").asText().isEmpty());
    }
    assertEquals(store, fromJson, "findings.json");
    assertEquals(open, json.at("/counts/total").asLong(), "findings.json total");
    assertEquals(
        count(store, Standing.NOT_RECHECKED), json.at("/counts/notRechecked").asLong(), "json");
    assertEquals(count(store, Standing.RESOLVED), json.at("/counts/resolved").asLong(), "json");
    assertEquals(count(store, Standing.SUPPRESSED), json.at("/counts/suppressed").asLong());

    // findings.csv
    Map<String, Standing> fromCsv = new TreeMap<>();
    try (CSVParser csv =
        CSVParser.parse(
            new StringReader(Files.readString(out.resolve("findings.csv"))),
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      for (CSVRecord r : csv) {
        fromCsv.put(r.get("fingerprint"), standing(r.get("status"), !r.get("exception").isEmpty()));
        assertFalse(r.get("first_seen").isEmpty());
        assertTrue(Long.parseLong(r.get("days_open")) >= 0);
      }
    }
    assertEquals(store, fromCsv, "findings.csv");

    // summary.md: open findings in their sections, then the resolved and suppressed lists.
    String md = Files.readString(out.resolve("summary.md"));
    Map<String, Standing> fromMd = new TreeMap<>();
    for (String block : md.split("\n### ")) {
      Matcher fp = Pattern.compile("- \\*\\*Fingerprint\\*\\*: ([0-9a-f]+)").matcher(block);
      if (fp.find()) {
        fromMd.put(
            fp.group(1),
            block.contains("- **Status**: not re-checked")
                ? Standing.NOT_RECHECKED
                : Standing.OPEN);
      }
    }
    listed(md, "## Resolved tonight", Standing.RESOLVED, fromMd);
    listed(md, "## Suppressed", Standing.SUPPRESSED, fromMd);
    assertEquals(store, fromMd, "summary.md");
    assertTrue(
        md.contains("| **total** | " + open + " | "), "summary.md total " + open + "\n" + md);

    // report.html: each section's rows.
    String html = Files.readString(out.resolve("report.html"));
    Map<String, Standing> fromHtml = new TreeMap<>();
    rows(html, "new", Standing.OPEN, fromHtml);
    rows(html, "open", Standing.OPEN, fromHtml);
    rows(html, "not-rechecked", Standing.NOT_RECHECKED, fromHtml);
    rows(html, "suppressed", Standing.SUPPRESSED, fromHtml);
    rows(html, "resolved", Standing.RESOLVED, fromHtml);
    assertEquals(store, fromHtml, "report.html");
    assertTrue(html.contains("id=\"total-open\" data-count=\"" + open + "\""), "report.html total");

    // findings.ocsf.jsonl: one event per finding of the night.
    Map<String, Standing> fromOcsf = new TreeMap<>();
    for (String line : Files.readAllLines(out.resolve("findings.ocsf.jsonl"))) {
      JsonNode e = JSON.readTree(line);
      Standing standing =
          switch (e.get("status_id").asInt()) {
            case 3 -> Standing.SUPPRESSED;
            case 4 -> Standing.RESOLVED;
            default -> e.has("status_detail") ? Standing.NOT_RECHECKED : Standing.OPEN;
          };
      Standing before = fromOcsf.put(e.at("/finding_info/uid").asText(), standing);
      assertEquals(null, before, "one event each: " + line);
    }
    assertEquals(store, fromOcsf, "findings.ocsf.jsonl");

    // summary-short.md and the console: the same total.
    String shortSummary = Files.readString(out.resolve("summary-short.md"));
    assertTrue(shortSummary.contains("Findings: " + open + " open ("), shortSummary);
    String console = ConsoleSummary.render(outcome, FailOn.HIGH);
    assertTrue(console.contains("findings: " + open + " ("), console);
    assertTrue(
        console.contains(
            "tonight: "
                + open
                + " open ("
                + outcome.count(FindingStatus.NEW)
                + " new, "
                + outcome.count(FindingStatus.REOPENED)
                + " reopened, "
                + count(store, Standing.NOT_RECHECKED)
                + " not re-checked); "
                + count(store, Standing.SUPPRESSED)
                + " suppressed; "
                + count(store, Standing.RESOLVED)
                + " resolved tonight"),
        console);
    // The outcome the command line prints from is the store's too.
    assertEquals(
        store,
        outcome.tracked().stream()
            .collect(
                Collectors.toMap(
                    TrackedFinding::fingerprint,
                    t -> standing(t.status().name(), t.exception() != null),
                    (a, b) -> a,
                    TreeMap::new)));
    // compliance.csv: per clause, the store's open findings that cite it break it, its
    // suppressed ones are accepted; every clause a finding of the night cites is a control.
    Map<String, long[]> byClause = new TreeMap<>();
    for (FindingState st : states.values()) {
      if (!st.lastRunId().equals(outcome.runId()) || !st.stored().open()) {
        continue;
      }
      for (PolicyClause c : st.finding().clauses()) {
        long[] counts = byClause.computeIfAbsent(c.reference() + ": " + c.text(), k -> new long[2]);
        counts[st.stored() == FindingState.Stored.SUPPRESSED ? 1 : 0]++;
      }
    }
    Map<String, long[]> fromCompliance = new TreeMap<>();
    try (CSVParser csv =
        CSVParser.parse(
            new StringReader(Files.readString(out.resolve("compliance.csv"))),
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      for (CSVRecord r : csv) {
        long breaking = Long.parseLong(r.get("breaking_findings"));
        long accepted = Long.parseLong(r.get("accepted_findings"));
        String status = r.get("status");
        assertEquals(breaking > 0, status.equals("fail"), r.toString());
        if (outcome.exitCode() == ExitCode.SOURCE_FAILED) {
          assertFalse(status.equals("pass"), "nothing passes unless every source was read: " + r);
        }
        if (breaking + accepted > 0) {
          fromCompliance.put(
              r.get("reference") + ": " + r.get("clause"), new long[] {breaking, accepted});
        }
        assertTrue(
            md.contains(
                "| "
                    + status.replace("fail", "**fail**")
                    + " | "
                    + breaking
                    + " | "
                    + accepted
                    + " |"),
            r.toString());
      }
    }
    assertEquals(
        byClause.entrySet().stream()
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey, e -> List.of(e.getValue()[0], e.getValue()[1]))),
        fromCompliance.entrySet().stream()
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey, e -> List.of(e.getValue()[0], e.getValue()[1]))),
        "compliance.csv");

    // Days open: a finding first seen on the first night is a day older each night.
    for (JsonNode f : json.get("findings")) {
      Instant firstSeen = Instant.parse(f.get("firstSeen").asText());
      assertEquals(
          ChronoUnit.DAYS.between(
              LocalDate.ofInstant(firstSeen, ZoneOffset.UTC),
              LocalDate.ofInstant(
                  Instant.parse(json.at("/run/startedAt").asText()), ZoneOffset.UTC)),
          f.get("daysOpen").asLong());
    }
    return store;
  }

  private static Standing standing(String status, boolean covered) {
    if (covered) {
      return Standing.SUPPRESSED;
    }
    return switch (status.toLowerCase(java.util.Locale.ROOT)) {
      case "new", "reopened", "still_open" -> Standing.OPEN;
      case "not_rechecked" -> Standing.NOT_RECHECKED;
      case "resolved" -> Standing.RESOLVED;
      default -> throw new AssertionError("unexpected status " + status);
    };
  }

  private static void listed(String md, String heading, Standing s, Map<String, Standing> into) {
    int at = md.indexOf(heading);
    if (at < 0) {
      return;
    }
    int end = md.indexOf("\n## ", at + heading.length());
    Matcher fp =
        Pattern.compile("fingerprint ([0-9a-f]+)")
            .matcher(md.substring(at, end < 0 ? md.length() : end));
    while (fp.find()) {
      into.put(fp.group(1), s);
    }
  }

  private static void rows(String html, String section, Standing s, Map<String, Standing> into) {
    Matcher m = Pattern.compile("id=\"" + section + "-([0-9a-f]+)\"").matcher(html);
    while (m.find()) {
      Standing before = into.put(m.group(1), s);
      assertEquals(null, before, "listed twice: " + m.group(1));
    }
  }

  static long count(Map<String, Standing> map, Standing s) {
    return map.values().stream().filter(v -> v == s).count();
  }
}
