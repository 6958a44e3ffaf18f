package dev.rollcall.connectors.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Grant;
import dev.rollcall.model.PrivilegeLevel;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.RoleAssumer;
import dev.rollcall.model.SourceResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A hand-made dump (account 222233334444, the documented GetAccountAuthorizationDetails shape as
 * the AWS CLI writes it) read through the real reader: every role an account, who may assume each
 * (by ARN, through the account, through everyone, services, identity providers, Identity Center),
 * and what users reach through chains of roles, with near misses for every way an assumption fails
 * (no identity Allow, an identity Deny, a trust Deny, a past date, a PrincipalArn condition, a
 * role's permissions boundary) and a cycle.
 */
class RoleReachDumpTest {
  private static final String ACCOUNT = "222233334444";
  private static final SourceResult RESULT =
      new AwsSnapshotReader().read(TestAccounts.dir(ACCOUNT), TestAccounts.OBSERVED_AT);

  private static Account named(String name) {
    return TestAccounts.named(RESULT.accounts(), name);
  }

  private static Optional<Grant> reach(String user) {
    return named(user).grants().stream()
        .filter(g -> g.via().startsWith("assumes role "))
        .findFirst();
  }

  private static String arn(String kind, String name) {
    return "arn:aws:iam::" + ACCOUNT + ":" + kind + "/" + name;
  }

  @Test
  void everyRoleButTheServiceLinkedOnesIsAnAccountOfKindRole() {
    assertEquals(PullStatus.COMPLETE, RESULT.pull().status());
    List<Account> roles =
        RESULT.accounts().stream().filter(a -> a.kind() == AccountKind.ROLE).toList();
    assertEquals(22, roles.size(), roles.stream().map(Account::name).toList().toString());
    assertTrue(roles.stream().noneMatch(a -> a.name().equals("AWSServiceRoleForSupport")));
    Account hop = named("hop-1");
    assertEquals("aws_iam:" + ACCOUNT + ":AROAREACH000000000001", hop.id());
    assertTrue(hop.credentials().isEmpty(), "a role has no credentials of its own");
    assertEquals(Activity.State.USED, hop.lastActivity().state());
    assertEquals("RoleLastUsed in eu-west-1", hop.lastActivity().evidence());
    assertTrue(
        hop.kindEvidence()
            .startsWith("IAM role; trust admits any principal of AWS account arn:aws:iam::"),
        hop.kindEvidence());
  }

  @Test
  void aChainOfThreeRolesEndingInAdminMakesItsFirstUserAnAdminAndShowsThePath() {
    Grant grant = reach("chain-start").orElseThrow();
    assertEquals(PrivilegeLevel.ADMIN, grant.level(), grant.toString());
    assertEquals("chain-admin", grant.name());
    assertEquals("assumes role hop-1 -> hop-2 -> chain-admin", grant.via());
    assertEquals(
        List.of(
            "trust of hop-1 Statement[0] admits its account",
            "chain-start-policy Statement[0]: Allow sts:AssumeRole on " + arn("role", "hop-1"),
            "trust of hop-2 Statement[0] names " + arn("role", "hop-1"),
            "trust of chain-admin Statement[0] names " + arn("role", "hop-2"),
            "AdministratorAccess Statement[0]: Allow * on *"),
        grant.statements().subList(0, 5));
    assertEquals(PrivilegeLevel.ADMIN, named("chain-start").highestPrivilege());
    // The first role of the chain reaches admin too, by the rest of the path.
    assertEquals(
        "assumes role hop-2 -> chain-admin",
        named("hop-1").grants().stream()
            .filter(g -> g.level() == PrivilegeLevel.ADMIN)
            .findFirst()
            .orElseThrow()
            .via());
  }

  @Test
  void aTrustNamingTheUserIsEnoughInTheSameAccountButItsOwnDenyStillWins() {
    assertEquals("assumes role named-admin", reach("direct-named").orElseThrow().via());
    assertTrue(named("direct-named").grants().size() == 1, "no identity policy of its own");
    assertEquals(Optional.empty(), reach("direct-denied"));
    assertEquals(null, named("direct-denied").highestPrivilege());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "root-trust-allowed, assumes role account-admin",
    "mfa-only, assumes role mfa-admin; only with MFA",
    "external-id, assumes role vendor-admin; conditional: a condition the snapshot cannot decide",
    "ops-person, assumes role arn-cond-admin"
  })
  void aTrustOnTheAccountAdmitsTheUsersWhosePoliciesAllowIt(String user, String via) {
    Grant grant = reach(user).orElseThrow();
    assertEquals(PrivilegeLevel.ADMIN, grant.level());
    assertEquals(via, grant.via());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        // trust on the account root, but no policy of its own allows sts:AssumeRole
        "root-trust-no-policy",
        // the trust denies it by ARN
        "trust-denied",
        // the trust's DateLessThan aws:CurrentTime is in the past
        "expired-trust",
        // the trust's aws:PrincipalArn pattern is ops-*
        "principal-arn-cond",
        // bounded-hop's boundary (s3 only) stops it from assuming hop-target-admin
        "bounded-user",
        // a cycle of two write roles: followed, ended, nothing above write
        "cycler"
      })
  void nearMissesReachNoAdmin(String user) {
    Account account = named(user);
    assertFalse(
        account.grants().stream().anyMatch(g -> g.level() == PrivilegeLevel.ADMIN),
        account.grants().toString());
  }

  @Test
  void aRoleListsWhoMayAssumeItWithTheirAccountIds() {
    List<RoleAssumer> account = named("account-admin").assumers();
    assertEquals(RoleAssumer.Type.ACCOUNT, account.get(0).type());
    assertEquals(ACCOUNT, account.get(0).principal());
    assertTrue(account.get(0).conditions().isEmpty());
    RoleAssumer user =
        account.stream()
            .filter(a -> a.principal().equals(arn("user", "root-trust-allowed")))
            .findFirst()
            .orElseThrow();
    assertEquals(RoleAssumer.Type.USER, user.type());
    assertEquals("aws_iam:" + ACCOUNT + ":AIDAREACH000000000005", user.assumerId());
    assertTrue(
        account.stream().noneMatch(a -> a.principal().equals(arn("user", "root-trust-no-policy"))));

    List<RoleAssumer> named = named("named-admin").assumers();
    assertEquals(2, named.size(), named.toString());
    assertEquals("aws_iam:" + ACCOUNT + ":AIDAREACH000000000002", named.get(0).assumerId());
    assertEquals(null, named.get(1).assumerId(), "its own Deny stops direct-denied");
    assertTrue(named.get(1).evidence().contains("an explicit Deny"), named.get(1).evidence());

    assertEquals(null, named("hop-target-admin").assumers().get(0).assumerId(), "boundary");
    assertEquals(
        List.of("only with MFA"),
        named("mfa-admin").assumers().stream()
            .filter(a -> a.assumerId() != null && a.principal().endsWith("user/mfa-only"))
            .findFirst()
            .orElseThrow()
            .conditions()
            .subList(1, 2));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "public-role, ANYONE, *, false",
    "org-role, ANYONE, *, true",
    "ci-service, SERVICE, ec2.amazonaws.com, false",
    "okta-admin, SAML_PROVIDER, arn:aws:iam::222233334444:saml-provider/Okta, true",
    "AWSReservedSSO_Admin_0123456789abcdef, PERMISSION_SET, Admin"
        + " (arn:aws:iam::222233334444:saml-provider/AWSSSO_0123456789abcdef_DO_NOT_DELETE), true",
    "github-deploy, OIDC_PROVIDER,"
        + " arn:aws:iam::222233334444:oidc-provider/token.actions.githubusercontent.com, true"
  })
  void whatTheTrustNamesComesFirst(
      String role, RoleAssumer.Type type, String principal, boolean conditional) {
    RoleAssumer first = named(role).assumers().get(0);
    assertEquals(type, first.type());
    assertEquals(principal, first.principal());
    assertEquals(conditional, !first.conditions().isEmpty(), first.toString());
  }

  @Test
  void aServiceRoleSaysSoAndRoleLastUsedDecidesItsActivity() {
    assertEquals(
        "IAM role; service role, trust admits AWS service ec2.amazonaws.com",
        named("ci-service").kindEvidence());
    assertEquals(Activity.State.NEVER_USED, named("never-used").lastActivity().state());
    assertEquals(Activity.State.UNKNOWN, named("old-untracked").lastActivity().state());
  }

  @Test
  void aManagedPolicyThatDoesNotParseIsOneGapPerPrincipalHoldingIt(@TempDir Path temp)
      throws java.io.IOException {
    Path dir = TestAccounts.copy(ACCOUNT, temp);
    Path dump = dir.resolve("get-account-authorization-details.json");
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(dump.toFile());
    for (var policy : root.withArray("Policies")) {
      if (policy.path("PolicyName").asText().equals("AdministratorAccess")) {
        ((com.fasterxml.jackson.databind.node.ObjectNode)
                policy.get("PolicyVersionList").get(0).get("Document").get("Statement").get(0))
            .put("Effect", "Permit");
      }
    }
    json.writeValue(dump.toFile(), root);
    SourceResult partial = new AwsSnapshotReader().read(dir, TestAccounts.OBSERVED_AT);
    assertEquals(PullStatus.PARTIAL, partial.pull().status());
    List<String> gaps =
        partial.pull().errors().stream().filter(e -> e.startsWith("role chain-admin:")).toList();
    // The role's policies are gathered for its own grants, for the reach of others and for the
    // compute takeovers: the gap is still said once.
    assertEquals(1, gaps.size(), partial.pull().errors().toString());
    assertTrue(gaps.get(0).contains("managed policy AdministratorAccess"), gaps.get(0));
  }

  @Test
  void aTrustPolicyThatDoesNotParseKeepsTheRoleAndMakesThePullPartial(@TempDir Path temp) {
    Path dir = TestAccounts.copy(ACCOUNT, temp);
    TestAccounts.edit(
        dir.resolve("get-account-authorization-details.json"),
        "\"Service\": \"ec2.amazonaws.com\"",
        "\"Service\": 7");
    SourceResult partial = new AwsSnapshotReader().read(dir, TestAccounts.OBSERVED_AT);
    assertEquals(PullStatus.PARTIAL, partial.pull().status());
    String gap = partial.pull().errors().get(0);
    assertTrue(gap.contains("get-account-authorization-details.json"), gap);
    assertTrue(gap.startsWith("role ci-service: trust policy not evaluated"), gap);
    assertTrue(gap.contains("AssumeRolePolicyDocument"), gap);
    Account role = TestAccounts.named(partial.accounts(), "ci-service");
    assertTrue(role.assumers().isEmpty());
    assertTrue(role.kindEvidence().contains("could not be read"), role.kindEvidence());
    assertEquals(RESULT.accounts().size(), partial.accounts().size());
  }
}
