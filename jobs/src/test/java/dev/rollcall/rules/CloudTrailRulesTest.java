package dev.rollcall.rules;

import static dev.rollcall.rules.Fixtures.CAPTURED;
import static dev.rollcall.rules.Fixtures.awsUser;
import static dev.rollcall.rules.Fixtures.daysAgo;
import static dev.rollcall.rules.Fixtures.password;
import static dev.rollcall.rules.Fixtures.unowned;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rollcall.jobs.correlate.TrailAccounts;
import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.PrincipalActivity;
import dev.rollcall.model.PrincipalActivity.SessionOverlap;
import dev.rollcall.model.PrincipalActivity.TrailSession;
import dev.rollcall.model.PrincipalKind;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourceSystem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules on CloudTrail evidence: flagged cases beside their near misses. It lives in jobs' tests
 * (in the rules' package, for their fixtures) because it ties trails to accounts with {@link
 * TrailAccounts}, which needs Spark's side of rollcall.
 */
class CloudTrailRulesTest {
  private static final String ACCOUNT = "111122223333";

  static PrincipalActivity user(
      PrincipalKind kind, Instant lastLogin, String mfaUsed, List<SessionOverlap> overlaps) {
    return new PrincipalActivity(
        kind,
        kind == PrincipalKind.IDENTITY_CENTER ? null : ACCOUNT,
        "alice",
        null,
        lastLogin,
        mfaUsed,
        lastLogin == null ? null : "203.0.113.10",
        daysAgo(2),
        "s3.amazonaws.com ListBuckets",
        "Yes".equals(mfaUsed) ? 1 : 0,
        "No".equals(mfaUsed) ? 2 : 0,
        false,
        List.of(),
        List.of(),
        overlaps,
        overlaps.size());
  }

  static AccountView withTrail(Account account, PrincipalActivity activity) {
    return unowned(account).withTrail(List.of(activity));
  }

