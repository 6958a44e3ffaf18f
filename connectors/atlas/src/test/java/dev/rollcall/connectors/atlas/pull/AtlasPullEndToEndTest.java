package dev.rollcall.connectors.atlas.pull;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.rollcall.connectors.atlas.pull.FakeAtlas.CLIENT_ID;
import static dev.rollcall.connectors.atlas.pull.FakeAtlas.CLIENT_SECRET;
import static dev.rollcall.connectors.atlas.pull.FakeAtlas.ORG;
import static dev.rollcall.connectors.atlas.pull.FakeAtlas.PROJECT;
import static dev.rollcall.connectors.atlas.pull.FakeAtlas.PROJECT_PATH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.connectors.atlas.AtlasSnapshotReader;
import dev.rollcall.connectors.pull.TenantPull;
import dev.rollcall.connectors.snapshot.TenantFolder;
import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountStatus;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Credential;
import dev.rollcall.model.Grant;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.PrivilegeLevel;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.SourceResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulls the fake organisation over HTTP, then reads the snapshot back as accounts. */
class AtlasPullEndToEndTest {
  private static final Instant NOW = Instant.parse("2026-11-29T04:00:00Z");

  @TempDir Path temp;

  private FakeAtlas atlas;

  @AfterEach
  void stop() {
    if (atlas != null) {
      atlas.close();
    }
  }

  private SourceResult pullAndRead() {
    List<TenantPull> pulls =
        new AtlasPuller(
                atlas.settings(AtlasSettings.Auth.SERVICE_ACCOUNT, List.of(ORG)),
                new AtlasCredentials.ServiceAccount(CLIENT_ID, CLIENT_SECRET),
                Clock.fixed(NOW, ZoneOffset.UTC))
            .pull(temp.resolve("atlas"));
    assertEquals(1, pulls.size());
    Path dir = temp.resolve("atlas").resolve(ORG);
    return new AtlasSnapshotReader().read(dir, TenantFolder.of(dir).observedAt(Instant.EPOCH));
  }

  private static Map<String, Account> byName(SourceResult result) {
    return result.accounts().stream().collect(Collectors.toMap(Account::name, Function.identity()));
  }

  private static List<String> grants(Account account) {
    return account.grants().stream()
        .map(g -> g.name() + "@" + g.scope() + " via " + g.via())
        .toList();
  }

