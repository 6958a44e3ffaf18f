package dev.rollcall.reports;

import dev.rollcall.model.Finding;
import dev.rollcall.model.Severity;
import dev.rollcall.model.TrackedFinding;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finding counts of a run: by severity (every severity, most severe first, zeros included) and by
 * rule (the rules that found something, by id), each with how many findings are new.
 */
record Counts(Map<Severity, Tally> bySeverity, Map<String, Tally> byRule, Tally total) {

  /** How many findings, and how many of them were first seen in this run. */
  record Tally(int findings, int fresh) {
    static final Tally NONE = new Tally(0, 0);

    Tally plus(boolean isNew) {
      return new Tally(findings + 1, fresh + (isNew ? 1 : 0));
    }
  }

  static Counts of(RunReport report) {
    Map<Severity, Tally> bySeverity = new EnumMap<>(Severity.class);
    Map<String, Tally> byRule = new TreeMap<>();
    Tally total = Tally.NONE;
    for (TrackedFinding t : report.open()) {
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
        Collections.unmodifiableMap(mostSevereFirst), Collections.unmodifiableMap(byRule), total);
  }
}
