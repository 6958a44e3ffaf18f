package dev.rollcall.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.jobs.config.ConfigLoader;
import dev.rollcall.jobs.spark.SharedSpark;
import dev.rollcall.jobs.spark.SparkStart;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.FailOn;
import dev.rollcall.model.Finding;
import dev.rollcall.model.FindingStatus;
import dev.rollcall.model.PolicyClause;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.TrackedFinding;
import dev.rollcall.reports.ReportWriter;
import dev.rollcall.reports.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html of two demo nights, opened in headless Chromium: the DOM after the page's script ran
 * holds the sources, the counts and every finding; a filter in the URL fragment really hides the
 * other findings; and a screenshot is left in target/screenshots/ for a person to look at.
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlReportBrowserTest {
  private static final Path DEMO = Path.of("..", "examples", "demo");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Pattern ROW = Pattern.compile("<details class=\"finding\"([^>]*)>");
  private static final Pattern ATTRIBUTE = Pattern.compile("\\s([a-z-]+)(?:=\"([^\"]*)\")?");

  private HeadlessChromium chromium;
  private Path out;
  private Path firstNight;
  private RunOutcome first;
  private RunOutcome second;

  @BeforeAll
  void twoNights(SparkSession spark, @TempDir Path dir) throws IOException {
    chromium = HeadlessChromium.require(Files.createDirectories(dir.resolve("chromium")));
    out = dir.resolve("out");
    ConfigLoader.Loaded config = ConfigLoader.load(DEMO.resolve("rollcall.yaml"));
    NightlyRun job = new NightlyRun(SparkStart.of(spark), "test");
    first = job.run(options(config, "2026-11-20T07:00:00Z"));
    firstNight = Files.copy(out.resolve("report.html"), dir.resolve("first-night.html"));
    second = job.run(options(config, "2026-11-21T07:00:00Z"));
  }

  private RunOptions options(ConfigLoader.Loaded config, String night) {
    return new RunOptions(
        config, Severity.HIGH, out, Clock.fixed(Instant.parse(night), ZoneOffset.UTC), Map.of());
  }

  @Test
  void theReportIsWrittenOwnerOnlyNextToTheOthers() throws IOException {
    Path report = out.resolve("report.html");
    assertTrue(second.reports().contains(report), second.reports().toString());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(report)));
  }

  @Test
  void theFirstNightListsEveryFindingAsNew() throws Exception {
    String dom = chromium.dumpDom(firstNight.toUri().toString());

    int total = first.findings().size();
    assertEquals(88, total, "the demo organisation's findings");
    assertEquals(total, rows(section(dom, "new")).size());
    assertEquals(0, rows(section(dom, "open")).size());
    assertTrue(dom.contains(">" + total + " open findings<"), "total");
    assertTrue(dom.contains(">" + total + " new<"), "new");
    // The controls as Chromium shows them: one row per clause the demo's findings cite, and the
    // clause no switched-on rule checks.
    String controls = section(dom, "controls");
    java.util.Set<String> cited = new java.util.HashSet<>();
    first
        .findings()
        .forEach(f -> f.clauses().forEach(c -> cited.add(c.reference() + "|" + c.text())));
    Matcher row =
        Pattern.compile(
                "<tr class=\"control [^\"]*\" data-status=\"([^\"]*)\" data-breaking=\"(\\d+)\"")
            .matcher(controls);
    int rows = 0;
    int failing = 0;
    int notChecked = 0;
    int unverified = 0;
    while (row.find()) {
      rows++;
      failing += row.group(1).equals("fail") ? 1 : 0;
      notChecked += row.group(1).equals("not checked") ? 1 : 0;
      unverified += row.group(1).equals("unverified") ? 1 : 0;
      assertEquals(row.group(1).equals("fail"), Integer.parseInt(row.group(2)) > 0, row.group());
    }
    assertEquals(cited.size(), failing, "every clause a finding cites fails:\n" + controls);
    assertEquals(0, unverified, "the demo's sources are complete: nothing unverified");
    assertTrue(rows >= failing + notChecked, controls);
    assertTrue(notChecked >= 1, "a clause only a switched-off rule checks");
  }

  @Test
  void theSecondNightShowsSourcesCountsAndTheTrend() throws Exception {
    String dom = chromium.dumpDom(out.resolve("report.html").toUri().toString());

    String sources = section(dom, "sources");
    for (SourcePull pull : second.sources()) {
      assertTrue(
          sources.contains("data-source=\"" + pull.source() + "\" data-status=\"complete\""),
          pull.source() + " in\n" + sources);
    }
    List<Map<String, String>> open = rows(section(dom, "open"));
    assertEquals(second.findings().size(), open.size());
    assertEquals(0, rows(section(dom, "new")).size(), "nothing new on the second night");
    String summary = section(dom, "summary");
    for (Severity s : Severity.values()) {
      String name = s.name().toLowerCase(Locale.ROOT);
      long expected = second.findings().stream().filter(f -> f.severity() == s).count();
      assertTrue(
          summary.contains(
              "<tr data-severity=\""
                  + name
                  + "\"><td><span class=\"sev sev-"
                  + name
                  + "\">"
                  + name
                  + "</span></td><td class=\"num open\">"
                  + expected
                  + "</td>"),
          name + ": " + expected + " in\n" + summary);
      assertEquals(
          expected, open.stream().filter(r -> name.equals(r.get("data-severity"))).count(), name);
    }
    assertTrue(summary.contains("<figure id=\"trend\" data-points=\"2\">"), summary);
    // New against resolved, night by night, from the store's runs and tonight's.
    Matcher flow =
        Pattern.compile("<tr data-run=\"([^\"]+)\" data-new=\"(\\d+)\" data-resolved=\"(\\d+)\">")
            .matcher(summary);
    List<String> nights = new ArrayList<>();
    while (flow.find()) {
      nights.add(flow.group(1) + " " + flow.group(2) + " " + flow.group(3));
    }
    assertEquals(
        List.of(
            first.runId()
                + " "
                + (first.count(FindingStatus.NEW) + first.count(FindingStatus.REOPENED))
                + " "
                + first.count(FindingStatus.RESOLVED),
            second.runId()
                + " "
                + (second.count(FindingStatus.NEW) + second.count(FindingStatus.REOPENED))
                + " "
                + second.count(FindingStatus.RESOLVED)),
        nights);
    assertTrue(summary.contains("<polyline"), summary);
    assertTrue(open.stream().noneMatch(r -> r.containsKey("hidden")), "no filter, nothing hidden");
  }

  @Test
  void aFilterInTheFragmentHidesTheOtherFindings() throws Exception {
    String critical = chromium.dumpDom(out.resolve("report.html").toUri() + "#severity=critical");
    assertVisible(critical, f -> f.severity() == Severity.CRITICAL);
    assertTrue(critical.contains("data-filter=\"severity=critical\""), "the filter was read");

    String awsHigh =
        chromium.dumpDom(out.resolve("report.html").toUri() + "#severity=high&system=aws");
    assertVisible(
        awsHigh,
        f -> f.severity() == Severity.HIGH && f.account().system().name().startsWith("AWS_"));

    String unowned = chromium.dumpDom(out.resolve("report.html").toUri() + "#person=unowned");
    assertVisible(unowned, f -> f.personIds().isEmpty());
  }

  @Test
  void theSearchBoxFindsAccountsPeopleRulesAndEvidence() throws Exception {
    for (String q : List.of("poweruseraccess", "sysadmin1", "isenrolledin2sv=false")) {
      String dom =
          chromium.dumpDom(firstNight.toUri() + "#q=" + java.net.URLEncoder.encode(q, "UTF-8"));
      java.util.Set<String> shown = new java.util.TreeSet<>();
      for (Map<String, String> r : rows(dom)) {
        if (!r.containsKey("hidden")) {
          shown.add(r.get("data-fingerprint"));
        }
      }
      java.util.Set<String> expected = new java.util.TreeSet<>();
      for (Finding f : first.findings()) {
        StringBuilder text =
            new StringBuilder(f.accountName())
                .append(' ')
                .append(String.join(" ", f.personIds()))
                .append(' ')
                .append(f.ruleId())
                .append(' ')
                .append(f.title())
                .append(' ')
                .append(f.summary())
                .append(' ')
                .append(f.remediation());
        f.evidence()
            .forEach(e -> text.append(' ').append(e.label()).append(": ").append(e.value()));
        f.clauses()
            .forEach(c -> text.append(' ').append(c.reference()).append(' ').append(c.text()));
        if (text.toString().toLowerCase(Locale.ROOT).contains(q)) {
          expected.add(f.fingerprint());
        }
      }
      assertTrue(!expected.isEmpty(), q);
      assertEquals(expected, shown, "#q=" + q);
      assertTrue(dom.contains("data-filter=\"q=" + java.net.URLEncoder.encode(q, "UTF-8")), q);
    }
  }

  @Test
  void aLinkOpensItsFindingAndTheOldestAreListed() throws Exception {
    Finding wanted = first.findings().get(first.findings().size() / 2);
    String dom = chromium.dumpDom(firstNight.toUri() + "#finding=" + wanted.fingerprint());
    Matcher row =
        Pattern.compile(
                "<details class=\"finding target\"[^>]*data-fingerprint=\"([0-9a-f]+)\"[^>]*>")
            .matcher(dom);
    assertTrue(row.find(), "the linked finding is marked");
    assertEquals(wanted.fingerprint(), row.group(1));
    assertTrue(row.group().contains(" open=\"\""), "and opened: " + row.group());
    assertTrue(dom.contains("data-target=\"" + wanted.fingerprint() + "\""), "target");
    assertTrue(dom.contains("href=\"#finding=" + wanted.fingerprint() + "\""), "its own link");

    String summary = section(dom, "summary");
    Map<String, Long> bySystem =
        first.findings().stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    f -> f.account().system().name().toLowerCase(Locale.ROOT),
                    java.util.stream.Collectors.counting()));
    for (Map.Entry<String, Long> e : bySystem.entrySet()) {
      assertTrue(
          summary.contains(
              "<tr data-key=\"" + e.getKey() + "\" data-count=\"" + e.getValue() + "\">"),
          e + " in\n" + summary);
    }
    Matcher oldest =
        Pattern.compile("<li data-fingerprint=\"[0-9a-f]+\" data-days-open=\"(\\d+)\"")
            .matcher(summary);
    int listed = 0;
    while (oldest.find()) {
      listed++;
    }
    assertEquals(Math.min(10, first.findings().size()), listed);
  }

  @Test
  void atPhoneWidthNothingRunsOffTheScreen() throws Exception {
    for (String page :
        List.of(firstNight.toUri().toString(), out.resolve("report.html").toUri().toString())) {
      String dom = chromium.dumpDom(page, 420, 900);
      assertTrue(dom.contains("data-overflow=\"no\""), "wider than 420 px: " + page);
    }
    Path png = SCREENSHOTS.resolve("report-420px.png");
    Files.deleteIfExists(png);
    chromium.screenshot(out.resolve("report.html").toUri().toString(), png, 420, 2400);
    assertTrue(Files.size(png) > 10_000, "a real picture");
  }

  @Test
  void printingKeepsEveryFindingsEvidenceClausesAndFix(@TempDir Path dir) throws Exception {
    Path pdf = SCREENSHOTS.resolve("report.pdf");
    Files.deleteIfExists(pdf);
    chromium.printToPdf(firstNight.toUri().toString(), pdf);
    String text;
    try (org.apache.pdfbox.pdmodel.PDDocument document =
        org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
      text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
    }
    String flat = text.replaceAll("\\s+", " ");
    // Every finding's details are closed on screen; on paper each one's evidence, first clause
    // and first line of its fix are there.
    for (Finding f : first.findings()) {
      assertTrue(flat.contains(f.fingerprint()), "fingerprint of " + f.accountName());
    }
    int checked = 0;
    for (Finding f : first.findings()) {
      if (f.evidence().isEmpty() || f.clauses().isEmpty()) {
        continue;
      }
      String value = f.evidence().get(0).value().replaceAll("\\s+", " ");
      String clause = f.clauses().get(0).reference();
      String fix = f.remediation().lines().findFirst().orElse("").strip().replaceAll("\\s+", " ");
      for (String expected : List.of(value, clause, fix)) {
        String probe = expected.length() > 24 ? expected.substring(0, 24) : expected;
        assertTrue(flat.contains(probe), "'" + probe + "' of " + f.accountName() + " on paper");
      }
      if (++checked == 12) {
        break;
      }
    }
    assertEquals(12, checked);
    assertTrue(!flat.contains("expand all"), "no buttons on paper");
  }

  @Test
  void thePeopleSectionHoldsLeaversFirstWithEveryAccountAndTheUnownedApart() throws Exception {
    String people =
        section(chromium.dumpDom(out.resolve("report.html").toUri().toString()), "people");
    Map<String, List<String>> accountsOf = new java.util.TreeMap<>();
    Map<String, String> statusOf = new java.util.TreeMap<>();
    Map<String, Integer> findingsOf = new java.util.TreeMap<>();
    List<String> unowned = new ArrayList<>();
    try (org.apache.commons.csv.CSVParser csv =
        org.apache.commons.csv.CSVParser.parse(
            out.resolve("inventory.csv"),
            java.nio.charset.StandardCharsets.UTF_8,
            org.apache.commons.csv.CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get())) {
      for (org.apache.commons.csv.CSVRecord r : csv) {
        if (r.get("account_id").isEmpty()) {
          continue;
        }
        if (r.get("person_id").isEmpty()) {
          unowned.add(r.get("account_id"));
          continue;
        }
        accountsOf
            .computeIfAbsent(r.get("person_id"), k -> new ArrayList<>())
            .add(r.get("account_id"));
        statusOf.put(r.get("person_id"), r.get("person_status"));
        findingsOf.merge(
            r.get("person_id"), Integer.parseInt(r.get("open_findings")), Integer::sum);
      }
    }
    Matcher card =
        Pattern.compile(
                "<details class=\"person\" id=\"person-[^\"]*\" data-person=\"([^\"]*)\""
                    + " data-status=\"([a-z]*)\"[^>]*>(.*?)</details>",
                Pattern.DOTALL)
            .matcher(people);
    Pattern account = Pattern.compile("<tr data-account=\"([^\"]*)\">");
    List<String> order = new ArrayList<>();
    boolean activeSeen = false;
    while (card.find()) {
      String id = card.group(1);
      order.add(id);
      assertEquals(statusOf.get(id), card.group(2), id);
      assertTrue(!(activeSeen && card.group(2).equals("left")), "a leaver after the others: " + id);
      activeSeen |= card.group(2).equals("active");
      List<String> listed = new ArrayList<>();
      Matcher a = account.matcher(card.group(3));
      while (a.find()) {
        listed.add(a.group(1));
      }
      assertEquals(
          new java.util.TreeSet<>(accountsOf.get(id)), new java.util.TreeSet<>(listed), id);
    }
    java.util.Set<String> expected = new java.util.TreeSet<>();
    accountsOf.keySet().stream()
        .filter(id -> statusOf.get(id).equals("left") || findingsOf.get(id) > 0)
        .forEach(expected::add);
    assertEquals(expected, new java.util.TreeSet<>(order), "leavers and people with findings");
    assertTrue(order.size() == expected.size(), "each person once");
    assertTrue(
        statusOf.containsValue("left")
            && order.contains(
                statusOf.entrySet().stream()
                    .filter(e -> e.getValue().equals("left"))
                    .findFirst()
                    .get()
                    .getKey()));
    String unownedPart = people.substring(people.indexOf("id=\"unowned-title\""));
    List<String> unownedListed = new ArrayList<>();
    Matcher u = account.matcher(unownedPart);
    while (u.find()) {
      unownedListed.add(u.group(1));
    }
    assertEquals(new java.util.TreeSet<>(unowned), new java.util.TreeSet<>(unownedListed));
    assertTrue(!unowned.isEmpty(), "the demo has unowned accounts");
  }

  @Test
  void aScreenshotOfThePage() throws Exception {
    Path png = SCREENSHOTS.resolve("report.png");
    Files.deleteIfExists(png);

    chromium.screenshot(out.resolve("report.html").toUri().toString(), png, 1400, 3000);

    byte[] bytes = Files.readAllBytes(png);
    assertTrue(bytes.length > 10_000, "a real picture, not an empty one: " + bytes.length);
    assertEquals(0x89, bytes[0] & 0xff, "a PNG");
    assertEquals("PNG", new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Test
  void aHostileAccountNameStaysTextAndABadFragmentBreaksNothing(@TempDir Path dir)
      throws Exception {
    String hostile = "<script>alert(1)</script><img src=x onerror=\"document.title='pwned'\">";
    AccountKey key = new AccountKey(SourceSystem.AWS_IAM, "111122223333", "AIDAHOSTILE");
    Finding finding =
        new Finding(
            Finding.fingerprintOf("unowned-account", key),
            "unowned-account",
            "Unowned account",
            Severity.HIGH,
            key,
            hostile,
            List.of(),
            "Nobody owns " + hostile + ".",
            List.of(new Evidence("name", hostile)),
            List.of(new PolicyClause("§1 <b>", "no <i>owner</i>")),
            "aws iam delete-user --user-name '" + hostile + "'");
    Instant at = Instant.parse("2026-11-20T07:00:00Z");
    RunReport report =
        new RunReport(
            "r-hostile",
            at,
            at,
            "test",
            "default",
            "Evil <Corp>",
            List.of(
                new SourcePull(
                    "aws/111122223333",
                    SourceSystem.AWS_IAM,
                    "111122223333",
                    PullStatus.FAILED,
                    1,
                    List.of("HTTP 500 <html>" + hostile),
                    at)),
            List.of(
                new TrackedFinding(finding, FindingStatus.NEW, at, at, null, "aws/111122223333")),
            1,
            0,
            FailOn.HIGH,
            List.of(),
            List.of());
    ReportWriter.write(report, dir);

    String dom = chromium.dumpDom(dir.resolve("report.html").toUri() + "#rule=%E0%A4%A&person=%");

    assertTrue(dom.contains("<title>rollcall: Evil &lt;Corp&gt;,"), "the title is the page's own");
    assertEquals(1, dom.split("<script", -1).length - 1, "the page's own script only");
    assertTrue(!dom.contains("<img"), "no element came from a name");
    assertTrue(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x"), "shown as text");
    assertTrue(dom.contains("data-filter=\""), "the script ran despite the malformed fragment");
  }

  /** Exactly the findings {@code wanted} picks are visible; every other one is hidden. */
  private void assertVisible(String dom, Predicate<Finding> wanted) {
    List<Map<String, String>> rows = rows(section(dom, "open"));
    long expected = second.findings().stream().filter(wanted).count();
    assertTrue(expected > 0, "a filter that shows nothing proves little");
    List<Map<String, String>> visible =
        rows.stream().filter(r -> !r.containsKey("hidden")).toList();
    assertEquals(expected, visible.size(), "visible rows");
    assertEquals(second.findings().size() - expected, rows.size() - visible.size(), "hidden rows");
    List<String> wantedFingerprints =
        second.findings().stream().filter(wanted).map(Finding::fingerprint).sorted().toList();
    assertEquals(
        wantedFingerprints,
        visible.stream().map(r -> r.get("id").substring("open-".length())).sorted().toList());
    assertTrue(
        dom.contains(">Showing " + expected + " of " + second.findings().size() + " findings"),
        "the page says how many it shows");
  }

  private static String section(String dom, String id) {
    int start = dom.indexOf("<section id=\"" + id + "\"");
    assertTrue(start >= 0, "no section " + id);
    return dom.substring(start, dom.indexOf("</section>", start));
  }

  /** The attributes of every finding row, in page order. */
  private static List<Map<String, String>> rows(String html) {
    List<Map<String, String>> rows = new ArrayList<>();
    Matcher m = ROW.matcher(html);
    while (m.find()) {
      Map<String, String> attributes = new java.util.HashMap<>();
      Matcher a = ATTRIBUTE.matcher(m.group(1));
      while (a.find()) {
        attributes.put(a.group(1), a.group(2) == null ? "" : a.group(2));
      }
      rows.add(attributes);
    }
    return rows;
  }
}
