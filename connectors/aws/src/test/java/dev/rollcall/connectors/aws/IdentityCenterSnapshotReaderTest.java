package dev.rollcall.connectors.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.model.Account;
import dev.rollcall.model.AccountStatus;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Grant;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.PrivilegeLevel;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.SourceResult;
import dev.rollcall.model.SourceSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Identity Center snapshots in the shapes the identitystore and sso-admin APIs return. */
class IdentityCenterSnapshotReaderTest {
  private static final Instant NOW = Instant.parse("2026-11-20T06:00:00Z");
  private static final String ARN = "arn:aws:sso:::permissionSet/ssoins-7223a1b2c3d4e5f6/";

  @TempDir Path root;
  private Path dir;

  @BeforeEach
  void organisation() throws IOException {
    dir = root.resolve("d-9067abcdef");
    write(
        "list-users/page-0001.json",
        """
        {"Users": [
          {"IdentityStoreId": "d-9067abcdef", "UserId": "u-ana", "UserName": "ana@example.test",
           "DisplayName": "Ana Ortiz", "Name": {"GivenName": "Ana", "FamilyName": "Ortiz"},
           "Emails": [{"Value": "ana@example.test", "Type": "work", "Primary": true}]},
          {"IdentityStoreId": "d-9067abcdef", "UserId": "u-ben", "UserName": "ben",
           "Emails": [{"Value": "ben@example.test", "Primary": true},
                      {"Value": "ben.b@example.test", "Primary": false}]}
        ], "NextToken": "t1"}
        """);
    write(
        "list-users/page-0002.json",
        """
        {"Users": [{"IdentityStoreId": "d-9067abcdef", "UserId": "u-cy", "UserName": "cy",
                    "UserStatus": "DISABLED", "Emails": []}]}
        """);
    write(
        "list-groups/page-0001.json",
        """
        {"Groups": [{"GroupId": "g-ops", "DisplayName": "ops", "IdentityStoreId": "d-9067abcdef"}]}
        """);
    write(
        "list-group-memberships/g-ops/page-0001.json",
        """
        {"GroupMemberships": [{"IdentityStoreId": "d-9067abcdef", "MembershipId": "m1",
          "GroupId": "g-ops", "MemberId": {"UserId": "u-ana"}}]}
        """);
    permissionSet(
        "ps-admin",
        "AdministratorAccess",
        "[{\"Name\": \"AdministratorAccess\","
            + " \"Arn\": \"arn:aws:iam::aws:policy/AdministratorAccess\"}]",
        "[]",
        "");
    permissionSet(
        "ps-custom", "DataTeam", "[]", "[{\"Name\": \"data-lake-rw\", \"Path\": \"/\"}]", "");
    permissionSet(
        "ps-inline",
        "KeyMinter",
        "[]",
        "[]",
        "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\","
            + "\\\"Action\\\":\\\"iam:CreateAccessKey\\\",\\\"Resource\\\":\\\"*\\\"}]}");
    assignment("g-ops", "111122223333", "ps-admin", "GROUP");
    assignment("u-ben", "444455556666", "ps-custom", "USER");
    assignment("u-ben", "111122223333", "ps-inline", "USER");
  }

  @Test
  void usersCarryGrantsThroughGroupsAndDirectAssignments() {
    SourceResult result = new IdentityCenterSnapshotReader().read(dir, NOW);
    assertEquals(3, result.accounts().size());
    assertEquals("aws-identity-center/d-9067abcdef", result.pull().source());

    Account ana = account(result, "ana@example.test");
    assertEquals(SourceSystem.AWS_IDENTITY_CENTER, ana.key().system());
    assertEquals("u-ana", ana.key().nativeId());
    assertEquals("Ana Ortiz", ana.displayName());
    Grant admin = ana.grants().get(0);
    assertEquals(PrivilegeLevel.ADMIN, admin.level());
    assertEquals("111122223333", admin.scope());
    assertTrue(admin.via().contains("through group ops"), admin.via());

    Account ben = account(result, "ben");
    assertEquals(List.of("ben@example.test", "ben.b@example.test"), ben.emails());
    assertEquals(2, ben.grants().size());
    Grant custom = grant(ben, "DataTeam");
    assertEquals(PrivilegeLevel.WRITE, custom.level());
    assertTrue(custom.via().contains("data-lake-rw"), custom.via());
    assertEquals(PrivilegeLevel.PRIVILEGE_ESCALATION, grant(ben, "KeyMinter").level());
  }

  @Test
  void signInAndMfaAreUnknownNeverAbsent() {
    for (Account account : new IdentityCenterSnapshotReader().read(dir, NOW).accounts()) {
      assertEquals(Activity.State.UNKNOWN, account.lastActivity().state(), account.name());
      assertEquals(Mfa.State.UNKNOWN, account.mfa().state(), account.name());
    }
  }

