package dev.rollcall.connectors.atlas;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.SnapshotJson;
import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Credential;
import dev.rollcall.model.CredentialType;
import dev.rollcall.model.Grant;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.SourceSystem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps one entry of GET /api/atlas/v2/orgs/{orgId}/apiKeys
 * (https://www.mongodb.com/docs/api/doc/atlas-admin-api-v2/operation/operation-listapikeys) to a
 * service account of the organisation, its last use taken from its access list entries' lastUsed
 * (https://www.mongodb.com/docs/api/doc/atlas-admin-api-v2/operation/operation-listapikeyaccesslistsentries).
 * The public key is the key's user name, not a secret; the private key is never in the response
 * unmasked.
 */
final class ApiKeyMapper {
  private final String orgId;
  private final String orgName;
  private final Instant observedAt;

  ApiKeyMapper(String orgId, String orgName, Instant observedAt) {
    this.orgId = orgId;
    this.orgName = orgName;
    this.observedAt = observedAt;
  }

  /**
   * Maps one key.
   *
   * @param accessList its access list pages, or null when they are not in the snapshot
   */
  Account map(JsonNode key, List<AtlasPages.Page> accessList, Path file, String where) {
    String id = SnapshotJson.requiredText(key, "id", file, where);
    String publicKey = SnapshotJson.requiredText(key, "publicKey", file, where);
    Activity activity = lastUse(accessList);
    return Account.builder(new AccountKey(SourceSystem.ATLAS_ORG, orgId, id), publicKey, observedAt)
        .displayName(SnapshotJson.optionalText(key, "desc"))
        .kind(AccountKind.SERVICE, "Atlas programmatic API key")
        .lastActivity(activity)
        .credentials(
            List.of(
                new Credential(
                    CredentialType.ACCESS_KEY,
                    "programmatic API key",
                    true,
                    null,
                    activity.at(),
                    activity.state())))
        .mfa(Mfa.unknown("programmatic API keys sign in with a key pair, not a second factor"))
        .grants(grants(key, file, where))
        .tags(orgName == null ? Map.of() : Map.of("atlas.organisation", orgName))
        .build();
  }

  // Atlas records lastUsed per access list entry only; a key used from an address no entry
  // covers (when the organisation does not require an access list) leaves no trace.
  private static Activity lastUse(List<AtlasPages.Page> accessList) {
    if (accessList == null) {
      return Activity.unknown("Atlas API key access list not in snapshot");
    }
    Instant last = null;
    String from = null;
    for (AtlasPages.Page page : accessList) {
      List<JsonNode> results = AtlasMapper.results(page);
      for (int i = 0; i < results.size(); i++) {
        String record = "results[" + i + "]";
        Instant used =
            SnapshotJson.optionalInstant(results.get(i), "lastUsed", page.file(), record);
        if (used != null && (last == null || used.isAfter(last))) {
          last = used;
          from = SnapshotJson.optionalText(results.get(i), "lastUsedAddress");
        }
      }
    }
    return last != null
        ? Activity.usedAt(
            last,
            "Atlas API key access list lastUsed" + (from == null ? "" : " (from " + from + ")"))
        : Activity.unknown("Atlas: no access list entry of the API key records a use");
  }

  private List<Grant> grants(JsonNode key, Path file, String where) {
    List<Grant> grants = new ArrayList<>();
    List<JsonNode> roles = SnapshotJson.array(key, "roles", file, where);
    for (int i = 0; i < roles.size(); i++) {
      String at = where + " roles[" + i + "]";
      String role = SnapshotJson.requiredText(roles.get(i), "roleName", file, at);
      String groupId = SnapshotJson.optionalText(roles.get(i), "groupId");
      String roleOrg = SnapshotJson.optionalText(roles.get(i), "orgId");
      if (groupId != null) {
        grants.add(ProjectGrants.grant(role, groupId, "project role"));
      } else if (roleOrg != null) {
        grants.add(ProjectGrants.grant(role, roleOrg, "organisation role"));
      } else {
        throw new SnapshotException(file, at, "role has neither 'orgId' nor 'groupId'");
      }
    }
    return grants;
  }
}
