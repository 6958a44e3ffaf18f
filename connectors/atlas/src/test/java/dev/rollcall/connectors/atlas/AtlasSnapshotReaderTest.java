package dev.rollcall.connectors.atlas;

import static dev.rollcall.connectors.atlas.TestOrg.ANALYTICS;
import static dev.rollcall.connectors.atlas.TestOrg.OBSERVED_AT;
import static dev.rollcall.connectors.atlas.TestOrg.ORG_ID;
import static dev.rollcall.connectors.atlas.TestOrg.PAYMENTS;
import static dev.rollcall.connectors.atlas.TestOrg.edit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.model.Account;
import dev.rollcall.model.AccountStatus;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.SourceResult;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.TenantSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtlasSnapshotReaderTest {
  private static final AtlasSnapshotReader READER = new AtlasSnapshotReader();

  @TempDir Path temp;

  private static SourceResult read(Path dir) {
    return READER.read(dir, OBSERVED_AT);
  }

  private static String failure(Path dir) {
    return assertThrows(SnapshotException.class, () -> read(dir)).getMessage();
  }

  private static void assertMentions(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
    }
  }

  @Test
  void readsTheSavedOrganisationAsACompletePull() {
    SourceResult result = read(TestOrg.dir());
    assertEquals("atlas", READER.folder());
    assertEquals(
        new SourcePull(
            "atlas/" + ORG_ID,
            SourceSystem.ATLAS_ORG,
            ORG_ID,
            PullStatus.COMPLETE,
            21,
            List.of(),
            OBSERVED_AT),
        result.pull());
    assertEquals(21, result.accounts().size());
    assertEquals(List.of(), result.people());
    assertEquals(
        new TenantSettings(SourceSystem.ATLAS_ORG, ORG_ID, null, false), result.settings());
    assertEquals(
        5,
        result.accounts().stream().filter(a -> a.key().system() == SourceSystem.ATLAS_ORG).count());
  }

  @Test
  void settingsRequiringMfaAreReportedAsTheTenantSetting() {
    Path dir = TestOrg.copy(temp);
    edit(
        dir.resolve("settings.json"),
        "\"multiFactorAuthRequired\": false",
        "\"multiFactorAuthRequired\": true");
    assertEquals(Boolean.TRUE, read(dir).settings().mfaRequired());
  }

  @Test
  void settingsAndOrganisationAreOptional() throws IOException {
    Path dir = TestOrg.copy(temp);
    Files.delete(dir.resolve("settings.json"));
    Files.delete(dir.resolve("organization.json"));
    SourceResult result = read(dir);
    assertEquals(PullStatus.COMPLETE, result.pull().status());
    assertNull(result.settings().mfaRequired());
    assertNull(result.accounts().get(0).tag("atlas.organisation"));
  }

  @Test
  void projectsAreOptional() throws IOException {
    Path dir = TestOrg.copy(temp);
    Files.delete(dir.resolve("groups.json"));
    SourceResult result = read(dir);
    assertEquals(PullStatus.COMPLETE, result.pull().status());
    assertEquals(21, result.accounts().size());
    assertTrue(result.accounts().stream().allMatch(a -> a.tag("atlas.project") == null));
  }

  @Test
  void aMissingUsersPageMakesThePullPartial() throws IOException {
    Path dir = TestOrg.copy(temp);
    Files.delete(dir.resolve("users/page-2.json"));
    SourceResult result = read(dir);
    assertEquals(PullStatus.PARTIAL, result.pull().status());
    assertEquals(List.of("users: 3 of 5 results in the snapshot"), result.pull().errors());
    assertEquals(19, result.accounts().size());
    assertEquals(19, result.pull().accounts());
  }

  @Test
  void fewerDatabaseUsersThanTotalCountMakesThePullPartial() {
    Path dir = TestOrg.copy(temp);
    edit(
        dir.resolve("groups/" + ANALYTICS + "/databaseUsers.json"),
        "\"totalCount\": 9",
        "\"totalCount\": 12");
    SourceResult result = read(dir);
    assertEquals(PullStatus.PARTIAL, result.pull().status());
    assertEquals(
        List.of("groups/" + ANALYTICS + "/databaseUsers: 9 of 12 results in the snapshot"),
        result.pull().errors());
  }

  @Test
  void aListedProjectWithoutDatabaseUsersMakesThePullPartial() throws IOException {
    Path dir = TestOrg.copy(temp);
    Files.delete(dir.resolve("groups/" + ANALYTICS + "/databaseUsers.json"));
    SourceResult result = read(dir);
    assertEquals(PullStatus.PARTIAL, result.pull().status());
    assertEquals(
        List.of(
            "groups/"
                + ANALYTICS
                + "/databaseUsers: project 'analytics-dev' is listed but its database users are"
                + " not in the snapshot"),
        result.pull().errors());
    assertEquals(12, result.accounts().size());
  }

  @Test
  void invalidJsonNamesTheFileAndLine() throws IOException {
    Path dir = TestOrg.copy(temp);
    Files.writeString(
        dir.resolve("users/page-2.json"),
        "{\n  \"links\": [],\n  \"results\": [ {\"id\": } ]\n}\n");
    assertMentions(failure(dir), "page-2.json", "not valid JSON", "line 3");
  }

  @Test
  void aUserWithoutUsernameNamesTheFileRecordAndField() {
    Path dir = TestOrg.copy(temp);
    edit(
        dir.resolve("users/page-1.json"),
        ",\n      \"username\": \"alan.turing@example.test\"",
        "");
    assertMentions(
        failure(dir), Path.of("users", "page-1.json").toString(), "results[2]: ", "'username'");
  }

  @Test
  void resultsThatAreNotAnArrayFail() throws IOException {
    Path dir = TestOrg.copy(temp);
    Files.writeString(
        dir.resolve("groups.json"),
        "{\"links\": [], \"results\": {\"id\": \"" + PAYMENTS + "\"}, \"totalCount\": 1}");
    assertMentions(failure(dir), "groups.json", "'results'", "not an array");
  }

  @Test
  void aMissingUsersListingFailsNamingTheFolderAndTheExpectedFiles() throws IOException {
    Path dir = TestOrg.copy(temp);
    Files.delete(dir.resolve("users/page-1.json"));
    Files.delete(dir.resolve("users/page-2.json"));
    Files.delete(dir.resolve("users"));
    assertMentions(failure(dir), dir.toString(), "users.json", "users/");
  }

  @Test
  void aFolderNotNamedForAnOrganisationIdFails() {
    assertMentions(failure(TestOrg.copy(temp, "acme-corp")), "acme-corp", "24");
    assertMentions(failure(TestOrg.copy(temp, ORG_ID.toUpperCase())), "organisation id");
  }

  @Test
  void aProjectFolderNotNamedForAProjectIdFails() throws IOException {
    Path dir = TestOrg.copy(temp);
    Files.createDirectories(dir.resolve("groups/old-exports"));
    assertMentions(failure(dir), "old-exports", "project id");
  }

  @Test
  void aTotalCountThatIsNotACountFails() {
    Path dir = TestOrg.copy(temp);
    edit(dir.resolve("groups.json"), "\"totalCount\": 2", "\"totalCount\": \"two\"");
    assertMentions(failure(dir), "groups.json", "'totalCount'");
  }

  @Test
  void usersInTheOldApiShapeFailWithTheVersionToAskFor() {
    Path dir = TestOrg.copy(temp);
    edit(
        dir.resolve("users/page-2.json"),
        "\"roles\": {\n        \"groupRoleAssignments\": [\n          {\n"
            + "            \"groupId\": \"6500aa11bb22cc33dd44ee01\",\n"
            + "            \"groupRoles\": [\"GROUP_READ_ONLY\"]\n          }\n        ],\n"
            + "        \"orgRoles\": [\"ORG_MEMBER\"]\n      }",
        "\"roles\": [{\"orgId\": \"" + ORG_ID + "\", \"roleName\": \"ORG_MEMBER\"}]");
    assertMentions(failure(dir), "page-2.json", "results[1]: ", "'roles'", "2025-02-19");
  }

  @Test
  void anUnknownMembershipStatusFails() {
    Path dir = TestOrg.copy(temp);
    edit(dir.resolve("users/page-2.json"), "\"PENDING\"", "\"LIMBO\"");
    String message = failure(dir);
    assertMentions(message, "page-2.json", "results[1]", "'orgMembershipStatus'", "ACTIVE");
    assertFalse(message.contains("LIMBO"), message);
  }

  @Test
  void aLapsedInvitationIsKeptButGrantsNothing() {
    Path dir = TestOrg.copy(temp);
    edit(dir.resolve("users/page-2.json"), "\"PENDING\"", "\"INVITATION_EXPIRED\"");
    Account invitee = read(dir).accounts().get(4);
    assertEquals("new.contractor@partner.example", invitee.name());
    assertEquals(AccountStatus.SUSPENDED, invitee.status());
    assertFalse(invitee.status().grantsAccess());
    assertFalse(invitee.hasInteractiveLogin());
  }

  @Test
  void aMalformedLastAuthNamesTheField() {
    Path dir = TestOrg.copy(temp);
    edit(dir.resolve("users/page-1.json"), "\"2026-11-19T17:42:10Z\"", "\"yesterday\"");
    assertMentions(failure(dir), "page-1.json", "results[0]: ", "'lastAuth'");
    assertFalse(failure(dir).contains("yesterday"));
  }

  @Test
  void aDatabaseUserFiledUnderAnotherProjectFails() {
    Path dir = TestOrg.copy(temp);
    Path file = dir.resolve("groups/" + ANALYTICS + "/databaseUsers.json");
    edit(
        file,
        "\"groupId\": \"6500aa11bb22cc33dd44ee02\",\n      \"labels\": [],\n      \"ldapAuthType\": \"GROUP\"",
        "\"groupId\": \"6500aa11bb22cc33dd44ee01\",\n      \"labels\": [],\n      \"ldapAuthType\": \"GROUP\"");
    String message = failure(dir);
    assertMentions(message, "databaseUsers.json", "results[0]", "'groupId'", "whose folder holds");
    assertFalse(message.contains(PAYMENTS), message);
  }

  @Test
  void twoAuthMethodsAtOnceFail() {
    Path dir = TestOrg.copy(temp);
    edit(
        dir.resolve("groups/" + ANALYTICS + "/databaseUsers.json"),
        "\"username\": \"uid=mlee,ou=people,dc=example,dc=test\",\n      \"x509Type\": \"NONE\"",
        "\"username\": \"uid=mlee,ou=people,dc=example,dc=test\",\n      \"x509Type\": \"CUSTOMER\"");
    assertMentions(failure(dir), "results[1]: ", "'ldapAuthType' and 'x509Type'");
  }

  @Test
  void aLabelWithoutValueNamesTheLabel() {
    Path dir = TestOrg.copy(temp);
    edit(
        dir.resolve("groups/" + PAYMENTS + "/databaseUsers/page-1.json"),
        "{ \"key\": \"team\", \"value\": \"payments\" }",
        "{ \"key\": \"team\" }");
    assertMentions(failure(dir), "page-1.json", "results[0] labels[1]", "'value'");
  }

  @Test
  void databaseUserAccountsCarryTheirProjectName() {
    List<Account> accounts = read(TestOrg.dir()).accounts();
    assertEquals(
        "payments-prod",
        accounts.stream()
            .filter(a -> a.key().tenant().equals(PAYMENTS))
            .findFirst()
            .orElseThrow()
            .tag("atlas.project"));
  }
}
