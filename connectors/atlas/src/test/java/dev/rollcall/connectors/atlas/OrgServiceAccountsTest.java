package dev.rollcall.connectors.atlas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.model.Account;
import dev.rollcall.model.Activity;
import dev.rollcall.model.PrivilegeLevel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** API keys and service accounts mapped as the organisation's non-human accounts. */
class OrgServiceAccountsTest {
  private static final String ORG = "7a1b2c3d4e5f60718293a4b5";
  private static final Instant NOW = Instant.parse("2026-11-29T04:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FILE = Path.of("apiKeys/page-0001.json");

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Account apiKey(String key, List<AtlasPages.Page> accessList) {
    return new ApiKeyMapper(ORG, null, NOW).map(json(key), accessList, FILE, "results[0]");
  }

  private static final String KEY =
      "{\"id\": \"7c0000000000000000000001\", \"publicKey\": \"zmmrboas\", \"roles\":"
          + " [{\"orgId\": \""
          + ORG
          + "\", \"roleName\": \"ORG_READ_ONLY\"}]}";

  @Test
  void anApiKeyWithoutItsAccessListHasUnknownUse() {
    Account account = apiKey(KEY, null);
    assertEquals(
        Activity.unknown("Atlas API key access list not in snapshot"), account.lastActivity());
    assertEquals(PrivilegeLevel.READ, account.highestPrivilege());
  }

  @Test
  void anAccessListWithoutUseIsUnknownNotNeverUsed() {
    AtlasPages.Page list =
        new AtlasPages.Page(
            Path.of("accessList.json"),
            json("{\"results\": [{\"cidrBlock\": \"10.0.0.0/8\", \"count\": 0}]}"));
    assertEquals(Activity.State.UNKNOWN, apiKey(KEY, List.of(list)).lastActivity().state());
  }

  @Test
  void aRoleWithoutScopeNamesTheKey() {
    String message =
        assertThrows(
                SnapshotException.class,
                () ->
                    apiKey(
                        "{\"id\": \"7c0000000000000000000001\", \"publicKey\": \"zmmrboas\","
                            + " \"roles\": [{\"roleName\": \"ORG_OWNER\"}]}",
                        null))
            .getMessage();
    assertTrue(message.contains("results[0] roles[0]: role has neither"), message);
  }

  @Test
  void aServiceAccountWhoseSecretsWereNeverUsedIsNeverUsed() {
    AtlasPages pages = new AtlasPages(ORG, null, null, List.of(), List.of(), java.util.Map.of());
    Account account =
        new ServiceAccountMapper(ORG, null, NOW, pages)
            .map(
                json(
                    "{\"clientId\": \"mdb_sa_id_7f0000000000000000000009\", \"name\": \"ci\","
                        + " \"createdAt\": \"2025-01-01T00:00:00Z\", \"roles\": [\"ORG_OWNER\"],"
                        + " \"secrets\": [{\"id\": \"7f1000000000000000000009\", \"createdAt\":"
                        + " \"2025-01-01T00:00:00Z\", \"expiresAt\": \"2027-01-01T00:00:00Z\"}]}"),
                Path.of("serviceAccounts/page-0001.json"),
                "results[0]");
    assertEquals(Activity.State.NEVER_USED, account.lastActivity().state());
    assertEquals(Instant.parse("2025-01-01T00:00:00Z"), account.created());
    assertEquals(PrivilegeLevel.ADMIN, account.highestPrivilege());
    assertTrue(account.credentials().get(0).active());
    assertEquals(Activity.State.NEVER_USED, account.credentials().get(0).usage());
  }
}