  static Stream<Arguments> signInsWithoutMfa() {
    Account withMfa = awsUser("alice").build();
    return Stream.of(
        Arguments.of(
            "last console sign-in without MFA (MFAUsed: No)",
            withTrail(withMfa, user(PrincipalKind.IAM_USER, daysAgo(3), "No", List.of())),
            true),
        Arguments.of(
            "root's last console sign-in without MFA",
            withTrail(withMfa, user(PrincipalKind.ROOT, daysAgo(3), "No", List.of())),
            true),
        Arguments.of(
            "near miss: the last sign-in used MFA (earlier ones did not)",
            withTrail(withMfa, user(PrincipalKind.IAM_USER, daysAgo(3), "Yes", List.of())),
            false),
        Arguments.of(
            "near miss: a federated session says MFAUsed: No (the IdP's factor)",
            withTrail(withMfa, user(PrincipalKind.IDENTITY_CENTER, daysAgo(3), "No", List.of())),
            false),
        Arguments.of(
            "near miss: no console sign-in in the trail",
            withTrail(withMfa, user(PrincipalKind.IAM_USER, null, null, List.of())),
            false),
        Arguments.of(
            "near miss: the console password has been removed since",
            withTrail(
                awsUser("alice").credentials(List.of(password(false, daysAgo(3)))).build(),
                user(PrincipalKind.IAM_USER, daysAgo(3), "No", List.of())),
            false),
        Arguments.of("near miss: no trail evidence", unowned(withMfa), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signInsWithoutMfa")
  void flagsConsoleSignInsWithoutMfa(String name, AccountView view, boolean flagged) {
    assertEquals(
        flagged,
        RuleCheck.flags(
            new InteractiveLoginWithoutMfa(),
            new InteractiveLoginWithoutMfa.Settings(Severity.CRITICAL),
            view),
        name);
  }

  @Test
  void theMfaFindingShowsTheSignIn() {
    Violation v =
        RuleCheck.run(
                new InteractiveLoginWithoutMfa(),
                new InteractiveLoginWithoutMfa.Settings(Severity.CRITICAL),
                withTrail(
                    awsUser("alice").build(),
                    user(
                        PrincipalKind.IAM_USER,
                        Instant.parse("2026-11-17T08:55:00Z"),
                        "No",
                        List.of())))
            .orElseThrow();
    assertEquals(
        "alice last signed in to the AWS console without a second factor (CloudTrail MFAUsed:"
            + " No).",
        v.summary());
    assertEquals(
        new Evidence(
            "console sign-in without MFA",
            "2026-11-17T08:55:00Z from 203.0.113.10 (CloudTrail ConsoleLogin, MFAUsed: No; 2"
                + " without and 0 with MFA in the trail read)"),
        v.evidence().get(2));
  }

  static final TrailSession HOME =
      new TrailSession(
          null,
          "ASIA…0001",
          "203.0.113.10",
          Instant.parse("2026-11-19T09:00:00Z"),
          Instant.parse("2026-11-19T09:20:00Z"),
          2);
  static final TrailSession ELSEWHERE =
      new TrailSession(
          null,
          "AKIA…0001",
          "192.0.2.44",
          Instant.parse("2026-11-19T09:10:00Z"),
          Instant.parse("2026-11-19T09:10:00Z"),
          1);

  @Test
  void flagsOverlappingSessionsFromDistinctAddresses() {
    ConcurrentSignIns rule = new ConcurrentSignIns();
    ConcurrentSignIns.Settings settings = new ConcurrentSignIns.Settings(10);
    Violation v =
        RuleCheck.run(
                rule,
                settings,
                withTrail(
                    awsUser("alice").build(),
                    user(
                        PrincipalKind.IAM_USER,
                        null,
                        null,
                        List.of(new SessionOverlap(HOME, ELSEWHERE)))))
            .orElseThrow();
    assertEquals(
        "alice was used from 203.0.113.10 and 192.0.2.44 at the same time"
            + " (2026-11-19T09:10:00Z).",
        v.summary());
    assertEquals(
        List.of(
            new Evidence(
                "session",
                "203.0.113.10 from 2026-11-19T09:00:00Z to 2026-11-19T09:20:00Z (ASIA…0001, 2"
                    + " event(s))"),
            new Evidence(
                "overlapping session",
                "192.0.2.44 from 2026-11-19T09:10:00Z to 2026-11-19T09:10:00Z (AKIA…0001, 1"
                    + " event(s))"),
            new Evidence(
                "overlapping pairs",
                "1 in the trail read (a session: one credential from one IP, events at most 30"
                    + " minutes apart)")),
        v.evidence());
    // Near miss: the same principal's trail without overlaps (two IPs at different times).
    assertEquals(
        false,
        RuleCheck.flags(
            rule,
            settings,
            withTrail(
                awsUser("alice").build(), user(PrincipalKind.IAM_USER, null, null, List.of()))));
  }

  static Account identityCenterUser(String email) {
    return Account.builder(
            new AccountKey(SourceSystem.AWS_IDENTITY_CENTER, "d-1234567890", "ic-" + email),
            email,
            CAPTURED)
        .emails(List.of(email))
        .kind(AccountKind.HUMAN, "Identity Center user")
        .lastActivity(Activity.unknown("IAM Identity Center keeps no sign-in time"))
        .mfa(Mfa.unknown("IAM Identity Center has no per-user MFA field"))
        .build();
  }

  static PrincipalActivity session(String email, Instant lastCall) {
    return new PrincipalActivity(
        PrincipalKind.IDENTITY_CENTER,
        null,
        email,
        null,
        null,
        null,
        null,
        lastCall,
        "ec2.amazonaws.com DescribeInstances",
        0,
        0,
        false,
        List.of(),
        List.of(),
        List.of(),
        0);
  }

  static Stream<Arguments> trueLastUse() {
    Account stale =
        awsUser("kevin").lastActivity(Activity.usedAt(daysAgo(120), "password_last_used")).build();
    PrincipalActivity kevinCalls =
        new PrincipalActivity(
            PrincipalKind.IAM_USER,
            ACCOUNT,
            "kevin",
            null,
            null,
            null,
            null,
            daysAgo(10),
            "s3.amazonaws.com ListBuckets",
            0,
            0,
            false,
            List.of(),
            List.of(),
            List.of(),
            0);
    return Stream.of(
        Arguments.of(
            "Identity Center user last seen 91 days before capture",
            identityCenterUser("ann@example.test"),
            session("ann@example.test", daysAgo(91)),
            true),
        Arguments.of(
            "near miss: Identity Center user last seen 89 days before capture",
            identityCenterUser("ann@example.test"),
            session("ann@example.test", daysAgo(89)),
            false),
        Arguments.of(
            "near miss: Identity Center user absent from the trail stays unknown",
            identityCenterUser("ann@example.test"),
            session("someone.else@example.test", daysAgo(1)),
            false),
        Arguments.of(
            "near miss: the report says 120 days, the trail shows an API call 10 days ago",
            stale,
            kevinCalls,
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trueLastUse")
  void dormancyUsesTheTrailsLastUse(
      String name, Account account, PrincipalActivity trail, boolean flagged) {
    TrailAccounts.Applied applied = TrailAccounts.apply(List.of(account), List.of(trail), CAPTURED);
    Account seen = applied.accounts().get(0);
    assertEquals(
        flagged,
        RuleCheck.flags(
            new DormantAccount(), new DormantAccount.Settings(90, Map.of(), true), unowned(seen)),
        name);
  }

  @Test
  void aRoleOfAnAccountNoSourceAuditsIsLeftOut() {
    PrincipalActivity role = federatedRole("999988887777");
    assertEquals(List.of(), TrailAccounts.apply(List.of(), List.of(role), CAPTURED).accounts());
  }

  static PrincipalActivity federatedRole(String account) {
    return new PrincipalActivity(
        PrincipalKind.ROLE,
        account,
        "AdminAccess",
        "arn:aws:iam::" + account + ":role/AdminAccess",
        null,
        null,
        null,
        daysAgo(1),
        "sts.amazonaws.com AssumeRoleWithSAML",
        0,
        0,
        true,
        List.of(),
        List.of(),
        List.of(),
        0);
  }

  @Test
  void aRoleIsNeitherAGenericNameNorAnEverydayAccount() {
    PrincipalActivity role = federatedRole(ACCOUNT);
    Account account =
        TrailAccounts.apply(List.of(awsUser("alice").build()), List.of(role), CAPTURED)
            .accounts()
            .get(1);
    assertEquals(AccountKind.ROLE, account.kind());
    assertEquals("aws_iam:111122223333:arn:aws:iam::111122223333:role/AdminAccess", account.id());
    assertEquals(
        false,
        RuleCheck.flags(
            new GenericAccountName(), GenericAccountNameTest.SETTINGS, unowned(account)));
  }
}