  @Test
  void thePulledSnapshotReadsBackAsTheOrganisationsAccounts() {
    atlas = FakeAtlas.forServiceAccount().serveOrganisation();
    SourceResult result = pullAndRead();

    assertEquals(PullStatus.COMPLETE, result.pull().status(), result.pull().errors().toString());
    assertEquals(NOW, result.pull().observedAt());
    assertEquals(Boolean.FALSE, result.settings().mfaRequired());
    Map<String, Account> accounts = byName(result);
    assertEquals(
        List.of(
            "ada@example.test",
            "bob@example.test",
            "zmmrboas",
            "rollcall-auditor",
            "app-orders",
            "0oa1workforce/ada@example.test",
            "tmp-migration"),
        result.accounts().stream().map(Account::name).toList());

    Account ada = accounts.get("ada@example.test");
    assertEquals(AccountStatus.ACTIVE, ada.status());
    assertEquals(
        Activity.usedAt(Instant.parse("2026-11-25T08:30:00Z"), "Atlas lastAuth"),
        ada.lastActivity());
    assertEquals(Mfa.State.UNKNOWN, ada.mfa().state());
    assertEquals(
        List.of(
            "ORG_MEMBER@" + ORG + " via organisation role",
            "GROUP_READ_ONLY@" + PROJECT + " via project role",
            "GROUP_DATA_ACCESS_ADMIN@" + PROJECT + " via project role through team dba"),
        grants(ada));
    assertEquals(PrivilegeLevel.PRIVILEGE_ESCALATION, ada.highestPrivilege());

    Account bob = accounts.get("bob@example.test");
    assertEquals(AccountStatus.PENDING, bob.status());
    assertEquals(Instant.parse("2026-11-20T12:00:00Z"), bob.created());
    assertEquals(Activity.State.NEVER_USED, bob.lastActivity().state());

    Account key = accounts.get("zmmrboas");
    assertEquals(AccountKind.SERVICE, key.kind());
    assertEquals("terraform", key.displayName());
    assertEquals(FakeAtlas.API_KEY, key.key().nativeId());
    assertEquals(
        Activity.usedAt(
            Instant.parse("2026-10-01T07:15:00Z"),
            "Atlas API key access list lastUsed (from 203.0.113.9)"),
        key.lastActivity());
    assertEquals(
        List.of(
            "ORG_OWNER@" + ORG + " via organisation role",
            "GROUP_OWNER@" + PROJECT + " via project role"),
        grants(key));
    assertFalse(key.hasInteractiveLogin());

    Account serviceAccount = accounts.get("rollcall-auditor");
    assertEquals(AccountKind.SERVICE, serviceAccount.kind());
    assertEquals(Instant.parse("2026-01-02T00:00:00Z"), serviceAccount.created());
    assertEquals(Instant.parse("2026-11-28T06:00:00Z"), serviceAccount.lastActivity().at());
    assertEquals(
        List.of(
            "ORG_READ_ONLY@" + ORG + " via organisation role",
            "GROUP_READ_ONLY@" + PROJECT + " via project role"),
        grants(serviceAccount));
    List<Credential> secrets = serviceAccount.credentials();
    assertEquals(2, secrets.size());
    assertFalse(secrets.get(0).active(), "expired on 2026-04-02");
    assertTrue(secrets.get(1).active());
    assertEquals(Instant.parse("2026-11-28T06:00:00Z"), secrets.get(1).lastUsed());
    assertTrue(secrets.get(1).label().contains("mdb_sa_sk_...cd34"), secrets.get(1).label());

    // Only admin/app-orders counts, not orders/app-orders, a different user on the same cluster.
    Account app = accounts.get("app-orders");
    assertEquals(
        Activity.usedAt(
            Instant.parse("2026-11-27T10:00:00Z"),
            "Atlas database access history: last successful authentication on prod-0 from"
                + " 10.1.0.5, 10.1.0.6"),
        app.lastActivity());
    assertEquals(Activity.State.USED, app.credentials().get(0).usage());
    assertEquals(AccountKind.SERVICE, app.kind());

    // Absent from a short history, and the other cluster keeps none: unknown, never dormant.
    Account oidc = accounts.get("0oa1workforce/ada@example.test");
    assertEquals(
        Activity.unknown(
            "Atlas: no successful authentication in the recent access history of prod-0; no"
                + " history for sandbox (shared tier: Atlas keeps no access history)"),
        oidc.lastActivity());
    assertEquals(AccountKind.HUMAN, oidc.kind());

    Account temporary = accounts.get("tmp-migration");
    assertEquals(Activity.State.UNKNOWN, temporary.lastActivity().state());
    assertTrue(temporary.lastActivity().evidence().contains("shared tier"));
    assertEquals(Instant.parse("2026-11-01T00:00:00Z"), temporary.expires());
    assertEquals(PrivilegeLevel.ADMIN, temporary.highestPrivilege());
  }

  @Test
  void aRefusedAccessHistoryReadsAsUnknownUse() {
    atlas = FakeAtlas.forServiceAccount().serveOrganisation();
    atlas.server.stubFor(
        atlas
            .request(PROJECT_PATH + "/dbAccessHistory/clusters/prod-0", "2023-01-01")
            .willReturn(FakeAtlas.apiError(403, "FORBIDDEN", "No monitoring role.")));
    SourceResult result = pullAndRead();
    Account app = byName(result).get("app-orders");
    assertEquals(
        Activity.unknown("Atlas: no history for prod-0 (access history not in snapshot)"),
        app.lastActivity());
  }

  @Test
  void refusedApiKeysAndServiceAccountsLeaveThemOut() {
    atlas = FakeAtlas.forServiceAccount().serveOrganisation();
    atlas.server.stubFor(
        atlas
            .request(FakeAtlas.ORG_PATH + "/apiKeys", "2023-01-01")
            .willReturn(FakeAtlas.apiError(403, "FORBIDDEN", "No.")));
    atlas.server.stubFor(
        atlas
            .request(FakeAtlas.ORG_PATH + "/serviceAccounts", "2024-08-05")
            .willReturn(aResponse().withStatus(404)));
    SourceResult result = pullAndRead();
    Map<String, Account> accounts = byName(result);
    assertNull(accounts.get("zmmrboas"));
    assertNull(accounts.get("rollcall-auditor"));
    assertEquals(5, accounts.size());
  }

  @Test
  void grantsShownOnlyByTheProjectListingAreKept() {
    atlas = FakeAtlas.forServiceAccount().serveOrganisation();
    atlas.list(
        PROJECT_PATH + "/users",
        "2025-02-19",
        FakeAtlas.body("group-users.json").replace("\"GROUP_READ_ONLY\", ", "\"GROUP_OWNER\", "));
    Account ada = byName(pullAndRead()).get("ada@example.test");
    List<Grant> grants = ada.grants();
    assertEquals(4, grants.size(), grants.toString());
    assertEquals(
        new Grant(
            "GROUP_OWNER", PROJECT, PrivilegeLevel.ADMIN, "project role (project user listing)"),
        grants.get(3));
  }
}
