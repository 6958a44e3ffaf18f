package dev.rollcall.reports;

import dev.rollcall.model.AcceptedRisk;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Hand-built runs for the renderer tests: several severities, rules, systems and sources. */
final class Reports {
  static final Instant STARTED = Instant.parse("2026-11-20T06:00:00Z");
  static final Instant FINISHED = Instant.parse("2026-11-20T06:03:30Z");
  static final Instant CAPTURED = Instant.parse("2026-11-20T05:00:00Z");

  /** The night before: when a resolved or not re-checked finding was last seen. */
  static final Instant LAST_NIGHT = STARTED.minus(Duration.ofDays(1));

  /** When every finding that is not new was first seen: some nights before this run. */
  static final Instant OPENED = STARTED.minus(Duration.ofDays(9));

  static final String AWS = "111122223333";
  static final String DOMAIN = "meridian.example";
  static final String ORG = "5f1a2b3c4d5e6f7a8b9c0d1e";
  static final String PROJECT = "6a1b2c3d4e5f6a7b8c9d0e1f";
  static final String HOSTILE_NAME = "evil | <script>alert(1)</script>";

  static final PolicyClause OFFBOARDING =
      new PolicyClause("System Access Policy §7.2.9", "Access ends on the last day of work.");
  static final PolicyClause HIPAA =
      new PolicyClause("HIPAA 164.308(a)(3)(ii)(C)", "Termination procedures.");
  static final PolicyClause MFA =
      new PolicyClause("System Access Policy §5.1", "Interactive sign-in requires MFA.");
  static final PolicyClause DORMANCY =
      new PolicyClause("System Access Policy §6.3", "Accounts idle for 90 days are disabled.");

  /** CRITICAL, new: a leaver's AWS user. */
  static final Finding LEAVER =
      finding(
          "access-left-after-termination",
          "Access left after termination",
          Severity.CRITICAL,
          new AccountKey(SourceSystem.AWS_IAM, AWS, "AIDAOLIVIA"),
          "olivia.grant",
          List.of("olivia.grant@meridian.example"),
          "olivia.grant left on 2026-10-31 but can still sign in to AWS.",
          List.of(
              new Evidence("person status", "TERMINATED since 2026-10-31"),
              new Evidence("console password", "enabled")),
          List.of(OFFBOARDING, HIPAA));

  /** HIGH, new: a Google user without MFA. */
  static final Finding NO_MFA =
      finding(
          "interactive-login-without-mfa",
          "Interactive login without MFA",
          Severity.HIGH,
          new AccountKey(SourceSystem.GOOGLE_WORKSPACE, DOMAIN, "1044"),
          "emma.stone@meridian.example",
          List.of("emma.stone@meridian.example"),
          "Signs in with a password and no second factor.",
          List.of(new Evidence("isEnrolledIn2Sv", "false")),
          List.of(MFA));

  /** HIGH, old: a dormant Atlas user whose name tries to break the Markdown table. */
  static final Finding HOSTILE =
      finding(
          "dormant-account",
          "Dormant account",
          Severity.HIGH,
          new AccountKey(SourceSystem.ATLAS_ORG, ORG, "64aa"),
          HOSTILE_NAME,
          List.of(),
          "Not used for 212 days.",
          List.of(new Evidence("last activity", "2026-04-22T10:00:00Z (lastAuth)")),
          List.of(DORMANCY));

  /** HIGH, old: a dormant AWS user. */
  static final Finding DORMANT_AWS =
      finding(
          "dormant-account",
          "Dormant account",
          Severity.HIGH,
          new AccountKey(SourceSystem.AWS_IAM, AWS, "AIDAFELIX"),
          "felix.braun",
          List.of("felix.braun@meridian.example"),
          "Not used for 120 days.",
          List.of(new Evidence("last activity", "2026-07-23T08:00:00Z (password_last_used)")),
          List.of(DORMANCY));

  /** MEDIUM, old: a database user with a formula for a name and awkward text in its summary. */
  static final Finding FORMULA =
      finding(
          "generic-account-name",
          "Generic account name",
          Severity.MEDIUM,
          new AccountKey(SourceSystem.ATLAS_DATABASE, PROJECT, "admin/=cmd"),
          "=cmd|' /C calc'!A0",
          List.of("@SUM(1+1)", "ops@meridian.example"),
          "Shared name, \"admin\"-like, used by several services\nand by people.",
          List.of(new Evidence("name", "=cmd"), new Evidence("roles", "atlasAdmin, readWrite")),
          List.of(OFFBOARDING));

  /** LOW, old: an unowned service user. */
  static final Finding UNOWNED =
      finding(
          "unowned-account",
          "Unowned account",
          Severity.LOW,
          new AccountKey(SourceSystem.AWS_IAM, AWS, "AIDABUILD"),
          "build-bot",
          List.of(),
          "Nobody owns this account.",
          List.of(new Evidence("owner tag", "missing")),
          List.of());

  static final SourcePull AWS_PULL =
      new SourcePull(
          "aws/" + AWS, SourceSystem.AWS_IAM, AWS, PullStatus.COMPLETE, 4, List.of(), CAPTURED);
  static final SourcePull GOOGLE_PULL =
      new SourcePull(
          "google/" + DOMAIN,
          SourceSystem.GOOGLE_WORKSPACE,
          DOMAIN,
          PullStatus.PARTIAL,
          2,
          List.of("users/page-2.json: truncated"),
          CAPTURED);
  static final SourcePull ATLAS_PULL =
      new SourcePull(
          "atlas/" + ORG,
          SourceSystem.ATLAS_ORG,
          ORG,
          PullStatus.FAILED,
          1,
          List.of("users.json: HTTP 401 <unauthorized> | retry_later"),
          CAPTURED);

