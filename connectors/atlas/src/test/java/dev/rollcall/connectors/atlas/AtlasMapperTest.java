package dev.rollcall.connectors.atlas;

import static dev.rollcall.connectors.atlas.TestOrg.ANALYTICS;
import static dev.rollcall.connectors.atlas.TestOrg.OBSERVED_AT;
import static dev.rollcall.connectors.atlas.TestOrg.ORG_ID;
import static dev.rollcall.connectors.atlas.TestOrg.PAYMENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.SnapshotJson;
import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountStatus;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Credential;
import dev.rollcall.model.CredentialType;
import dev.rollcall.model.Grant;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.MfaFactorType;
import dev.rollcall.model.PrivilegeLevel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AtlasMapperTest {
  private static final AtlasMapper MAPPER = new AtlasMapper(OBSERVED_AT);
  private static final List<Account> ACCOUNTS = MAPPER.accounts(TestOrg.pages());

  private static Account orgUser(String id) {
    return find("atlas_org:" + ORG_ID + ":" + id);
  }

  private static Account databaseUser(String groupId, String nativeId) {
    return find("atlas_database:" + groupId + ":" + nativeId);
  }

  private static Account find(String id) {
    return ACCOUNTS.stream()
        .filter(a -> a.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no account " + id));
  }

  @Test
  void mapsEveryOrgUserThenEveryDatabaseUserInProjectOrder() {
    assertEquals(21, ACCOUNTS.size());
    assertEquals(
        List.of("ada.lovelace@example.test", "Grace.Hopper@Example.test"),
        ACCOUNTS.subList(0, 2).stream().map(Account::name).toList());
    assertEquals("orders-app", ACCOUNTS.get(5).name());
    assertEquals(PAYMENTS, ACCOUNTS.get(5).key().tenant());
    assertEquals(ANALYTICS, ACCOUNTS.get(12).key().tenant());
    assertTrue(ACCOUNTS.stream().allMatch(a -> a.observedAt().equals(OBSERVED_AT)));
  }

  @Test
  void activeOrgUserWithLastAuth() {
    Account ada = orgUser("650a00000000000000000001");
    Instant lastAuth = Instant.parse("2026-11-19T17:42:10Z");
    assertEquals("ada.lovelace@example.test", ada.name());
    assertEquals("Ada Lovelace", ada.displayName());
    assertEquals(List.of("ada.lovelace@example.test"), ada.emails());
    assertEquals(AccountKind.HUMAN, ada.kind());
    assertEquals("Atlas organisation user", ada.kindEvidence());
    assertEquals(AccountStatus.ACTIVE, ada.status());
    assertEquals(Instant.parse("2024-02-01T09:15:00Z"), ada.created());
    assertEquals(Activity.usedAt(lastAuth, "Atlas lastAuth"), ada.lastActivity());
    assertEquals(
        List.of(
            new Credential(
                CredentialType.CONSOLE_PASSWORD,
                "Atlas UI login",
                true,
                Instant.parse("2024-02-01T09:15:00Z"),
                lastAuth,
                Activity.State.USED)),
        ada.credentials());
    assertTrue(ada.hasInteractiveLogin());
    assertEquals(
        List.of(new Grant("ORG_OWNER", ORG_ID, PrivilegeLevel.ADMIN, "organisation role")),
        ada.grants());
    assertEquals(Map.of("atlas.organisation", "Example Payments Ltd"), ada.tags());
    assertNull(ada.expires());
  }

  @Test
  void activeOrgUserWithoutLastAuthHasNeverSignedIn() {
    Account grace = orgUser("650a00000000000000000002");
    assertEquals("Grace.Hopper@Example.test", grace.name());
    assertEquals(List.of("grace.hopper@example.test"), grace.emails());
    assertEquals(Activity.neverUsed("Atlas: no lastAuth"), grace.lastActivity());
    Credential login = grace.credentials().get(0);
    assertTrue(login.active());
    assertNull(login.lastUsed());
    assertEquals(Activity.State.NEVER_USED, login.usage());
  }

  @Test
  void pendingInvitationIsPendingAndCannotSignInYet() {
    Account invitee = orgUser("650a00000000000000000005");
    assertEquals(AccountStatus.PENDING, invitee.status());
    assertNull(invitee.displayName());
    assertEquals(Instant.parse("2026-11-10T12:00:00Z"), invitee.created());
    assertEquals(Activity.neverUsed("Atlas: no lastAuth"), invitee.lastActivity());
    assertFalse(invitee.credentials().get(0).active());
    assertEquals(
        List.of(
            new Grant("ORG_MEMBER", ORG_ID, PrivilegeLevel.READ, "organisation role"),
            new Grant("GROUP_READ_ONLY", PAYMENTS, PrivilegeLevel.READ, "project role")),
        invitee.grants());
  }

  @Test
  void organisationAndProjectRolesBecomeGrantsScopedToTheirOrgOrProject() {
    assertEquals(
        List.of(
            new Grant("ORG_MEMBER", ORG_ID, PrivilegeLevel.READ, "organisation role"),
            new Grant("GROUP_OWNER", PAYMENTS, PrivilegeLevel.ADMIN, "project role"),
            new Grant(
                "GROUP_DATA_ACCESS_ADMIN",
                ANALYTICS,
                PrivilegeLevel.PRIVILEGE_ESCALATION,
                "project role"),
            new Grant("GROUP_READ_ONLY", ANALYTICS, PrivilegeLevel.READ, "project role")),
        orgUser("650a00000000000000000002").grants());
    assertEquals(
        List.of(
            new Grant("ORG_BILLING_ADMIN", ORG_ID, PrivilegeLevel.WRITE, "organisation role"),
            new Grant("ORG_READ_ONLY", ORG_ID, PrivilegeLevel.READ, "organisation role"),
            new Grant("GROUP_CLUSTER_MANAGER", PAYMENTS, PrivilegeLevel.WRITE, "project role"),
            new Grant(
                "GROUP_DATA_ACCESS_READ_WRITE", PAYMENTS, PrivilegeLevel.WRITE, "project role"),
            new Grant("GROUP_SEARCH_INDEX_EDITOR", PAYMENTS, PrivilegeLevel.WRITE, "project role")),
        orgUser("650a00000000000000000003").grants());
  }

  @Test
  void unrecognisedRolesAreTakenAsWriteAndSaySo() {
    List<Grant> grants = orgUser("650a00000000000000000004").grants();
    assertEquals(
        List.of(
            new Grant("ORG_GROUP_CREATOR", ORG_ID, PrivilegeLevel.WRITE, "organisation role"),
            new Grant(
                "ORG_STREAM_PROCESSING_ADMIN", ORG_ID, PrivilegeLevel.WRITE, "organisation role"),
            new Grant("ORG_BILLING_READ_ONLY", ORG_ID, PrivilegeLevel.READ, "organisation role"),
            new Grant(
                "ORG_QUANTUM_AUDITOR",
                ORG_ID,
                PrivilegeLevel.WRITE,
                "organisation role (unrecognised role, taken as write)"),
            new Grant(
                "GROUP_USER_ADMIN", ANALYTICS, PrivilegeLevel.PRIVILEGE_ESCALATION, "project role"),
            new Grant(
                "GROUP_STREAM_PROCESSING_OWNER", ANALYTICS, PrivilegeLevel.WRITE, "project role"),
            new Grant(
                "GROUP_DATA_ACCESS_READ_ONLY", ANALYTICS, PrivilegeLevel.READ, "project role"),
            new Grant("GROUP_OBSERVABILITY_VIEWER", ANALYTICS, PrivilegeLevel.READ, "project role"),
            new Grant(
                "GROUP_FLUX_CAPACITOR_TUNER",
                ANALYTICS,
                PrivilegeLevel.WRITE,
                "project role (unrecognised role, taken as write)")),
        grants);
  }

  @Test
  void mfaIsUnknownWhenTheOrganisationDoesNotRequireIt() {
    assertEquals(
        Mfa.unknown("Atlas has no per-user MFA field and the organisation does not require MFA"),
        orgUser("650a00000000000000000001").mfa());
    assertEquals(Boolean.FALSE, MAPPER.mfaRequired(TestOrg.pages()));
  }

  @Test
  void mfaIsEnabledForEveryOrgUserWhenTheOrganisationRequiresIt() {
    AtlasPages pages = withSettings("{\"multiFactorAuthRequired\": true}");
    assertEquals(Boolean.TRUE, MAPPER.mfaRequired(pages));
    List<Account> orgUsers = MAPPER.accounts(pages).subList(0, 5);
    for (Account user : orgUsers) {
      assertEquals(Mfa.State.ENABLED, user.mfa().state(), user.name());
      assertEquals(MfaFactorType.UNSPECIFIED, user.mfa().factors().get(0).type());
      assertEquals("Atlas organisation requires MFA", user.mfa().evidence());
    }
  }

  @Test
  void mfaIsUnknownWhenTheSettingsAreNotInTheSnapshot() {
    AtlasPages base = TestOrg.pages();
    AtlasPages pages =
        new AtlasPages(
            ORG_ID, base.organization(), null, base.users(), base.groups(), base.databaseUsers());
    assertNull(MAPPER.mfaRequired(pages));
    assertEquals(
        Mfa.unknown(
            "Atlas has no per-user MFA field and the organisation settings are not in the"
                + " snapshot"),
        MAPPER.accounts(pages).get(0).mfa());
    assertNull(MAPPER.mfaRequired(withSettings("{\"apiAccessListRequired\": true}")));
  }

  @Test
  void scramApplicationUser() {
    Account app = databaseUser(PAYMENTS, "admin/orders-app");
    assertEquals("orders-app", app.name());
    assertNull(app.displayName());
    assertEquals(List.of(), app.emails());
    assertEquals(AccountKind.SERVICE, app.kind());
    assertEquals("SCRAM user named like an application ('app')", app.kindEvidence());
    assertEquals(AccountStatus.ACTIVE, app.status());
    assertNull(app.created());
    assertEquals(
        Activity.unknown("Atlas database access history not in snapshot"), app.lastActivity());
    assertEquals(
        List.of(
            new Credential(
                CredentialType.DATABASE_PASSWORD,
                "SCRAM password",
                true,
                null,
                null,
                Activity.State.UNKNOWN)),
        app.credentials());
    assertEquals(Mfa.unknown("database users have no second factor"), app.mfa());
    assertEquals(
        Map.of(
            "owner", "alan.turing@example.test",
            "team", "payments",
            "atlas.project", "payments-prod"),
        app.tags());
    assertEquals(
        List.of(
            new Grant(
                "readWrite@orders",
                PAYMENTS,
                PrivilegeLevel.WRITE,
                "cluster scope: payments-0, payments-1"),
            new Grant(
                "clusterMonitor@admin",
                PAYMENTS,
                PrivilegeLevel.READ,
                "cluster scope: payments-0, payments-1")),
        app.grants());
  }

  @Test
  void labelSaysHumanAndDescriptionIsTheDisplayName() {
    Account dba = databaseUser(PAYMENTS, "admin/dba");
    assertEquals(AccountKind.HUMAN, dba.kind());
    assertEquals("label Kind=Human", dba.kindEvidence());
    assertEquals("DBA break-glass", dba.displayName());
    assertEquals(
        List.of(
            new Grant(
                "atlasAdmin@admin", PAYMENTS, PrivilegeLevel.ADMIN, "all clusters in project")),
        dba.grants());
    assertEquals("Kind", dba.tags().keySet().iterator().next());
  }

  @Test
  void scramUserNamedByAnEmailIsAPersonAndCollectionRolesKeepTheCollection() {
    Account jane = databaseUser(PAYMENTS, "admin/jane.doe@example.test");
    assertEquals(AccountKind.HUMAN, jane.kind());
    assertEquals("SCRAM user named by an email address", jane.kindEvidence());
    assertEquals(List.of("jane.doe@example.test"), jane.emails());
    assertEquals(
        List.of(
            new Grant(
                "read@orders.invoices", PAYMENTS, PrivilegeLevel.READ, "all clusters in project")),
        jane.grants());
  }

  @Test
  void pastDeleteAfterDateIsKeptAsExpiryAndTheAccountStaysActive() {
    Account temp = databaseUser(PAYMENTS, "admin/temp-migration");
    assertEquals(Instant.parse("2026-11-15T00:00:00Z"), temp.expires());
    assertTrue(temp.expires().isBefore(OBSERVED_AT));
    assertEquals(AccountStatus.ACTIVE, temp.status());
    assertEquals(AccountKind.UNKNOWN, temp.kind());
    assertEquals("SCRAM user; name does not say", temp.kindEvidence());
    assertEquals(
        List.of(
            new Grant(
                "ordersMigrator@admin",
                PAYMENTS,
                PrivilegeLevel.WRITE,
                "custom role, taken as write; cluster scope: payments-0")),
        temp.grants());
  }

  @Test
  void externalAuthMethodsGiveTheirCredentialAndKind() {
    assertAuth(
        databaseUser(PAYMENTS, "$external/arn:aws:iam::123456789012:role/payments-worker"),
        CredentialType.EXTERNAL_AUTH,
        "AWS IAM role",
        AccountKind.SERVICE,
        "awsIAMType=ROLE (a program's identity)");
    assertAuth(
        databaseUser(PAYMENTS, "$external/arn:aws:iam::123456789012:user/ops-jane"),
        CredentialType.EXTERNAL_AUTH,
        "AWS IAM user",
        AccountKind.HUMAN,
        "awsIAMType=USER");
    assertAuth(
        databaseUser(PAYMENTS, "$external/CN=reporting,OU=apps,O=Example Payments"),
        CredentialType.X509_CERTIFICATE,
        "X.509 certificate (customer CA)",
        AccountKind.SERVICE,
        "x509Type=CUSTOMER (a program's identity)");
    assertAuth(
        databaseUser(ANALYTICS, "$external/CN=nightly,OU=jobs,O=Example Payments"),
        CredentialType.X509_CERTIFICATE,
        "X.509 certificate (Atlas-managed)",
        AccountKind.SERVICE,
        "x509Type=MANAGED (a program's identity)");
    assertAuth(
        databaseUser(ANALYTICS, "$external/CN=analysts,OU=groups,DC=example,DC=test"),
        CredentialType.EXTERNAL_AUTH,
        "LDAP group",
        AccountKind.UNKNOWN,
        "group-mapped database user (ldapAuthType=GROUP)");
    assertAuth(
        databaseUser(ANALYTICS, "$external/uid=mlee,ou=people,dc=example,dc=test"),
        CredentialType.EXTERNAL_AUTH,
        "LDAP user",
        AccountKind.HUMAN,
        "ldapAuthType=USER");
    assertAuth(
        databaseUser(ANALYTICS, "admin/0oa1b2c3d4e5f6g7h8i9/data-engineers"),
        CredentialType.EXTERNAL_AUTH,
        "OIDC identity provider group",
        AccountKind.UNKNOWN,
        "group-mapped database user (oidcAuthType=IDP_GROUP)");
    assertAuth(
        databaseUser(ANALYTICS, "$external/chloe.martin@example.test"),
        CredentialType.EXTERNAL_AUTH,
        "OIDC user",
        AccountKind.HUMAN,
        "oidcAuthType=USER named by an email address");
    assertAuth(
        databaseUser(ANALYTICS, "$external/0oa9z8y7x6w5v4u3t2s1/ingest-pipeline"),
        CredentialType.EXTERNAL_AUTH,
        "OIDC user",
        AccountKind.UNKNOWN,
        "oidcAuthType=USER; workforce or workload identity, the name does not say");
  }

  private static void assertAuth(
      Account account, CredentialType type, String label, AccountKind kind, String kindEvidence) {
    Credential credential = account.credentials().get(0);
    assertEquals(type, credential.type(), account.name());
    assertEquals(label, credential.label(), account.name());
    assertTrue(credential.active());
    assertEquals(Activity.State.UNKNOWN, credential.usage());
    assertEquals(kind, account.kind(), account.name());
    assertEquals(kindEvidence, account.kindEvidence(), account.name());
    assertEquals(Mfa.State.UNKNOWN, account.mfa().state());
  }

  @Test
  void scopesOfSeveralTypesAreNamedInVia() {
    assertEquals(
        List.of(
            new Grant(
                "clusterMonitor@admin",
                PAYMENTS,
                PrivilegeLevel.READ,
                "cluster scope: payments-1; data lake scope: payments-archive"),
            new Grant(
                "backup@admin",
                PAYMENTS,
                PrivilegeLevel.WRITE,
                "cluster scope: payments-1; data lake scope: payments-archive")),
        databaseUser(PAYMENTS, "$external/CN=reporting,OU=apps,O=Example Payments").grants());
  }

  @Test
  void databaseRolesOfEveryClass() {
    assertEquals(
        List.of(PrivilegeLevel.PRIVILEGE_ESCALATION, PrivilegeLevel.WRITE),
        levels(databaseUser(ANALYTICS, "admin/svcBackupRunner")));
    assertEquals(
        List.of(PrivilegeLevel.PRIVILEGE_ESCALATION, PrivilegeLevel.WRITE),
        levels(databaseUser(ANALYTICS, "admin/reporting")));
    assertEquals(
        List.of(PrivilegeLevel.WRITE, PrivilegeLevel.WRITE),
        levels(databaseUser(ANALYTICS, "$external/CN=nightly,OU=jobs,O=Example Payments")));
    assertEquals(
        List.of(PrivilegeLevel.WRITE),
        levels(databaseUser(PAYMENTS, "$external/arn:aws:iam::123456789012:role/payments-worker")));
    assertEquals(
        List.of(PrivilegeLevel.READ),
        levels(databaseUser(PAYMENTS, "$external/arn:aws:iam::123456789012:user/ops-jane")));
    assertEquals(
        List.of(PrivilegeLevel.WRITE),
        levels(databaseUser(ANALYTICS, "$external/uid=mlee,ou=people,dc=example,dc=test")));
  }

  private static List<PrivilegeLevel> levels(Account account) {
    return account.grants().stream().map(Grant::level).toList();
  }

  @Test
  void kindFromLabelsAndNames() {
    Account runner = databaseUser(ANALYTICS, "admin/svcBackupRunner");
    assertEquals(AccountKind.SERVICE, runner.kind());
    assertEquals("SCRAM user named like an application ('svc')", runner.kindEvidence());
    Account reporting = databaseUser(ANALYTICS, "admin/reporting");
    assertEquals(AccountKind.SERVICE, reporting.kind());
    assertEquals("label ACCOUNT-TYPE=SERVICE", reporting.kindEvidence());
    Account mwilson = databaseUser(ANALYTICS, "admin/mwilson");
    assertEquals(AccountKind.UNKNOWN, mwilson.kind());
    assertEquals(Map.of("atlas.project", "analytics-dev"), mwilson.tags());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "etl_nightly, SERVICE",
    "ordersApi, SERVICE",
    "ci-runner, SERVICE",
    "deploy2, SERVICE",
    "capital-reports, UNKNOWN",
    "rapid, UNKNOWN",
    "apiary, UNKNOWN",
    "backups, UNKNOWN",
    "ops.lead@example.test, HUMAN",
    "ops@localhost, UNKNOWN"
  })
  void scramKindFromTheNameAlone(String username, AccountKind kind) {
    assertEquals(
        kind, DatabaseUserKind.of(username, Map.of(), DatabaseAuth.SCRAM).kind(), username);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "kind, service, SERVICE",
    "TYPE, Human, HUMAN",
    "account-type, ' service ', SERVICE",
    "type, robot, SERVICE",
    "role, human, SERVICE"
  })
  void labelsOverrideTheAuthMethodOnlyWhenTheySayHumanOrService(
      String key, String value, AccountKind kind) {
    assertEquals(
        kind, DatabaseUserKind.of("payments-api", Map.of(key, value), DatabaseAuth.SCRAM).kind());
  }

  @Test
  void oidcUserIsToldApartByItsIdentityProviderName() {
    assertEquals(
        AccountKind.HUMAN,
        DatabaseUserKind.of("0oa1b2c3/jane.doe@example.test", Map.of(), DatabaseAuth.OIDC_USER)
            .kind());
    DatabaseUserKind.Guess program =
        DatabaseUserKind.of("0oa1b2c3/orders-api", Map.of(), DatabaseAuth.OIDC_USER);
    assertEquals(AccountKind.SERVICE, program.kind());
    assertEquals("oidcAuthType=USER named like an application ('api')", program.evidence());
    assertEquals(
        AccountKind.UNKNOWN,
        DatabaseUserKind.of("okta/jdoe", Map.of(), DatabaseAuth.OIDC_USER).kind());
  }

  @Test
  void aUserListedTwiceFails() {
    AtlasPages base = TestOrg.pages();
    AtlasPages pages =
        new AtlasPages(
            ORG_ID,
            base.organization(),
            base.settings(),
            List.of(base.users().get(0), base.users().get(0)),
            base.groups(),
            Map.of());
    SnapshotException e = assertThrows(SnapshotException.class, () -> MAPPER.accounts(pages));
    assertTrue(e.getMessage().contains("results[0]"), e.getMessage());
    assertTrue(e.getMessage().contains("is listed twice"), e.getMessage());
  }

  @Test
  void anOrganizationFileOfAnotherOrganisationFails() {
    AtlasPages base = TestOrg.pages();
    AtlasPages pages =
        new AtlasPages(
            ORG_ID,
            new AtlasPages.Page(
                base.organization().file(),
                SnapshotJson.parse(
                    "{\"id\": \"6500aa11bb22cc33dd44ffff\", \"name\": \"Other\"}",
                    base.organization().file(),
                    null)),
            base.settings(),
            base.users(),
            base.groups(),
            base.databaseUsers());
    SnapshotException e = assertThrows(SnapshotException.class, () -> MAPPER.accounts(pages));
    assertTrue(e.getMessage().contains("organization.json"), e.getMessage());
    assertTrue(e.getMessage().contains("field 'id' is not the organisation"), e.getMessage());
    assertFalse(e.getMessage().contains("6500aa11bb22cc33dd44ffff"), e.getMessage());
  }

  private static AtlasPages withSettings(String json) {
    AtlasPages base = TestOrg.pages();
    Path file = base.settings().file();
    return new AtlasPages(
        ORG_ID,
        base.organization(),
        new AtlasPages.Page(file, SnapshotJson.parse(json, file, null)),
        base.users(),
        base.groups(),
        base.databaseUsers());
  }
}
