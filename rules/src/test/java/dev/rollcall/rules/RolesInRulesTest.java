package dev.rollcall.rules;

import static dev.rollcall.rules.Fixtures.CAPTURED;
import static dev.rollcall.rules.Fixtures.awsRole;
import static dev.rollcall.rules.Fixtures.awsUser;
import static dev.rollcall.rules.Fixtures.person;
import static dev.rollcall.rules.Fixtures.trusts;
import static dev.rollcall.rules.Fixtures.unowned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Grant;
import dev.rollcall.model.Identity;
import dev.rollcall.model.LinkRule;
import dev.rollcall.model.MfaFactorType;
import dev.rollcall.model.Owner;
import dev.rollcall.model.PersonStatus;
import dev.rollcall.model.PrivilegeLevel;
import dev.rollcall.model.RoleAssumer.Type;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.TenantSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** IAM roles as accounts: what the rules written for users and people make of them. */
class RolesInRulesTest {
  private static final Identity ANN =
      person("ann.lee@example.test", "Ann", "Lee", PersonStatus.ACTIVE);
  private static final Identity LEO =
      person("leo.gone@example.test", "Leo", "Gone", PersonStatus.LEFT);
  private static final Identity LIA =
      person("lia.gone@example.test", "Lia", "Gone", PersonStatus.LEFT);
  private static final Grant ADMIN =
      new Grant(
          "AdministratorAccess",
          "account 111122223333",
          PrivilegeLevel.ADMIN,
          "attached managed policy");
  private static final AccessLeftAfterTermination.Settings DAY =
      new AccessLeftAfterTermination.Settings(24);

  /** A role tied to people by one link rule, as correlation leaves it. */
  private static AccountView ownedBy(Account account, LinkRule rule, Identity... people) {
    return new AccountView(
        account,
        Arrays.stream(people).map(p -> new Owner(p, rule, rule.description())).toList(),
        List.of());
  }

  /** A role people assume by federation, as CloudTrail shows it: no trust read. */
  private static Account trailRole(String name) {
    return awsRole(name).lastActivity(Activity.usedAt(Fixtures.daysAgo(5), "CloudTrail")).build();
  }

  @Test
  void aRoleWhoseTrustAdmitsSomeoneIsNotUnownedButOneSeenOnlyInTheTrailIs() {
    var rule = new UnownedAccount();
    Account service = awsRole("ecs-task", trusts(Type.SERVICE, "ecs-tasks.amazonaws.com")).build();
    Account saml =
        awsRole(
                "sso-admin",
                trusts(Type.SAML_PROVIDER, "arn:aws:iam::111122223333:saml-provider/X"))
            .build();
    assertFalse(RuleCheck.flags(rule, new NoSettings(), unowned(service)), "service role");
    assertFalse(RuleCheck.flags(rule, new NoSettings(), unowned(saml)), "identity provider");
    Violation v =
        RuleCheck.run(rule, new NoSettings(), unowned(trailRole("DataScientist"))).orElseThrow();
    assertTrue(v.remediation().contains("delete-role --role-name DataScientist"), v.remediation());
  }

  @Test
  void aRoleReachedOnlyThroughTheLeaversOwnAccountsIsLeftToThoseAccounts() {
    var rule = new AccessLeftAfterTermination();
    Account hop =
        awsRole("ops-hop", trusts(Type.USER, "arn:aws:iam::111122223333:user/leo")).build();
    assertFalse(
        RuleCheck.flags(rule, DAY, ownedBy(hop, LinkRule.ASSUMES_ROLE, LEO, LIA)),
        "the users leo and lia assume it through are flagged themselves");
    Violation v =
        RuleCheck.run(rule, DAY, ownedBy(trailRole("Analyst"), LinkRule.FEDERATED_SESSION, LEO))
            .orElseThrow();
    assertTrue(v.remediation().contains("aws iam update-assume-role-policy"), v.remediation());
    Violation tagged =
        RuleCheck.run(rule, DAY, ownedBy(hop, LinkRule.OWNER_TAG, LEO)).orElseThrow();
    assertTrue(tagged.summary().contains("ops-hop"), tagged.summary());
  }

  @Test
  void disablingARoleStopsNewSessionsRevokesOldOnesThenDeletesIt() {
    String fix = Remedies.disable(awsRole("platform-admin").build());
    assertTrue(fix.contains("aws iam update-assume-role-policy --role-name platform-admin"), fix);
    assertTrue(fix.contains("\"Effect\":\"Deny\""), fix);
    assertTrue(fix.contains("Revoke active sessions"), fix);
    assertTrue(fix.contains("AWSRevokeOlderSessions"), fix);
    assertTrue(fix.contains("aws iam remove-role-from-instance-profile"), fix);
    assertTrue(fix.contains("aws iam delete-role --role-name platform-admin"), fix);
    assertFalse(fix.contains("login-profile") || fix.contains("access-key"), fix);
    assertTrue(Remedies.disable(awsUser("bob").build()).contains("delete-login-profile"));
  }

  @Test
  void anOverPrivilegedRoleIsNarrowedWithTheRoleCommands() {
    var settings = new OverPrivilegedAccount.Settings(List.of(PrivilegeLevel.ADMIN), List.of());
    Violation v =
        RuleCheck.run(
                new OverPrivilegedAccount(),
                settings,
                unowned(awsRole("platform-admin").grants(List.of(ADMIN)).build()))
            .orElseThrow();
    assertTrue(
        v.remediation().contains("aws iam detach-role-policy --role-name platform-admin"),
        v.remediation());
    assertTrue(v.remediation().contains("aws iam delete-role-policy"), v.remediation());
    assertFalse(v.remediation().contains("user-policy"), v.remediation());
  }

