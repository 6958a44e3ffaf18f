package dev.rollcall.reports;

import dev.rollcall.model.Finding;
import dev.rollcall.model.FindingStatus;
import dev.rollcall.model.Severity;
import dev.rollcall.model.TrackedFinding;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one set of counts of a night that every output prints: the findings that stand open (new,
 * reopened, still open, and not re-checked ones no exception covers) by severity (every severity,
 * most severe first, zeros included) and by rule, each with how many are new; and how many findings
 * have each status.
 *
 * @param bySeverity open findings by severity
 * @param byRule open findings by rule id (only the rules that have some)
 * @param total every open finding, and how many are new
 * @param byStatus how many tracked findings have each status (every status, zeros included)
 */
public record Counts(
    Map<Severity, Tally> bySeverity,
    Map<String, Tally> byRule,
    Tally total,
    Map<FindingStatus, Integer> byStatus) {

  /** How many findings, and how many of them are new (first seen, or back after resolved). */
  public record Tally(int findings, int fresh) {
    static final Tally NONE = new Tally(0, 0);

    Tally plus(boolean isNew) {
      return new Tally(findings + 1, fresh + (isNew ? 1 : 0));
    }
  }

  /** The counts of a report. */
  public static Counts of(RunReport report) {
    return of(report.findings());
  }

  /** The counts of a night's tracked findings. */
  public static Counts of(List<TrackedFinding> tracked) {
    Map<Severity, Tally> bySeverity = new EnumMap<>(Severity.class);
    Map<String, Tally> byRule = new TreeMap<>();
    Map<FindingStatus, Integer> byStatus = new EnumMap<>(FindingStatus.class);
    for (FindingStatus s : FindingStatus.values()) {
      byStatus.put(s, 0);
    }
    Tally total = Tally.NONE;
    for (TrackedFinding t : tracked) {
      byStatus.merge(t.status(), 1, Integer::sum);
      if (!t.isOpen()) {
        continue;
      }
      Finding f = t.finding();
      boolean isNew = t.status().fresh();
      bySeverity.merge(f.severity(), Tally.NONE.plus(isNew), (a, b) -> a.plus(isNew));
      byRule.merge(f.ruleId(), Tally.NONE.plus(isNew), (a, b) -> a.plus(isNew));
      total = total.plus(isNew);
    }
    Map<Severity, Tally> mostSevereFirst = new TreeMap<>(Comparator.reverseOrder());
    for (Severity s : Severity.values()) {
      mostSevereFirst.put(s, bySeverity.getOrDefault(s, Tally.NONE));
    }
    return new Counts(
        Collections.unmodifiableMap(mostSevereFirst),
        Collections.unmodifiableMap(byRule),
        total,
        Collections.unmodifiableMap(byStatus));
  }

  /** How many tracked findings have this status. */
  public int of(FindingStatus status) {
    return byStatus.get(status);
  }

  /**
   * The night in one line, the same words in every output: "80 open (3 new, 1 reopened, 18 not
   * re-checked); 2 suppressed; 4 resolved tonight".
   */
  public String line() {
    StringBuilder b = new StringBuilder();
    b.append(total.findings()).append(" open (").append(of(FindingStatus.NEW)).append(" new");
    b.append(", ").append(of(FindingStatus.REOPENED)).append(" reopened");
    b.append(", ").append(openNotRechecked()).append(" not re-checked)");
    b.append("; ").append(of(FindingStatus.SUPPRESSED)).append(" suppressed");
    b.append("; ").append(of(FindingStatus.RESOLVED)).append(" resolved tonight");
    return b.toString();
  }

  /**
   * Open findings that tonight could not re-check (a not re-checked one an exception covers is not
   * open).
   */
  public int openNotRechecked() {
    return total.findings()
        - of(FindingStatus.NEW)
        - of(FindingStatus.REOPENED)
        - of(FindingStatus.STILL_OPEN);
  }
}
