package dev.rollcall.reports;

import dev.rollcall.model.PolicyClause;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.TrackedFinding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The compliance roll-up of a run: for each control of its profile, the findings that break it and
 * whether it passes. What report.html, summary.md and compliance.csv show, computed once here.
 */
public final class Compliance {
  /** Where a control stands after the night. */
  public enum Verdict {
    /** At least one open finding (new, still open, reopened, or kept open unchecked) breaks it. */
    FAIL,
    /** Every source was fully read, a switched-on rule checks it, and no open finding breaks it. */
    PASS,
    /**
     * No open finding breaks it, but a source failed or was partial: what was not read may break
     * it.
     */
    UNVERIFIED,
    /** No switched-on rule checks it: rollcall cannot tell (a manual control). */
    NOT_CHECKED;

    /** The words a reader sees: "fail", "pass", "unverified", "not checked". */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  /**
   * One control's result.
   *
   * @param control the control
   * @param breaking the open findings that cite it (accepted risks excluded)
   * @param accepted the findings an accepted-risk exception covers that cite it
   * @param verdict where it stands
   */
  public record Result(Control control, int breaking, int accepted, Verdict verdict) {}

  private Compliance() {}

  /** Every control of the report's profile, in the profile's order, with its result. */
  public static List<Result> of(RunReport report) {
    boolean everySourceRead =
        report.sources().stream().allMatch(s -> s.status() == PullStatus.COMPLETE);
    Map<PolicyClause, Integer> breakingCounts = citations(report.open());
    Map<PolicyClause, Integer> acceptedCounts = citations(report.suppressed());
    List<Result> results = new ArrayList<>();
    for (Control control : report.controls()) {
      int breaking = breakingCounts.getOrDefault(control.clause(), 0);
      int accepted = acceptedCounts.getOrDefault(control.clause(), 0);
      Verdict verdict;
      if (breaking > 0) {
        verdict = Verdict.FAIL;
      } else if (control.rules().isEmpty()) {
        verdict = Verdict.NOT_CHECKED;
      } else if (!everySourceRead) {
        verdict = Verdict.UNVERIFIED;
      } else {
        verdict = Verdict.PASS;
      }
      results.add(new Result(control, breaking, accepted, verdict));
    }
    return List.copyOf(results);
  }

  /** How many of the findings cite each clause (a finding counts once a clause). */
  private static Map<PolicyClause, Integer> citations(List<TrackedFinding> findings) {
    Map<PolicyClause, Integer> counts = new HashMap<>();
    for (TrackedFinding t : findings) {
      for (PolicyClause clause : new HashSet<>(t.finding().clauses())) {
        counts.merge(clause, 1, Integer::sum);
      }
    }
    return counts;
  }
}
