package dev.rollcall.reports;

import dev.rollcall.model.Evidence;
import dev.rollcall.model.Finding;
import dev.rollcall.model.FindingStatus;
import dev.rollcall.model.PolicyClause;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.TrackedFinding;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What report.html shows, as plain text values ready for the template: the template escapes every
 * one of them and decides nothing but layout. The sections come in triage order: new findings, then
 * the other open ones by severity, then what this run resolved, what accepted risks cover, and what
 * could not be re-checked.
 *
 * <p>Public only so that the template engine may read it; made by {@link HtmlReportRenderer}.
 */
public record HtmlPage(
    String organisation,
    String runId,
    String version,
    String profile,
    String startedAt,
    String finishedAt,
    String failOn,
    int accountsAudited,
    int peopleInDirectory,
    List<SourceRow> sources,
    boolean sourcesNotFullyChecked,
    List<SeverityCount> severities,
    int open,
    int fresh,
    int notRechecked,
    String night,
    List<Section> sections,
    List<String> exceptionNotices,
    List<Option> systems,
    List<Option> rules,
    TrendChart trend,
    List<ControlRow> controls,
    List<Bar> bySystem,
    List<Bar> byRule,
    List<Oldest> oldest,
    boolean hasInventory,
    List<PersonCard> people,
    int peopleTotal,
    List<AccountLine> unowned,
    int unownedTotal,
    List<Flow> flow) {

  /**
   * One night of the new-against-resolved chart: bar widths in percent of the busiest night's
   * larger count.
   */
  public record Flow(
      String runId, String night, int fresh, int resolved, int freshPercent, int resolvedPercent) {}

  /**
   * A person in the people section: someone who left, or who holds an account with a finding.
   *
   * @param status active or left
   * @param statusEvidence why the directory (and the HR roster) says so
   * @param findings how many findings their accounts have tonight
   */
  public record PersonCard(
      String id,
      String name,
      String status,
      String statusEvidence,
      String manager,
      int findings,
      List<AccountLine> accounts) {}

  /** One account of a person (or of nobody) as the access inventory lists it. */
  public record AccountLine(
      String accountId,
      String system,
      String tenant,
      String account,
      String status,
      String privilege,
      String mfa,
      String lastUse,
      String ownership,
      List<String> findings) {}

  /** How many of the oldest open findings the page lists. */
  static final int OLDEST = 10;

  /**
   * How many people cards, and how many unowned accounts, the page shows at most: the first ones in
   * their order; inventory.csv has them all (a page of a million accounts' people would not open in
   * a browser).
   */
  static final int PEOPLE_SHOWN = 2_000;

  /**
   * One bar of a chart of open findings: {@code percent} of the widest bar, so the longest is 100.
   */
  public record Bar(String key, String label, int count, int percent) {}

  /** One of the oldest open findings. */
  public record Oldest(
      String fingerprint, String title, String account, long daysOpen, String firstSeen) {}

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** Failed sources first, then partial ones, then complete ones; by name within each. */
  private static final Comparator<SourcePull> LOUDEST_FIRST =
      Comparator.comparing(
              (SourcePull s) ->
                  switch (s.status()) {
                    case FAILED -> 0;
                    case PARTIAL -> 1;
                    case COMPLETE -> 2;
                  })
          .thenComparing(SourcePull::source);

  /** One source and how its pull went. */
  public record SourceRow(
      String source,
      String system,
      String tenant,
      String status,
      int accounts,
      List<String> errors,
      String observedAt) {}

  /** Open and new findings of one severity. */
  public record SeverityCount(String severity, int open, int fresh) {}

  /** A value of a filter and what the reader sees for it. */
  public record Option(String value, String label) {}

  /** One finding's line, with everything its expanded view shows. */
  public record Row(
      String fingerprint,
      String severity,
      int severityRank,
      String system,
      String systemLabel,
      String tenant,
      String rule,
      String title,
      String account,
      String nativeId,
      List<String> people,
      String personKey,
      boolean fresh,
      String summary,
      List<Evidence> evidence,
      List<PolicyClause> clauses,
      String remediation,
      List<String> notes,
      String status,
      String firstSeen,
      String lastSeen,
      long daysOpen) {}

  /** A control of the compliance roll-up (see {@link Compliance}). */
  public record ControlRow(
      String reference,
      String text,
      String status,
      int breaking,
      int accepted,
      List<String> rules,
      List<String> rulesOff) {}

  /** A section of findings; {@code id} names it in the page (and for the tests). */
  public record Section(String id, String title, String intro, String empty, List<Row> rows) {}

  static HtmlPage of(RunReport report) {
    return of(report, null);
  }

  /** The page of a run; {@code inventory}, when given, makes its people section. */
  static HtmlPage of(RunReport report, dev.rollcall.reports.review.AccessInventory inventory) {
    List<PersonCard> people = inventory == null ? List.of() : people(inventory);
    List<AccountLine> unowned =
        inventory == null
            ? List.of()
            : inventory.rows().stream()
                .filter(r -> r.personId().isEmpty() && !r.accountId().isEmpty())
                .map(r -> line(r, inventory))
                .toList();
    Counts counts = Counts.of(report);
    List<SeverityCount> severities = new ArrayList<>();
    counts
        .bySeverity()
        .forEach((s, t) -> severities.add(new SeverityCount(lower(s), t.findings(), t.fresh())));
    List<SourcePull> pulls = report.sources().stream().sorted(LOUDEST_FIRST).toList();
    List<SourceRow> sources =
        pulls.stream()
            .map(
                s ->
                    new SourceRow(
                        s.source(),
                        s.system().label(),
                        s.tenant(),
                        lower(s.status()),
                        s.accounts(),
                        s.errors(),
                        minute(s.observedAt())))
            .toList();

    List<TrackedFinding> open = report.open();
    List<Section> sections =
        List.of(
            new Section(
                "new",
                "New since the last run",
                "Findings first seen in this run, or open again after being resolved.",
                "Nothing new since the last run.",
                open.stream()
                    .filter(t -> t.status().fresh())
                    .map(t -> row(report, t, List.of()))
                    .toList()),
            new Section(
                "open",
                "Open",
                "Findings seen before and seen again, most severe first.",
                "No finding from earlier runs is still open.",
                report.with(FindingStatus.STILL_OPEN).stream()
                    .map(t -> row(report, t, List.of()))
                    .toList()),
            new Section(
                "resolved",
                "Resolved in this run",
                "Open before, not found again on a source that was fully checked.",
                "This run resolved nothing.",
                report.resolved().stream()
                    .map(t -> row(report, t, List.of("Resolved in this run.")))
                    .toList()),
            new Section(
                "suppressed",
                "Suppressed (accepted risk)",
                "Covered by an accepted-risk exception: not counted towards the exit code.",
                "No finding is covered by an exception.",
                report.suppressed().stream()
                    .map(
                        s ->
                            row(
                                report,
                                s,
                                List.of(
                                    "Exception "
                                        + s.exception().id()
                                        + ", owner "
                                        + s.exception().owner()
                                        + ", until "
                                        + s.exception().expires()
                                        + ": "
                                        + s.exception().reason())))
                    .toList()),
            new Section(
                "not-rechecked",
                "Not re-checked",
                "Open before; their source failed or was partial in this run, so they stay open"
                    + " and are neither confirmed nor resolved.",
                "Every earlier finding was re-checked.",
                report.notRechecked().stream()
                    .map(
                        n ->
                            row(
                                report,
                                n,
                                List.of(
                                    "Not re-checked: "
                                        + n.notRecheckedBecause()
                                        + "; last seen "
                                        + minute(n.lastSeen())
                                        + "."
                                        + n.acceptedRisk()
                                            .map(
                                                r ->
                                                    " Suppressed when last seen, by exception "
                                                        + r.id()
                                                        + ".")
                                            .orElse(""))))
                    .toList()));

    Map<String, String> systems = new TreeMap<>();
    Map<String, String> rules = new TreeMap<>();
    for (Section section : sections) {
      for (Row r : section.rows()) {
        systems.put(r.system(), r.systemLabel());
        rules.put(r.rule(), r.rule() + ": " + r.title());
      }
    }
    // A family of systems (aws, atlas) is a filter value too: "system=aws" takes both AWS kinds.
    TreeSet<String> families = new TreeSet<>();
    systems.keySet().forEach(s -> families.add(s.substring(0, s.indexOf('_'))));
    List<Option> systemOptions = new ArrayList<>();
    for (String family : families) {
      systemOptions.add(new Option(family, family + " (every kind)"));
      systems.forEach(
          (value, label) -> {
            if (value.startsWith(family + "_")) {
              systemOptions.add(new Option(value, label));
            }
          });
    }
    return new HtmlPage(
        report.organisation(),
        report.runId(),
        report.version(),
        report.profile(),
        minute(report.startedAt()),
        minute(report.finishedAt()),
        report.failOn().sentence(),
        report.accountsAudited(),
        report.peopleInDirectory(),
        sources,
        pulls.stream().anyMatch(s -> s.status() != PullStatus.COMPLETE),
        severities,
        counts.total().findings(),
        counts.total().fresh(),
        counts.openNotRechecked(),
        counts.line(),
        sections,
        report.exceptionNotices(),
        systemOptions,
        rules.entrySet().stream().map(e -> new Option(e.getKey(), e.getValue())).toList(),
        TrendChart.of(report.trend()),
        Compliance.of(report).stream()
            .map(
                r ->
                    new ControlRow(
                        r.control().clause().reference(),
                        r.control().clause().text(),
                        r.verdict().label(),
                        r.breaking(),
                        r.accepted(),
                        r.control().rules(),
                        r.control().rulesOff()))
            .toList(),
        bars(
            open,
            t -> t.finding().account().system().name().toLowerCase(Locale.ROOT),
            t -> t.finding().account().system().label()),
        bars(open, t -> t.finding().ruleId(), t -> t.finding().ruleId()),
        open.stream()
            .sorted(
                Comparator.comparingLong((TrackedFinding t) -> -t.daysOpen(report.startedAt()))
                    .thenComparing(RunReport.TRACKED_ORDER))
            .limit(OLDEST)
            .map(
                t ->
                    new Oldest(
                        t.finding().fingerprint(),
                        t.finding().title(),
                        t.finding().accountName(),
                        t.daysOpen(report.startedAt()),
                        minute(t.firstSeen())))
            .toList(),
        inventory != null,
        people.stream().limit(PEOPLE_SHOWN).toList(),
        people.size(),
        unowned.stream().limit(PEOPLE_SHOWN).toList(),
        unowned.size(),
        flow(report.trend()));
  }

  /** New against resolved findings per night, the runs of the trend, oldest first. */
  private static List<Flow> flow(List<TrendPoint> trend) {
    int most = 1;
    for (TrendPoint p : trend) {
      most = Math.max(most, Math.max(p.fresh(), p.resolved()));
    }
    List<Flow> nights = new ArrayList<>();
    for (TrendPoint p : trend) {
      nights.add(
          new Flow(
              p.runId(),
              minute(p.startedAt()),
              p.fresh(),
              p.resolved(),
              (int) Math.round(100.0 * p.fresh() / most),
              (int) Math.round(100.0 * p.resolved() / most)));
    }
    return nights;
  }

  /**
   * The people worth a look in the morning: everyone who left and still holds an account, and
   * everyone whose accounts have a finding; leavers first, then most findings, then by id.
   */
  private static List<PersonCard> people(dev.rollcall.reports.review.AccessInventory inventory) {
    Map<String, dev.rollcall.model.Identity> directory = new java.util.HashMap<>();
    inventory.people().forEach(p -> directory.putIfAbsent(p.personId(), p));
    Map<String, List<dev.rollcall.reports.review.InventoryRow>> byPerson = new TreeMap<>();
    for (dev.rollcall.reports.review.InventoryRow r : inventory.rows()) {
      if (!r.personId().isEmpty() && !r.accountId().isEmpty()) {
        byPerson.computeIfAbsent(r.personId(), k -> new ArrayList<>()).add(r);
      }
    }
    List<PersonCard> cards = new ArrayList<>();
    byPerson.forEach(
        (id, rows) -> {
          dev.rollcall.model.Identity person = directory.get(id);
          boolean left = person != null && person.status() == dev.rollcall.model.PersonStatus.LEFT;
          int findings = rows.stream().mapToInt(r -> r.findings().size()).sum();
          if (!left && findings == 0) {
            return;
          }
          cards.add(
              new PersonCard(
                  id,
                  rows.get(0).personName(),
                  left ? "left" : "active",
                  person == null || person.statusEvidence() == null ? "" : person.statusEvidence(),
                  rows.get(0).manager(),
                  findings,
                  rows.stream()
                      .sorted(
                          Comparator.comparing(dev.rollcall.reports.review.InventoryRow::system)
                              .thenComparing(dev.rollcall.reports.review.InventoryRow::tenant)
                              .thenComparing(dev.rollcall.reports.review.InventoryRow::accountName))
                      .map(r -> line(r, inventory))
                      .toList()));
        });
    cards.sort(
        Comparator.comparing((PersonCard c) -> c.status().equals("left") ? 0 : 1)
            .thenComparing(PersonCard::findings, Comparator.reverseOrder())
            .thenComparing(PersonCard::id));
    return cards;
  }

  private static AccountLine line(
      dev.rollcall.reports.review.InventoryRow r,
      dev.rollcall.reports.review.AccessInventory inventory) {
    return new AccountLine(
        r.accountId(),
        r.system(),
        r.tenant(),
        r.accountName(),
        r.status(),
        inventory.privilege().getOrDefault(r.accountId(), "none"),
        r.mfa(),
        r.lastUse(),
        r.ownership(),
        r.findings());
  }

  /** The open findings counted by {@code key}, most first (then by key), as bars. */
  private static List<Bar> bars(
      List<TrackedFinding> open,
      java.util.function.Function<TrackedFinding, String> key,
      java.util.function.Function<TrackedFinding, String> label) {
    Map<String, Integer> counts = new TreeMap<>();
    Map<String, String> labels = new TreeMap<>();
    for (TrackedFinding t : open) {
      counts.merge(key.apply(t), 1, Integer::sum);
      labels.putIfAbsent(key.apply(t), label.apply(t));
    }
    int most = counts.values().stream().mapToInt(Integer::intValue).max().orElse(1);
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .map(
            e ->
                new Bar(
                    e.getKey(),
                    labels.get(e.getKey()),
                    e.getValue(),
                    Math.max(1, (int) Math.round(100.0 * e.getValue() / most))))
        .toList();
  }

  private static Row row(RunReport report, TrackedFinding t, List<String> notes) {
    Finding f = t.finding();
    List<String> people = f.personIds();
    return new Row(
        f.fingerprint(),
        lower(f.severity()),
        f.severity().ordinal(),
        lower(f.account().system()),
        f.account().system().label(),
        f.account().tenant(),
        f.ruleId(),
        f.title(),
        f.accountName(),
        f.account().nativeId(),
        people,
        people.isEmpty() ? "unowned" : String.join(" ", people).toLowerCase(Locale.ROOT),
        t.status().fresh(),
        f.summary(),
        f.evidence(),
        f.clauses(),
        f.remediation(),
        notes,
        t.status().label(),
        minute(t.firstSeen()),
        minute(t.lastSeen()),
        t.daysOpen(report.startedAt()));
  }

  static String minute(Instant instant) {
    return MINUTE.format(instant);
  }

  static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