  /** The findings in a scrambled order: renderers must sort them. */
  static final List<Finding> FINDINGS =
      List.of(UNOWNED, NO_MFA, FORMULA, LEAVER, DORMANT_AWS, HOSTILE);

  /** Report order: severity descending, rule id, account id. */
  static final List<Finding> REPORT_ORDER =
      List.of(LEAVER, HOSTILE, DORMANT_AWS, NO_MFA, FORMULA, UNOWNED);

  /** The fingerprints of the sample run's new findings. */
  static final Set<String> NEW_FINGERPRINTS = Set.of(LEAVER.fingerprint(), NO_MFA.fingerprint());

  /** An accepted-risk exception, with markup in its reason. */
  static final AcceptedRisk EXCEPTION =
      new AcceptedRisk(
          "EX-2026-014",
          "olivia.grant@meridian.example",
          "break-glass <b>access</b>",
          LocalDate.parse("2027-03-31"));

  private Reports() {}

  static RunReport run() {
    return run(FINDINGS, List.of(AWS_PULL, GOOGLE_PULL, ATLAS_PULL));
  }

  /** A run whose findings are all open: LEAVER and NO_MFA new, the others still open. */
  static RunReport run(List<Finding> findings, List<SourcePull> sources) {
    return report(tracked(findings, NEW_FINGERPRINTS, sources), sources, List.of(), List.of());
  }

  /** The sample run's report of these tracked findings, exception notices and trend. */
  static RunReport report(
      List<TrackedFinding> findings,
      List<SourcePull> sources,
      List<String> exceptionNotices,
      List<TrendPoint> trend) {
    return new RunReport(
        "run-2026-11-20",
        STARTED,
        FINISHED,
        "0.1.0",
        "hipaa",
        "Meridian Health",
        sources,
        findings,
        7,
        5,
        FailOn.HIGH,
        exceptionNotices,
        trend);
  }

  /** {@code report} with these tracked findings added and these notices and trend. */
  static RunReport with(
      RunReport report,
      List<TrackedFinding> more,
      List<String> exceptionNotices,
      List<TrendPoint> trend) {
    List<TrackedFinding> findings = new ArrayList<>(report.findings());
    findings.addAll(more);
    return new RunReport(
        report.runId(),
        report.startedAt(),
        report.finishedAt(),
        report.version(),
        report.profile(),
        report.organisation(),
        report.sources(),
        findings,
        report.accountsAudited(),
        report.peopleInDirectory(),
        report.failOn(),
        exceptionNotices,
        trend);
  }

  /**
   * The findings as seen tonight: NEW (first seen now) when {@code fresh} holds their fingerprint,
   * else STILL_OPEN (first seen {@link #OPENED}); last seen now; from their source in {@code
   * sources}, or "" when none matches.
   */
  static List<TrackedFinding> tracked(
      List<Finding> findings, Set<String> fresh, List<SourcePull> sources) {
    Map<String, String> sourceByTenant = new HashMap<>();
    for (SourcePull s : sources) {
      sourceByTenant.putIfAbsent(s.system() + "/" + s.tenant(), s.source());
    }
    List<TrackedFinding> tracked = new ArrayList<>();
    for (Finding f : findings) {
      String source =
          sourceByTenant.getOrDefault(f.account().system() + "/" + f.account().tenant(), "");
      tracked.add(
          fresh.contains(f.fingerprint())
              ? new TrackedFinding(f, FindingStatus.NEW, STARTED, STARTED, null, source)
              : new TrackedFinding(f, FindingStatus.STILL_OPEN, OPENED, STARTED, null, source));
    }
    return tracked;
  }

  /** Seen tonight and covered by {@code exception}; first seen {@link #OPENED}. */
  static TrackedFinding suppressed(Finding f, AcceptedRisk exception) {
    return new TrackedFinding(f, FindingStatus.SUPPRESSED, OPENED, STARTED, exception, sourceOf(f));
  }

  /** Open until {@link #LAST_NIGHT}, not found tonight on a fully checked source. */
  static TrackedFinding resolved(Finding f) {
    return new TrackedFinding(f, FindingStatus.RESOLVED, OPENED, LAST_NIGHT, null, sourceOf(f));
  }

  /** Open until {@code lastSeen}, kept open tonight because {@code source} was not fully read. */
  static TrackedFinding notRechecked(Finding f, String source, Instant lastSeen) {
    return new TrackedFinding(f, FindingStatus.NOT_RECHECKED, OPENED, lastSeen, null, source);
  }

  /** {@code t} as if first seen at {@code firstSeen}. */
  static TrackedFinding firstSeen(TrackedFinding t, Instant firstSeen) {
    return new TrackedFinding(
        t.finding(), t.status(), firstSeen, t.lastSeen(), t.exception(), t.source());
  }

  /** The sample source a finding comes from, or "" when none of them. */
  private static String sourceOf(Finding f) {
    return List.of(AWS_PULL, GOOGLE_PULL, ATLAS_PULL).stream()
        .filter(s -> s.system() == f.account().system() && s.tenant().equals(f.account().tenant()))
        .map(SourcePull::source)
        .findFirst()
        .orElse("");
  }

  static RunReport clean() {
    return run(List.of(), List.of(AWS_PULL));
  }

  private static Finding finding(
      String ruleId,
      String title,
      Severity severity,
      AccountKey account,
      String name,
      List<String> people,
      String summary,
      List<Evidence> evidence,
      List<PolicyClause> clauses) {
    return new Finding(
        Finding.fingerprintOf(ruleId, account),
        ruleId,
        title,
        severity,
        account,
        name,
        people,
        summary,
        evidence,
        clauses,
        "Disable " + name + " in " + account.system().label() + ".");
  }
}
