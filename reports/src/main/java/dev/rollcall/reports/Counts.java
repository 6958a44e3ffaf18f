package dev.rollcall.reports;

import dev.rollcall.model.Finding;
import dev.rollcall.model.Severity;
import java.util.Map;
import java.util.TreeMap;

/** Finding counts by severity (most severe first) and by rule, with how many are new. */
record Counts(Map<Severity, int[]> bySeverity, Map<String, int[]> byRule) {

  static Counts of(RunReport report) {
    Map<Severity, int[]> bySeverity = new TreeMap<>(java.util.Comparator.reverseOrder());
    Map<String, int[]> byRule = new TreeMap<>();
    for (Finding f : report.findings()) {
      int fresh = report.isNew(f) ? 1 : 0;
      int[] s = bySeverity.computeIfAbsent(f.severity(), k -> new int[2]);
      s[0]++;
      s[1] += fresh;
      int[] r = byRule.computeIfAbsent(f.ruleId(), k -> new int[2]);
      r[0]++;
      r[1] += fresh;
    }
    return new Counts(bySeverity, byRule);
  }
}