  @Test
  void aUserReachingAdminThroughARoleChainIsToldToCutTheFirstHop() {
    var settings = new OverPrivilegedAccount.Settings(List.of(PrivilegeLevel.ADMIN), List.of());
    Grant chain =
        new Grant(
            "AdministratorAccess",
            "account 111122223333",
            PrivilegeLevel.ADMIN,
            "assumes role ops-hop -> platform-admin; only with MFA");
    Violation v =
        RuleCheck.run(
                new OverPrivilegedAccount(),
                settings,
                unowned(awsUser("grace").grants(List.of(chain)).build()))
            .orElseThrow();
    String fix = v.remediation();
    assertTrue(
        fix.contains("remove sts:AssumeRole on ops-hop from the policies of grace itself"), fix);
    assertTrue(fix.contains("narrow the trust policy of ops-hop"), fix);
    assertFalse(fix.contains("on platform-admin"), "the first role of the path only: " + fix);
    Violation direct =
        RuleCheck.run(
                new OverPrivilegedAccount(),
                settings,
                unowned(awsUser("dan").grants(List.of(ADMIN)).build()))
            .orElseThrow();
    assertFalse(direct.remediation().contains("sts:AssumeRole"), direct.remediation());
  }

  @Test
  void aRoleSeveralPeopleAssumeThroughTheirOwnAccountsIsNotShared() {
    var rule = new SharedAccount();
    Account hop = awsRole("ops-hop").build();
    assertFalse(
        RuleCheck.flags(rule, new NoSettings(), ownedBy(hop, LinkRule.ASSUMES_ROLE, ANN, LEO)));
    assertTrue(
        RuleCheck.flags(
            rule,
            new NoSettings(),
            ownedBy(trailRole("Ops"), LinkRule.FEDERATED_SESSION, ANN, LEO)),
        "federated sessions of several people still are");
  }

  @Test
  void rulesForCredentialsAndPeopleLeaveAnAdminRoleAlone() {
    Account role =
        awsRole("admin", trusts(Type.SERVICE, "ec2.amazonaws.com")).grants(List.of(ADMIN)).build();
    AccountView view = ownedBy(role, LinkRule.ASSUMES_ROLE, ANN);
    assertFalse(
        RuleCheck.flags(
            new InteractiveLoginWithoutMfa(),
            new InteractiveLoginWithoutMfa.Settings(Severity.CRITICAL),
            view),
        "no password of its own");
    assertFalse(
        RuleCheck.flags(
            new WeakMfaForPrivileged(),
            new WeakMfaForPrivileged.Settings(List.of(MfaFactorType.SECURITY_KEY)),
            view),
        "MFA is the assumer's, unknown here");
    assertFalse(
        RuleCheck.flags(new ServiceAccountUsedInteractively(), new NoSettings(), view),
        "a role is not a service account with a login");
    assertFalse(
        RuleCheck.flags(new GenericAccountName(), GenericAccountNameTest.SETTINGS, view),
        "a role is named for its job");
    assertTrue(
        new PrivilegedEverydayAccount()
            .findIn(Fixtures.subjectOf(view), new NoSettings())
            .isEmpty(),
        "a role is not a person's everyday account");
  }

  @Test
  void aNeverUsedRoleIsFlaggedWithTheRoleRemedy() {
    Account idle =
        awsRole("old-migration", trusts(Type.ACCOUNT, "999988887777"))
            .lastActivity(Activity.neverUsed("RoleLastUsed absent"))
            .build();
    Violation v =
        RuleCheck.run(new NeverUsedAccount(), new NeverUsedAccount.Settings(30), unowned(idle))
            .orElseThrow();
    assertTrue(v.remediation().contains("aws iam delete-role --role-name old-migration"));
  }

  @Test
  void adminRolesAreNotCountedButTheUsersWhoReachThemAre() {
    List<Account> accounts = new ArrayList<>();
    accounts.add(awsUser("dan").grants(List.of(ADMIN)).build());
    accounts.add(
        awsUser("sofia")
            .grants(
                List.of(
                    new Grant(
                        "platform-admin",
                        "111122223333",
                        PrivilegeLevel.ADMIN,
                        "assumes role support-entry -> platform-admin")))
            .build());
    accounts.add(awsRole("platform-admin").grants(List.of(ADMIN)).build());
    var facts =
        new TenantFacts(
            new TenantSettings(SourceSystem.AWS_IAM, "111122223333", null, null),
            accounts,
            CAPTURED);
    var found = new TooManyAdmins().check(facts, new TooManyAdmins.Settings(1, Map.of()));
    assertEquals("dan, sofia", found.orElseThrow().evidence().get(0).value());
  }

  @Test
  void aRoleOnlyIdentityCenterCanAssumeIsJudgedThroughItsPermissionSet() {
    Account sso =
        awsRole("AWSReservedSSO_Admin_0123456789abcdef", trusts(Type.PERMISSION_SET, "Admin (arn)"))
            .grants(List.of(ADMIN))
            .build();
    assertTrue(
        RuleCheck.run(
                new OverPrivilegedAccount(),
                new OverPrivilegedAccount.Settings(List.of(PrivilegeLevel.ADMIN), List.of()),
                unowned(sso))
            .isEmpty());
    Account okta =
        awsRole(
                "okta-admin",
                trusts(Type.SAML_PROVIDER, "arn:aws:iam::111122223333:saml-provider/Okta"))
            .grants(List.of(ADMIN))
            .build();
    assertTrue(
        RuleCheck.run(
                new OverPrivilegedAccount(),
                new OverPrivilegedAccount.Settings(List.of(PrivilegeLevel.ADMIN), List.of()),
                unowned(okta))
            .isPresent());
  }
}
