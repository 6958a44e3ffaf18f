package dev.rollcall.jobs.lifecycle;

import dev.rollcall.jobs.lifecycle.FindingState.Stored;
import dev.rollcall.model.AcceptedRisk;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.Finding;
import dev.rollcall.model.FindingStatus;
import dev.rollcall.model.Severity;
import dev.rollcall.model.TrackedFinding;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The finding lifecycle: from what the store knew before tonight, tonight's findings, which sources
 * were fully checked and the accepted risks, where every finding stands after tonight. A pure
 * function: it reads no store and no clock.
 *
 * <ul>
 *   <li>seen tonight: new (never seen), reopened (resolved before), still open (open or suppressed
 *       before), or suppressed (an exception active today covers it, whatever it was before);
 *   <li>open before and not seen: resolved when its source was fully checked tonight, not
 *       re-checked otherwise (a source that failed or came back partial never resolves a finding);
 *   <li>resolved before and not seen: untouched.
 * </ul>
 */
public final class Lifecycle {
  private Lifecycle() {}

  /**
   * What tonight brings to the lifecycle.
   *
   * @param runId tonight's run
   * @param now when the findings are recorded
   * @param findings every finding tonight's rules made, one per fingerprint
   * @param sourceOfAccount the source (and tenant) of each account and tenant
   * @param completeSources the sources whose read was complete tonight
   * @param exceptions the accepted risks
   * @param ownership whether tonight could judge who owns the accounts
   */
  public record Tonight(
      String runId,
      Instant now,
      List<Finding> findings,
      Map<AccountKey, String> sourceOfAccount,
      Set<String> completeSources,
      ExceptionsFile exceptions,
      OwnershipCheck ownership) {
    /** A night whose directory of people was read in full. */
    public Tonight(
        String runId,
        Instant now,
        List<Finding> findings,
        Map<AccountKey, String> sourceOfAccount,
        Set<String> completeSources,
        ExceptionsFile exceptions) {
      this(
          runId,
          now,
          findings,
          sourceOfAccount,
          completeSources,
          exceptions,
          OwnershipCheck.COMPLETE);
    }

    public Tonight {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(now, "now");
      findings = List.copyOf(findings);
      // A view, not a copy: at a million accounts a copy would cost what the map itself does.
      sourceOfAccount = Collections.unmodifiableMap(sourceOfAccount);
      completeSources = Set.copyOf(completeSources);
      Objects.requireNonNull(exceptions, "exceptions");
      Objects.requireNonNull(ownership, "ownership");
    }
  }

  /**
   * Whether tonight could judge ownership: when the directory of people (a source correlation
   * depends on) failed or came back partial, the findings of the rules that judge ownership can be
   * neither raised nor resolved tonight.
   *
   * @param rules the ids of the rules whose findings depend on ownership
   * @param unknownBecause why ownership is not known tonight; "" when it is
   */
  public record OwnershipCheck(Set<String> rules, String unknownBecause) {
    /** A night whose directory was read in full. */
    public static final OwnershipCheck COMPLETE = new OwnershipCheck(Set.of(), "");

    public OwnershipCheck {
      rules = Set.copyOf(rules);
      Objects.requireNonNull(unknownBecause, "unknownBecause");
    }

    /** Whether tonight cannot judge this rule's findings. */
    public boolean cannotJudge(String ruleId) {
      return !unknownBecause.isEmpty() && rules.contains(ruleId);
    }
  }

  /**
   * Where everything stands after tonight.
   *
   * @param tracked tonight's findings (new, reopened, still open, suppressed) in tonight's order,
   *     then the earlier ones tonight resolved or could not re-check
   * @param changes the states to store: every finding whose state tonight changed
   * @param notices what needs attention in the exceptions file, one sentence each
   */
  public record Night(
      List<TrackedFinding> tracked, List<FindingState> changes, List<String> notices) {
    public Night {
      tracked = List.copyOf(tracked);
      changes = List.copyOf(changes);
      notices = List.copyOf(notices);
    }

    /**
     * How many findings stand open after tonight, by severity (every severity, zeros included;
     * suppressed ones are not open): the trend of report.html. Every finding open before tonight is
     * tracked tonight (seen, resolved or kept), so the tracked findings tell it all.
     */
    public Map<Severity, Integer> openBySeverity() {
      Map<Severity, Integer> open = new EnumMap<>(Severity.class);
      for (Severity s : Severity.values()) {
        open.put(s, 0);
      }
      tracked.stream()
          .filter(TrackedFinding::isOpen)
          .forEach(t -> open.merge(t.finding().severity(), 1, Integer::sum));
      return Collections.unmodifiableMap(open);
    }

    /** The tracked findings with this status, in {@link #tracked()}'s order. */
    public List<TrackedFinding> with(FindingStatus status) {
      return tracked.stream().filter(t -> t.status() == status).toList();
    }
  }

