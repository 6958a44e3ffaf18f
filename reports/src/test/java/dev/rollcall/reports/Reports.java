package dev.rollcall.reports;

import dev.rollcall.model.AccountKey;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Finding;
import dev.rollcall.model.PolicyClause;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.SourceSystem;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Hand-built runs for the renderer tests: several severities, rules, systems and sources. */
final class Reports {
  static final Instant STARTED = Instant.parse("2026-11-20T06:00:00Z");
  static final Instant FINISHED = Instant.parse("2026-11-20T06:03:30Z");
  static final Instant CAPTURED = Instant.parse("2026-11-20T05:00:00Z");
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

  private Reports() {}

  static RunReport run() {
    return run(FINDINGS, List.of(AWS_PULL, GOOGLE_PULL, ATLAS_PULL));
  }

  static RunReport run(List<Finding> findings, List<SourcePull> sources) {
    return new RunReport(
        "run-2026-11-20",
        STARTED,
        FINISHED,
        "0.1.0",
        "hipaa",
        "Meridian Health",
        sources,
        findings,
        Set.of(LEAVER.fingerprint(), NO_MFA.fingerprint()),
        7,
        5,
        Severity.HIGH);
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
