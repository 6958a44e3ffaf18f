package dev.rollcall.connectors.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.Account;
import dev.rollcall.model.Grant;
import dev.rollcall.model.PrivilegeLevel;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.SourceResult;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A hand-made dump in the documented GetAccountAuthorizationDetails shape (account 777788889999,
 * boto3 and epoch timestamps), read through the real snapshot reader: for every catalogue method a
 * user who holds its actions in one inline policy, and near misses: one whose group denies one of
 * them, one whose Allow has a date condition that has passed, one whose Allow names an unrelated
 * resource, and one outside an s3-only permissions boundary. Its roles are what the compute
 * takeovers gain: lambda-admin (trust URL-encoded, lambda, attached AdministratorAccess),
 * compute-admin (ec2, cloudformation, glue, sagemaker; inline Allow * on *) and lambda-logs
 * (lambda, logs only: never worth taking over).
 */
class EscalationDumpTest {
  private static final SourceResult RESULT =
      new AwsSnapshotReader().read(TestAccounts.dir("777788889999"), TestAccounts.OBSERVED_AT);

  static Stream<EscalationCatalogue.Method> methods() {
    return EscalationCatalogue.methods().stream();
  }

  private static Account user(String name) {
    return TestAccounts.named(RESULT.accounts(), name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("methods")
  void theUserWhoHoldsTheActionsCanEscalate(EscalationCatalogue.Method method) {
    assertEquals(PullStatus.COMPLETE, RESULT.pull().status());
    Account flagged = user(method.id() + "-flagged");
    Grant grant = flagged.grants().get(0);
    assertEquals(PrivilegeLevel.PRIVILEGE_ESCALATION, grant.level(), grant.toString());
    assertNotNull(grant.method(), grant.toString());
    assertTrue(
        grant.statements().stream().anyMatch(s -> s.contains("Statement[0] Sid=Escalate")),
        grant.toString());
    assertNotNull(flagged.created(), "boto3's CreateDate is read");
  }

  private static Stream<EscalationCatalogue.Method> takeovers() {
    return methods().filter(m -> m.runsAs().isPresent());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("takeovers")
  void aTakeoverNamesTheRoleItsComputeRunsAs(EscalationCatalogue.Method method) {
    Grant grant = user(method.id() + "-flagged").grants().get(0);
    String role =
        method.runsAs().get().equals("lambda.amazonaws.com") ? "lambda-admin" : "compute-admin";
    assertTrue(
        grant.statements().stream()
            .anyMatch(
                s ->
                    s.startsWith("runs as role arn:aws:iam::777788889999:role/" + role)
                        && s.contains(method.runsAs().get())
                        && s.endsWith("admin)")),
        grant.toString());
    assertFalse(
        grant.statements().stream().anyMatch(s -> s.contains("lambda-logs")), grant.toString());
  }

  @Test
  void withNoRoleTheServiceMayAssumeNoTakeoverEscalates(@TempDir Path temp) {
    Path dir = TestAccounts.copy("777788889999", temp);
    TestAccounts.edit(
        dir.resolve("get-account-authorization-details.json"), ".amazonaws.com", ".example.com");
    assertOnlyTakeoversMissed(new AwsSnapshotReader().read(dir, TestAccounts.OBSERVED_AT));
  }

  @Test
  void withRolesThatHoldNoMoreThanTheUserNoTakeoverEscalates(@TempDir Path temp) {
    Path dir = TestAccounts.copy("777788889999", temp);
    Path file = dir.resolve("get-account-authorization-details.json");
    // lambda-admin becomes read-only by name, compute-admin reads one action; lambda-logs writes.
    TestAccounts.edit(file, "AdministratorAccess", "ReadOnlyAccess");
    TestAccounts.edit(file, "\"Action\": \"*\"", "\"Action\": \"s3:GetObject\"");
    assertOnlyTakeoversMissed(new AwsSnapshotReader().read(dir, TestAccounts.OBSERVED_AT));
  }

  @Test
  void aTrustPolicyThatDoesNotParseIsAGapAndItsRoleIsLeftOut(@TempDir Path temp) {
    Path dir = TestAccounts.copy("777788889999", temp);
    TestAccounts.edit(
        dir.resolve("get-account-authorization-details.json"),
        "\"AssumeRolePolicyDocument\": \"%7B",
        "\"AssumeRolePolicyDocument\": \"%ZZ");
    SourceResult partial = new AwsSnapshotReader().read(dir, TestAccounts.OBSERVED_AT);
    assertEquals(PullStatus.PARTIAL, partial.pull().status());
    String gap = partial.pull().errors().get(0);
    assertTrue(gap.startsWith("role lambda-admin: trust policy not evaluated"), gap);
    assertTrue(gap.contains("RoleDetailList["), gap);
    // lambda-admin is gone; lambda-logs holds no more than the user: no Lambda takeover.
    Grant lambda =
        TestAccounts.named(partial.accounts(), "lambda-update-code-flagged").grants().get(0);
    assertEquals(PrivilegeLevel.WRITE, lambda.level(), lambda.toString());
  }

  private static void assertOnlyTakeoversMissed(SourceResult result) {
    assertEquals(PullStatus.COMPLETE, result.pull().status());
    methods()
        .forEach(
            method -> {
              Account flagged = TestAccounts.named(result.accounts(), method.id() + "-flagged");
              boolean escalates =
                  flagged.grants().stream()
                      .anyMatch(g -> g.level().atLeast(PrivilegeLevel.PRIVILEGE_ESCALATION));
              assertEquals(method.runsAs().isEmpty(), escalates, method + " " + flagged.grants());
            });
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> nearMisses() {
    return methods()
        .flatMap(
            m ->
                Stream.of("expired", "elsewhere", "bounded")
                    .map(kind -> org.junit.jupiter.params.provider.Arguments.of(m, kind)));
  }

  /**
   * The same actions, read through the real reader: under a date condition that has passed, on a
   * resource no method needs, and outside an s3-only permissions boundary.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("nearMisses")
  void aNearMissDoesNotEscalate(EscalationCatalogue.Method method, String kind) {
    Account missed = user(method.id() + "-" + kind);
    assertFalse(
        missed.grants().stream()
            .anyMatch(g -> g.level().atLeast(PrivilegeLevel.PRIVILEGE_ESCALATION)),
        missed.grants().toString());
  }

  @Test
  void aPolicyThatDoesNotParseLeavesTheRestAuditedAndThePullPartial(@TempDir Path temp) {
    Path dir = TestAccounts.copy("777788889999", temp);
    TestAccounts.edit(
        dir.resolve("get-account-authorization-details.json"),
        "\"Effect\": \"Allow\"",
        "\"Effect\": \"Permit\"");
    SourceResult partial = new AwsSnapshotReader().read(dir, TestAccounts.OBSERVED_AT);
    assertEquals(PullStatus.PARTIAL, partial.pull().status());
    String gap =
        partial.pull().errors().stream()
            .filter(e -> e.startsWith("user "))
            .findFirst()
            .orElseThrow();
    assertTrue(gap.contains("get-account-authorization-details.json"), gap);
    assertTrue(
        gap.startsWith(
            "user create-policy-version-flagged: inline policy create-policy-version not"
                + " evaluated"),
        gap);
    assertFalse(gap.contains("Permit"), gap);
    assertEquals(RESULT.accounts().size(), partial.accounts().size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("methods")
  void theNearMissWhoseGroupDeniesOneActionCannot(EscalationCatalogue.Method method) {
    Account denied = user(method.id() + "-denied");
    assertFalse(
        denied.grants().stream()
            .anyMatch(g -> g.level().atLeast(PrivilegeLevel.PRIVILEGE_ESCALATION)),
        denied.grants().toString());
  }
}