  /**
   * Advances every finding by one night.
   *
   * @param before every finding the store holds, by fingerprint
   */
  public static Night advance(Map<String, FindingState> before, Tonight tonight) {
    Suppression suppression =
        Suppression.apply(
            tonight.findings(),
            tonight.exceptions(),
            LocalDate.ofInstant(tonight.now(), ZoneOffset.UTC));
    Map<String, AcceptedRisk> coveredBy = new HashMap<>();
    for (Suppression.Suppressed s : suppression.suppressed()) {
      RiskException e = s.exception();
      coveredBy.put(
          s.finding().fingerprint(), new AcceptedRisk(e.id(), e.owner(), e.reason(), e.expires()));
    }
    List<TrackedFinding> tracked = new ArrayList<>();
    List<FindingState> changes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Finding finding : tonight.findings()) {
      FindingState previous = before.get(finding.fingerprint());
      if (tonight.ownership().cannotJudge(finding.ruleId())) {
        // Judged without a whole directory: never raised; an earlier open one is kept below.
        continue;
      }
      seen.add(finding.fingerprint());
      AcceptedRisk risk = coveredBy.get(finding.fingerprint());
      String source = tonight.sourceOfAccount().getOrDefault(finding.account(), "");
      FindingStatus status = seenStatus(previous, risk);
      Instant firstSeen = previous == null ? tonight.now() : previous.firstSeen();
      int reopened =
          previous == null ? 0 : previous.timesReopened() + (previous.stored().open() ? 0 : 1);
      changes.add(
          new FindingState(
              finding,
              risk != null ? Stored.SUPPRESSED : Stored.OPEN,
              source,
              firstSeen,
              tonight.now(),
              null,
              null,
              risk == null ? null : risk.id(),
              reopened,
              tonight.runId()));
      tracked.add(new TrackedFinding(finding, status, firstSeen, tonight.now(), risk, source));
    }
    for (FindingState previous : before.values()) {
      if (seen.contains(previous.fingerprint()) || !previous.stored().open()) {
        continue;
      }
      String ownership =
          tonight.ownership().cannotJudge(previous.finding().ruleId())
              ? tonight.ownership().unknownBecause()
              : "";
      if (ownership.isEmpty() && tonight.completeSources().contains(previous.source())) {
        changes.add(
            new FindingState(
                previous.finding(),
                Stored.RESOLVED,
                previous.source(),
                previous.firstSeen(),
                previous.lastSeen(),
                tonight.now(),
                previous.notRecheckedSince(),
                previous.exceptionId(),
                previous.timesReopened(),
                tonight.runId()));
        tracked.add(
            new TrackedFinding(
                previous.finding(),
                FindingStatus.RESOLVED,
                previous.firstSeen(),
                previous.lastSeen(),
                null,
                previous.source()));
      } else {
        // Kept as it was, and said so: tonight could not confirm it either way.
        changes.add(
            new FindingState(
                previous.finding(),
                previous.stored(),
                previous.source(),
                previous.firstSeen(),
                previous.lastSeen(),
                previous.resolvedAt(),
                previous.lastSeen(),
                previous.exceptionId(),
                previous.timesReopened(),
                tonight.runId()));
        tracked.add(
            new TrackedFinding(
                previous.finding(),
                FindingStatus.NOT_RECHECKED,
                previous.firstSeen(),
                previous.lastSeen(),
                previous.stored() == Stored.SUPPRESSED
                    ? acceptedRisk(tonight.exceptions(), previous.exceptionId())
                    : null,
                previous.source(),
                ownership.isEmpty()
                    ? "its source "
                        + (previous.source().isEmpty() ? "(unknown)" : previous.source())
                        + " was not fully read"
                    : ownership));
      }
    }
    return new Night(tracked, changes, suppression.notices());
  }

  private static FindingStatus seenStatus(FindingState previous, AcceptedRisk risk) {
    if (risk != null) {
      return FindingStatus.SUPPRESSED;
    }
    if (previous == null) {
      return FindingStatus.NEW;
    }
    return previous.stored().open() ? FindingStatus.STILL_OPEN : FindingStatus.REOPENED;
  }

  /** The exception a suppressed finding was kept under, while the exceptions file still has it. */
  private static AcceptedRisk acceptedRisk(ExceptionsFile exceptions, String id) {
    return exceptions.exceptions().stream()
        .filter(e -> e.id().equals(id))
        .findFirst()
        .map(e -> new AcceptedRisk(e.id(), e.owner(), e.reason(), e.expires()))
        .orElse(null);
  }
}