  @Test
  void aDisabledUserGrantsNoAccess() {
    Account cy = account(new IdentityCenterSnapshotReader().read(dir, NOW), "cy");
    assertEquals(AccountStatus.SUSPENDED, cy.status());
    assertFalse(cy.status().grantsAccess());
    assertTrue(cy.grants().isEmpty());
  }

  @Test
  void anAssignmentToAnUndescribedPermissionSetNamesTheFile() throws IOException {
    assignment("u-ben", "111122223333", "ps-gone", "USER");
    SnapshotException e =
        assertThrows(
            SnapshotException.class, () -> new IdentityCenterSnapshotReader().read(dir, NOW));
    assertTrue(e.getMessage().contains("list-account-assignments-for-principal"), e.getMessage());
    assertTrue(e.getMessage().contains("ps-gone"), e.getMessage());
  }

  @Test
  void aGroupIdThatIsAPathIsRefusedUnread() throws IOException {
    write(
        "list-groups/page-0001.json",
        """
        {"Groups": [{"GroupId": "../../../elsewhere", "DisplayName": "ops"}]}
        """);
    SnapshotException e =
        assertThrows(
            SnapshotException.class, () -> new IdentityCenterSnapshotReader().read(dir, NOW));
    assertTrue(
        e.getMessage().endsWith("Groups[0]: field 'GroupId' is not an identity store id"),
        e.getMessage());
    assertFalse(e.getMessage().contains("elsewhere"), e.getMessage());
  }

  @Test
  void aFolderWithoutUsersIsRejected() throws IOException {
    Path empty = Files.createDirectories(root.resolve("d-empty"));
    SnapshotException e =
        assertThrows(
            SnapshotException.class, () -> new IdentityCenterSnapshotReader().read(empty, NOW));
    assertTrue(e.getMessage().contains("list-users"), e.getMessage());
  }

  @Test
  void anInlinePolicyThatDoesNotParseIsAGapAndTheRestIsStillRead() throws IOException {
    permissionSet(
        "ps-inline",
        "KeyMinter",
        "[]",
        "[]",
        "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Permit\\\","
            + "\\\"Action\\\":\\\"iam:CreateAccessKey\\\",\\\"Resource\\\":\\\"*\\\"}]}");
    SourceResult result = new IdentityCenterSnapshotReader().read(dir, NOW);
    assertEquals(PullStatus.PARTIAL, result.pull().status());
    String gap = result.pull().errors().get(0);
    assertTrue(gap.contains("permission set KeyMinter"), gap);
    assertTrue(gap.contains("get-inline-policy-for-permission-set"), gap);
    assertTrue(gap.contains("Effect"), gap);
    assertEquals(3, result.accounts().size());
    Grant minter = grant(account(result, "ben"), "KeyMinter");
    assertTrue(minter.via().contains("inline policy not evaluated"), minter.via());
    assertEquals(PrivilegeLevel.ADMIN, account(result, "ana@example.test").grants().get(0).level());
  }

  private void permissionSet(String id, String name, String managed, String customer, String inline)
      throws IOException {
    write(
        "describe-permission-set/" + id + ".json",
        "{\"PermissionSet\": {\"Name\": \""
            + name
            + "\", \"PermissionSetArn\": \""
            + ARN
            + id
            + "\", \"SessionDuration\": \"PT1H\"}}");
    write(
        "list-managed-policies-in-permission-set/" + id + "/page-0001.json",
        "{\"AttachedManagedPolicies\": " + managed + "}");
    write(
        "list-customer-managed-policy-references-in-permission-set/" + id + "/page-0001.json",
        "{\"CustomerManagedPolicyReferences\": " + customer + "}");
    write(
        "get-inline-policy-for-permission-set/" + id + ".json",
        "{\"InlinePolicy\": \"" + inline + "\"}");
  }

  private void assignment(String principal, String account, String set, String type)
      throws IOException {
    Path file =
        dir.resolve("list-account-assignments-for-principal")
            .resolve(principal)
            .resolve("page-" + set + ".json");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "{\"AccountAssignments\": [{\"AccountId\": \""
            + account
            + "\", \"PermissionSetArn\": \""
            + ARN
            + set
            + "\", \"PrincipalType\": \""
            + type
            + "\", \"PrincipalId\": \""
            + principal
            + "\"}]}");
  }

  private void write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static Account account(SourceResult result, String name) {
    return result.accounts().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
  }

  private static Grant grant(Account account, String name) {
    return account.grants().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
  }
}
