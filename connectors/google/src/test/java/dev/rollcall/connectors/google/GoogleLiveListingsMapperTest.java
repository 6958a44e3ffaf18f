package dev.rollcall.connectors.google;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.model.Account;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Identity;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.MfaFactorType;
import dev.rollcall.model.SignIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Deleted users, groups and the login audit: what each adds, and what a bad page says. */
class GoogleLiveListingsMapperTest {
  private static final String DOMAIN = Resources.DOMAIN;
  private static final Instant OBSERVED = Instant.parse("2026-11-29T06:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String USERS =
      """
      {"kind": "admin#directory#users", "users": [
        {"id": "1", "primaryEmail": "ana@example-health.test", "isEnrolledIn2Sv": true,
         "lastLoginTime": "2026-11-01T10:00:00.000Z"},
        {"id": "2", "primaryEmail": "ben@example-health.test", "isEnrolledIn2Sv": false}]}
      """;

  private static DirectoryPage page(String file, DirectoryListing listing, String json)
      throws Exception {
    return DirectoryPage.of(Path.of(file), JSON.readTree(json), listing);
  }

  private static GoogleDirectory map(
      List<DirectoryPage> deleted,
      List<DirectoryPage> groups,
      Map<String, List<DirectoryPage>> members,
      List<DirectoryPage> audit)
      throws Exception {
    return GoogleDirectoryMapper.map(
        new GooglePages(
            DOMAIN,
            List.of(page("users.json", DirectoryListing.USERS, USERS)),
            List.of(),
            List.of(),
            deleted,
            groups,
            members,
            audit),
        OBSERVED);
  }

  private static String activity(String time, String email, String event, String methods) {
    return """
        {"id": {"time": "%s", "uniqueQualifier": "q-%s"}, "actor": {"email": "%s"},
         "ipAddress": "192.0.2.1",
         "events": [{"type": "login", "name": "%s",
           "parameters": [{"name": "login_challenge_method", "multiValue": [%s]}]}]}
        """
        .formatted(time, time, email, event, methods);
  }

  private static DirectoryPage audit(String... activities) throws Exception {
    return page(
        "loginActivities.json",
        DirectoryListing.LOGIN_ACTIVITIES,
        "{\"kind\": \"admin#reports#activities\", \"items\": ["
            + String.join(",", activities)
            + "]}");
  }

  @ParameterizedTest
  @CsvSource({
    "security_key, SECURITY_KEY",
    "passkey, PASSKEY",
    "security_key_otp, HARDWARE_TOTP",
    "google_authenticator, VIRTUAL_TOTP",
    "totp, VIRTUAL_TOTP",
    "google_prompt, PUSH",
    "idv_preregistered_phone, SMS",
    "backup_code, UNSPECIFIED",
    "SECURITY_KEY, SECURITY_KEY"
  })
  void aChallengeMethodNamesItsFactor(String method, MfaFactorType type) {
    assertEquals(type, LoginAudit.secondFactor(method));
  }

  @ParameterizedTest
  @CsvSource({"password", "none", "login_location", "knowledge_preregistered_email", "reauth"})
  void aMethodThatIsNotASecondFactorNamesNone(String method) {
    assertNull(LoginAudit.secondFactor(method));
  }

  @Test
  void onlySuccessfulSignInsCount() throws Exception {
    GoogleDirectory directory =
        map(
            List.of(),
            List.of(),
            Map.of(),
            List.of(
                audit(
                    activity(
                        "2026-11-28T10:00:00.000Z",
                        "ben@example-health.test",
                        "login_failure",
                        "\"password\", \"security_key\""))));
    Account ben = directory.accounts().get(1);
    assertEquals(Activity.State.UNKNOWN, ben.lastActivity().state());
    assertEquals(Mfa.State.NOT_ENABLED, ben.mfa().state());
    assertEquals(
        "Google isEnrolledIn2Sv=false; login audit: no successful sign-in", ben.mfa().evidence());
  }

  @Test
  void anEarlierAuditSignInDoesNotHideALaterListedOne() throws Exception {
    GoogleDirectory directory =
        map(
            List.of(),
            List.of(),
            Map.of(),
            List.of(
                audit(
                    activity(
                        "2026-10-30T10:00:00.000Z",
                        "ANA@example-health.test",
                        "login_success",
                        "\"password\", \"sms\""))));
    Account ana = directory.accounts().get(0);
    assertEquals(Instant.parse("2026-11-01T10:00:00Z"), ana.lastActivity().at());
    assertEquals("Google lastLoginTime", ana.lastActivity().evidence());
    assertEquals(MfaFactorType.SMS, ana.mfa().factors().get(0).type());
    assertEquals(
        List.of(new SignIn("192.0.2.1", Instant.parse("2026-10-30T10:00:00Z"))), ana.signIns());
  }

  @Test
  void anActivityWithoutATimeFailsNamingTheRecord() {
    SnapshotException e =
        assertThrows(
            SnapshotException.class,
            () ->
                map(
                    List.of(),
                    List.of(),
                    Map.of(),
                    List.of(
                        audit(
                            "{\"id\": {\"uniqueQualifier\": \"77\"}, \"actor\": {\"email\":"
                                + " \"ana@example-health.test\"}, \"events\": []}"))));
    assertEquals(
        "loginActivities.json: items[0]: required field 'id.time' is missing", e.getMessage());
  }

  @Test
  void aDeletedUserLeavesAPersonWhoLeft() throws Exception {
    GoogleDirectory directory =
        map(
            List.of(
                page(
                    "deletedUsers.json",
                    DirectoryListing.DELETED_USERS,
                    """
                    {"kind": "admin#directory#users", "users": [
                      {"id": "9", "primaryEmail": "cy@example-health.test",
                       "aliases": ["ana@example-health.test", "cyrus@example-health.test"],
                       "deletionTime": "2026-11-27T09:00:00.000Z"}]}
                    """)),
            List.of(),
            Map.of(),
            List.of());
    Identity cy = directory.people().get(2);
    assertEquals("cy@example-health.test", cy.personId());
    assertEquals(Instant.parse("2026-11-27T09:00:00Z"), cy.leftAt());
    // ana@ is a live user's address now: it stays hers alone.
    assertEquals(List.of("cy@example-health.test", "cyrus@example-health.test"), cy.emails());
  }

  @Test
  void aDeletedUserWithoutDeletionTimeFails() {
    SnapshotException e =
        assertThrows(
            SnapshotException.class,
            () ->
                map(
                    List.of(
                        page(
                            "deletedUsers.json",
                            DirectoryListing.DELETED_USERS,
                            "{\"users\": [{\"id\": \"9\", \"primaryEmail\":"
                                + " \"cy@example-health.test\"}]}")),
                    List.of(),
                    Map.of(),
                    List.of()));
    assertTrue(e.getMessage().contains("without 'deletionTime'"), e.getMessage());
  }

  private static final String GROUPS =
      """
      {"kind": "admin#directory#groups", "groups": [
        {"id": "g1", "email": "Team@example-health.test"},
        {"id": "g2", "email": "unlisted@example-health.test"}]}
      """;

  @Test
  void aGroupWithoutMembersPagesHasUnknownMembersAndReachesNobody() throws Exception {
    GoogleDirectory directory =
        map(
            List.of(),
            List.of(page("groups.json", DirectoryListing.GROUPS, GROUPS)),
            Map.of(
                "g1",
                List.of(
                    page(
                        "members/g1.json",
                        DirectoryListing.MEMBERS,
                        """
                        {"kind": "admin#directory#members", "members": [
                          {"email": "ben@example-health.test", "type": "USER"}]}
                        """))),
            List.of());
    assertEquals(2, directory.groups().size());
    assertTrue(directory.groups().get(0).membersKnown());
    assertFalse(directory.groups().get(1).membersKnown());
    assertEquals(List.of("ana@example-health.test"), directory.people().get(0).emails());
    assertEquals(
        List.of("ben@example-health.test", "team@example-health.test"),
        directory.people().get(1).emails());
  }

  @Test
  void membersOfAGroupNotListedFail() {
    SnapshotException e =
        assertThrows(
            SnapshotException.class,
            () ->
                map(
                    List.of(),
                    List.of(page("groups.json", DirectoryListing.GROUPS, GROUPS)),
                    Map.of(
                        "g404",
                        List.of(
                            page(
                                "members/g404.json",
                                DirectoryListing.MEMBERS,
                                "{\"kind\": \"admin#directory#members\"}"))),
                    List.of()));
    assertEquals(
        "members/g404.json: members of a group that the groups.list pages do not hold",
        e.getMessage());
  }

  @Test
  void theReaderTakesSingleFileListingsToo(@TempDir Path dir) throws Exception {
    Path tenant = dir.resolve(DOMAIN);
    Files.createDirectories(tenant.resolve("members"));
    Files.writeString(tenant.resolve("users.json"), USERS);
    Files.writeString(tenant.resolve("groups.json"), GROUPS);
    Files.writeString(
        tenant.resolve("members/g1.json"),
        "{\"kind\": \"admin#directory#members\", \"members\": [{\"email\":"
            + " \"ana@example-health.test\", \"type\": \"USER\"}]}");
    Files.writeString(
        tenant.resolve("loginActivities.json"),
        "{\"kind\": \"admin#reports#activities\", \"items\": ["
            + activity(
                "2026-11-28T10:00:00.000Z",
                "ana@example-health.test",
                "login_success",
                "\"passkey\"")
            + "]}");

    var result = new GoogleSnapshotReader().read(tenant, OBSERVED);

    assertTrue(result.people().get(0).emails().contains("team@example-health.test"));
    assertEquals(MfaFactorType.PASSKEY, result.accounts().get(0).mfa().factors().get(0).type());
  }
}
