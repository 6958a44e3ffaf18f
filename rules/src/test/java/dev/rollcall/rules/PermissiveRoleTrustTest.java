package dev.rollcall.rules;

import static dev.rollcall.rules.Fixtures.awsRole;
import static dev.rollcall.rules.Fixtures.awsUser;
import static dev.rollcall.rules.Fixtures.trusts;
import static dev.rollcall.rules.Fixtures.unowned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.Account;
import dev.rollcall.model.Grant;
import dev.rollcall.model.PrivilegeLevel;
import dev.rollcall.model.RoleAssumer.Type;
import dev.rollcall.model.Severity;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PermissiveRoleTrustTest {
  private static final PermissiveRoleTrust RULE = new PermissiveRoleTrust();
  private static final Grant ADMIN =
      new Grant(
          "AdministratorAccess",
          "account 111122223333",
          PrivilegeLevel.ADMIN,
          "attached managed policy");

  private static Violation run(Account account) {
    return RuleCheck.run(RULE, new NoSettings(), unowned(account)).orElse(null);
  }

  @Test
  void anyPrincipalOfAnyAccountWithoutConditionsIsCritical() {
    Violation v =
        run(awsRole("open-door", trusts(Type.ANYONE, "*")).grants(List.of(ADMIN)).build());
    assertEquals(Severity.CRITICAL, v.severity());
    assertTrue(v.summary().contains("any principal of any AWS account"), v.summary());
    String evidence = v.evidence().toString();
    assertTrue(evidence.contains("any principal of any AWS account * (trust policy"), evidence);
    assertTrue(evidence.contains("AdministratorAccess (admin"), evidence);
    assertTrue(evidence.contains("kind"), evidence);
    assertTrue(evidence.contains("RoleLastUsed"), evidence);
    assertTrue(
        v.remediation()
            .contains(
                "aws iam update-assume-role-policy --role-name open-door --policy-document"
                    + " file://trust.json"),
        v.remediation());
  }

  @Test
  void ownAccountRootWithoutConditionsIsTheProfilesSeverity() {
    Violation v =
        run(
            awsRole(
                    "ops-hop",
                    trusts(Type.ACCOUNT, "arn:aws:iam::111122223333:root"),
                    trusts(Type.SERVICE, "ec2.amazonaws.com"))
                .build());
    assertNull(v.severity(), "medium, the rule's and the profile's");
    assertEquals(Severity.MEDIUM, RULE.info().severity());
    assertTrue(v.summary().contains("any principal of account 111122223333"), v.summary());
    String evidence = v.evidence().toString();
    assertTrue(evidence.contains("arn:aws:iam::111122223333:root"), evidence);
    assertFalse(evidence.contains("ec2.amazonaws.com"), "only the permissive lines: " + evidence);
    assertTrue(evidence.contains("highest grant, value=none"), evidence);
  }

  @Test
  void ownAccountNamedByItsBareIdCounts() {
    assertNotNull(run(awsRole("bare", trusts(Type.ACCOUNT, "111122223333")).build()));
  }

  static Stream<Arguments> nearMisses() {
    return Stream.of(
        Arguments.of(
            "own account with a condition",
            awsRole(
                    "guarded",
                    trusts(
                        Type.ACCOUNT,
                        "arn:aws:iam::111122223333:root",
                        "ArnEquals aws:PrincipalArn arn:aws:iam::111122223333:role/ci"))
                .build()),
        Arguments.of(
            "anyone with a condition",
            awsRole(
                    "org-only",
                    trusts(Type.ANYONE, "*", "StringEquals aws:PrincipalOrgID o-abc123"))
                .build()),
        Arguments.of(
            "another account",
            awsRole("vendor", trusts(Type.ACCOUNT, "arn:aws:iam::999988887777:root")).build()),
        Arguments.of(
            "a service",
            awsRole("ecs-task", trusts(Type.SERVICE, "ecs-tasks.amazonaws.com")).build()),
        Arguments.of(
            "a SAML provider",
            awsRole(
                    "sso",
                    trusts(Type.SAML_PROVIDER, "arn:aws:iam::111122223333:saml-provider/Okta"))
                .build()),
        Arguments.of(
            "not a role, though something claims anyone may assume it",
            awsUser("svc").assumers(List.of(trusts(Type.ANYONE, "*"))).build()),
        Arguments.of(
            "a deleted role",
            awsRole("gone", trusts(Type.ANYONE, "*"))
                .status(dev.rollcall.model.AccountStatus.DELETED)
                .build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nearMisses")
  void nearMissesAreNotFlagged(String name, Account account) {
    assertNull(run(account), name);
  }
}
