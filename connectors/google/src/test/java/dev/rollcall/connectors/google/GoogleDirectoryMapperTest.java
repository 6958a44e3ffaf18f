package dev.rollcall.connectors.google;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.TenantFolder;
import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountStatus;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Credential;
import dev.rollcall.model.CredentialType;
import dev.rollcall.model.Grant;
import dev.rollcall.model.Identity;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.MfaFactor;
import dev.rollcall.model.MfaFactorType;
import dev.rollcall.model.PersonStatus;
import dev.rollcall.model.PrivilegeLevel;
import dev.rollcall.model.SourceSystem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoogleDirectoryMapperTest {
  private static final String DOMAIN = Resources.DOMAIN;
  private static final Instant OBSERVED = Instant.parse("2026-11-20T06:00:00Z");

  private static final GoogleDirectory DIRECTORY =
      GoogleDirectoryMapper.map(
          GoogleSnapshotReader.pages(TenantFolder.of(Resources.tenant())), OBSERVED);

  private static Account account(String email) {
    return DIRECTORY.accounts().stream()
        .filter(a -> a.name().equals(email))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no account " + email));
  }

  private static Identity person(String email) {
    return DIRECTORY.people().stream()
        .filter(p -> p.personId().equals(email))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no person " + email));
  }

  private static String email(String localPart) {
    return localPart + "@" + DOMAIN;
  }

  @Test
  void oneAccountAndOnePersonPerUserAcrossBothPagesInPageOrder() {
    List<String> expected =
        List.of(
            email("ana.ruiz"),
            email("ben.okafor"),
            email("chloe.martin"),
            email("dmitri.volkov"),
            email("elena.park"),
            email("frank.osei"),
            email("svc-ehr-sync"),
            email("gina.rossi"),
            email("breakglass-admin"));
    assertEquals(expected, DIRECTORY.accounts().stream().map(Account::name).toList());
    assertEquals(expected, DIRECTORY.people().stream().map(Identity::personId).toList());
    assertTrue(DIRECTORY.accounts().stream().allMatch(a -> a.observedAt().equals(OBSERVED)));
  }

  @Test
  void keyIsTheDomainAndUserIdAndNamesComeFromTheNameObject() {
    Account ana = account(email("ana.ruiz"));
    assertEquals(
        new AccountKey(SourceSystem.GOOGLE_WORKSPACE, DOMAIN, "108411202133975310234"), ana.key());
    assertEquals("Ana Ruiz", ana.displayName());
    assertEquals(Instant.parse("2021-03-02T09:15:44Z"), ana.created());
    // no fullName: given and family name joined
    assertEquals("EHR Sync", account(email("svc-ehr-sync")).displayName());
  }

  @Test
  void emailsArePrimaryThenEmailsThenAliasesThenNonEditableAliasesWithoutRepeats() {
    List<String> expected =
        List.of(
            "ana.ruiz@example-health.test",
            "ana.ruiz@examplehealth-clinic.test",
            "ana.ruiz@example-health.test.test-google-a.com",
            "a.ruiz@example-health.test");
    assertEquals(expected, account(email("ana.ruiz")).emails());
    assertEquals(expected, person(email("ana.ruiz")).emails());
    assertEquals(
        List.of(email("ben.okafor"), "ben.okafor@example-health.test.test-google-a.com"),
        account(email("ben.okafor")).emails());
  }

  @Test
  void lastLoginTimeIsTheLastUseAndOfThePassword() {
    Account ana = account(email("ana.ruiz"));
    Instant login = Instant.parse("2026-11-19T16:42:07Z");
    assertEquals(Activity.usedAt(login, "Google lastLoginTime"), ana.lastActivity());
    assertEquals(
        List.of(
            new Credential(
                CredentialType.CONSOLE_PASSWORD,
                "Google account password",
                true,
                Instant.parse("2021-03-02T09:15:44Z"),
                login,
                Activity.State.USED)),
        ana.credentials());
  }

  @Test
  void lastLoginTimeAtTheEpochMeansNeverSignedIn() {
    for (String user : List.of("svc-ehr-sync", "breakglass-admin")) {
      Account account = account(email(user));
      assertEquals(
          Activity.neverUsed("Google lastLoginTime is 1970-01-01: never signed in"),
          account.lastActivity());
      Credential password = account.credentials().get(0);
      assertEquals(Activity.State.NEVER_USED, password.usage());
      assertNull(password.lastUsed());
    }
  }

  @Test
  void suspendedUserIsSuspendedAndHasLeft() {
    Account dmitri = account(email("dmitri.volkov"));
    assertEquals(AccountStatus.SUSPENDED, dmitri.status());
    assertFalse(dmitri.hasInteractiveLogin());
    assertEquals(Map.of("orgUnitPath", "/Finance", "suspensionReason", "ADMIN"), dmitri.tags());
    Identity person = person(email("dmitri.volkov"));
    assertEquals(PersonStatus.LEFT, person.status());
    assertEquals("Google Workspace: suspended (ADMIN)", person.statusEvidence());
    assertNull(person.leftAt());
  }

  @Test
  void archivedUserIsArchivedAndHasLeft() {
    Account elena = account(email("elena.park"));
    assertEquals(AccountStatus.ARCHIVED, elena.status());
    assertFalse(elena.hasInteractiveLogin());
    Identity person = person(email("elena.park"));
    assertEquals(PersonStatus.LEFT, person.status());
    assertEquals("Google Workspace: archived", person.statusEvidence());
    assertNull(person.leftAt());
  }

  @Test
  void deletedUserIsDeletedAndLeftAtItsDeletionTime() {
    Account frank = account(email("frank.osei"));
    assertEquals(AccountStatus.DELETED, frank.status());
    assertFalse(frank.hasInteractiveLogin());
    Identity person = person(email("frank.osei"));
    assertEquals(PersonStatus.LEFT, person.status());
    assertEquals("Google Workspace: deleted", person.statusEvidence());
    assertEquals(Instant.parse("2026-10-02T14:30:12Z"), person.leftAt());
  }

  @Test
  void activeUserIsAnActivePersonFromItsAccount() {
    Account ana = account(email("ana.ruiz"));
    assertEquals(AccountStatus.ACTIVE, ana.status());
    assertTrue(ana.hasInteractiveLogin());
    assertEquals(
        new Identity(
            "ana.ruiz@example-health.test",
            "Ana Ruiz",
            "Ana",
            "Ruiz",
            ana.emails(),
            PersonStatus.ACTIVE,
            "Google Workspace: active",
            null,
            ana.key()),
        person(email("ana.ruiz")));
    assertEquals(Map.of("orgUnitPath", "/IT"), ana.tags());
  }

  @Test
  void twoStepVerificationEnrolledNotEnrolledOrNotSaid() {
    assertEquals(
        Mfa.enabled(
            List.of(new MfaFactor(MfaFactorType.UNSPECIFIED, null, null)),
            "Google isEnrolledIn2Sv=true, isEnforcedIn2Sv=true"),
        account(email("ana.ruiz")).mfa());
    assertEquals(
        "Google isEnrolledIn2Sv=true, isEnforcedIn2Sv=false",
        account(email("gina.rossi")).mfa().evidence());
    assertEquals(
        Mfa.notEnabled("Google isEnrolledIn2Sv=false"), account(email("ben.okafor")).mfa());
    assertEquals(Mfa.State.UNKNOWN, account(email("chloe.martin")).mfa().state());
  }

  @Test
  void serviceOrgUnitMakesAServiceAccount() {
    Account service = account(email("svc-ehr-sync"));
    assertEquals(AccountKind.SERVICE, service.kind());
    assertEquals("orgUnitPath /Service Accounts", service.kindEvidence());
    Account ana = account(email("ana.ruiz"));
    assertEquals(AccountKind.HUMAN, ana.kind());
    assertEquals("Google Workspace user", ana.kindEvidence());
  }

  @Test
  void superAdminRoleIsFoundByItsFlagAndMergedWithIsAdmin() {
    assertEquals(
        List.of(new Grant("_SEED_ADMIN_ROLE", DOMAIN, PrivilegeLevel.ADMIN, "role assignment")),
        account(email("ana.ruiz")).grants());
  }

  @Test
  void isAdminWithoutARoleAssignmentIsStillSuperAdmin() {
    assertEquals(
        List.of(new Grant("Super Admin", DOMAIN, PrivilegeLevel.ADMIN, "isAdmin")),
        account(email("breakglass-admin")).grants());
  }

  @Test
  void userManagementRoleEscalatesAndReadOnlyRoleReadsWhateverItsName() {
    assertEquals(
        List.of(
            new Grant(
                "_USER_MANAGEMENT_ADMIN_ROLE",
                DOMAIN,
                PrivilegeLevel.PRIVILEGE_ESCALATION,
                "role assignment"),
            new Grant("Super Admin Read Only", DOMAIN, PrivilegeLevel.READ, "role assignment")),
        account(email("ben.okafor")).grants());
  }

  @Test
  void orgUnitAssignmentIsScopedToTheOrgUnit() {
    assertEquals(
        List.of(
            new Grant(
                "Clinic User Support",
                "orgunit:03ph8a2z1xq7v5k",
                PrivilegeLevel.WRITE,
                "role assignment")),
        account(email("chloe.martin")).grants());
  }

  @Test
  void delegatedAdminWhoseRolesAreNotInTheSnapshotGetsAStandIn() {
    // gina's role comes through a group assignment, which the snapshot cannot follow
    assertEquals(
        List.of(
            new Grant(
                "delegated admin (roles not in snapshot)",
                DOMAIN,
                PrivilegeLevel.WRITE,
                "isDelegatedAdmin")),
        account(email("gina.rossi")).grants());
    assertEquals(List.of(), account(email("dmitri.volkov")).grants());
  }

  @Test
  void withoutRolePagesAdminFlagsStillGiveGrants() {
    GoogleDirectory directory =
        GoogleDirectoryMapper.map(
            GoogleSnapshotReader.pages(TenantFolder.of(Resources.tenant("users-only"))), OBSERVED);
    assertEquals(
        List.of(
            List.of(new Grant("Super Admin", DOMAIN, PrivilegeLevel.ADMIN, "isAdmin")),
            List.of(
                new Grant(
                    "delegated admin (roles not in snapshot)",
                    DOMAIN,
                    PrivilegeLevel.WRITE,
                    "isDelegatedAdmin"))),
        directory.accounts().stream().map(Account::grants).toList());
  }

  // Malformed pages, built in memory: the mapper is pure and needs no folder.

  private static final ObjectMapper JSON = new ObjectMapper();

  private static DirectoryPage page(String file, DirectoryListing listing, String json)
      throws Exception {
    return DirectoryPage.of(Path.of(file), JSON.readTree(json), listing);
  }

  private static DirectoryPage oneUser() throws Exception {
    return page(
        "users.json",
        DirectoryListing.USERS,
        """
        {"kind": "admin#directory#users", "users": [
          {"id": "108411202133975310234", "primaryEmail": "ana.ruiz@example-health.test"}]}
        """);
  }

  private static final String ONE_ROLE =
      """
      {"kind": "admin#directory#roles", "items": [
        {"roleId": "9170843628405121", "roleName": "Clinic User Support",
         "rolePrivileges": [{"privilegeName": "USERS_SUSPEND", "serviceId": "00haapch16h1ysv"}]}]}
      """;

  @Test
  void anAssignmentToARoleNotInTheRolesPagesFails() throws Exception {
    GooglePages pages =
        new GooglePages(
            DOMAIN,
            List.of(oneUser()),
            List.of(page("roles.json", DirectoryListing.ROLES, ONE_ROLE)),
            List.of(
                page(
                    "roleAssignments.json",
                    DirectoryListing.ROLE_ASSIGNMENTS,
                    """
                    {"kind": "admin#directory#roleAssignments", "items": [
                      {"roleAssignmentId": "9170843628406009", "roleId": "404",
                       "assignedTo": "108411202133975310234", "scopeType": "CUSTOMER"}]}
                    """)));
    SnapshotException e =
        assertThrows(SnapshotException.class, () -> GoogleDirectoryMapper.map(pages, OBSERVED));
    assertEquals(
        "roleAssignments.json: items[0]: field 'roleId' names no role of the roles.list pages",
        e.getMessage());
  }

  @Test
  void anOrgUnitAssignmentWithoutOrgUnitIdFails() throws Exception {
    GooglePages pages =
        new GooglePages(
            DOMAIN,
            List.of(oneUser()),
            List.of(page("roles.json", DirectoryListing.ROLES, ONE_ROLE)),
            List.of(
                page(
                    "roleAssignments.json",
                    DirectoryListing.ROLE_ASSIGNMENTS,
                    """
                    {"items": [{"roleId": "9170843628405121",
                      "assignedTo": "108411202133975310234", "scopeType": "ORG_UNIT"}]}
                    """)));
    SnapshotException e =
        assertThrows(SnapshotException.class, () -> GoogleDirectoryMapper.map(pages, OBSERVED));
    assertEquals(
        "roleAssignments.json: items[0]: required field 'orgUnitId' is missing or empty",
        e.getMessage());
  }

  @Test
  void aUserIdOnTwoPagesFails() throws Exception {
    GooglePages pages =
        new GooglePages(DOMAIN, List.of(oneUser(), oneUser()), List.of(), List.of());
    SnapshotException e =
        assertThrows(SnapshotException.class, () -> GoogleDirectoryMapper.map(pages, OBSERVED));
    assertTrue(e.getMessage().contains("appears twice"), e.getMessage());
  }

  @Test
  void aUserWithoutIdFailsNamingTheRecordAndField() throws Exception {
    GooglePages pages =
        new GooglePages(
            DOMAIN,
            List.of(
                page(
                    "users.json",
                    DirectoryListing.USERS,
                    """
                    {"users": [{"primaryEmail": "ana.ruiz@example-health.test"}]}
                    """)),
            List.of(),
            List.of());
    SnapshotException e =
        assertThrows(SnapshotException.class, () -> GoogleDirectoryMapper.map(pages, OBSERVED));
    assertEquals("users.json: users[0]: required field 'id' is missing or empty", e.getMessage());
  }

  @Test
  void aPageRecordThatIsNotAnObjectFails() {
    SnapshotException e =
        assertThrows(
            SnapshotException.class,
            () -> page("users.json", DirectoryListing.USERS, "{\"users\": [\"ana\"]}"));
    assertEquals("users.json: users[0]: not a JSON object", e.getMessage());
  }

  @Test
  void anEmptyPageOfTheRightKindHasNoRecords() throws Exception {
    JsonNode empty = JSON.readTree("{\"kind\": \"admin#directory#roleAssignments\"}");
    assertEquals(
        List.of(),
        DirectoryPage.of(Path.of("ra.json"), empty, DirectoryListing.ROLE_ASSIGNMENTS).items());
  }
}
