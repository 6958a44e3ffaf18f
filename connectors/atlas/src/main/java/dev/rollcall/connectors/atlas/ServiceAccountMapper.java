package dev.rollcall.connectors.atlas;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps one entry of GET /api/atlas/v2/orgs/{orgId}/serviceAccounts, version 2024-08-05
 * (https://www.mongodb.com/docs/api/doc/atlas-admin-api-v2/operation/operation-listserviceaccounts),
 * to a service account of the organisation: its organisation roles, its project roles from each
 * project's service account listing, and one credential per secret with its lastUsedAt and
 * expiresAt.
 */
final class ServiceAccountMapper {
  private final String orgId;
  private final String orgName;
  private final Instant observedAt;

  /** client id → the grants the project listings show. */
  private final Map<String, List<Grant>> projectGrants = new HashMap<>();

  ServiceAccountMapper(String orgId, String orgName, Instant observedAt, AtlasPages pages) {
    this.orgId = orgId;
    this.orgName = orgName;
    this.observedAt = observedAt;
    pages
        .projects()
        .forEach(
            (groupId, project) -> {
              for (AtlasPages.Page page : project.serviceAccounts()) {
                List<JsonNode> results = AtlasMapper.results(page);
                for (int i = 0; i < results.size(); i++) {
                  String record = "results[" + i + "]";
                  String clientId =
                      SnapshotJson.requiredText(results.get(i), "clientId", page.file(), record);
                  for (String role :
                      ProjectGrants.roleNames(results.get(i), "roles", page.file(), record)) {
                    projectGrants
                        .computeIfAbsent(clientId, c -> new ArrayList<>())
                        .add(ProjectGrants.grant(role, groupId, "project role"));
                  }
                }
              }
            });
  }

  Account map(JsonNode account, Path file, String where) {
    String clientId = SnapshotJson.requiredText(account, "clientId", file, where);
    String name = SnapshotJson.optionalText(account, "name");
    List<Credential> secrets = new ArrayList<>();
    Activity activity =
        Activity.neverUsed("Atlas: no secret of the service account has lastUsedAt");
    List<JsonNode> items = SnapshotJson.array(account, "secrets", file, where);
    for (int i = 0; i < items.size(); i++) {
      JsonNode secret = items.get(i);
      String at = where + " secrets[" + i + "]";
      String id = SnapshotJson.requiredText(secret, "id", file, at);
      Instant expires = SnapshotJson.optionalInstant(secret, "expiresAt", file, at);
      Instant used = SnapshotJson.optionalInstant(secret, "lastUsedAt", file, at);
      String masked = SnapshotJson.optionalText(secret, "maskedSecretValue");
      secrets.add(
          new Credential(
              CredentialType.ACCESS_KEY,
              "secret "
                  + (masked == null ? id : masked)
                  + (expires == null ? "" : " (expires " + expires + ")"),
              expires == null || expires.isAfter(observedAt),
              SnapshotJson.optionalInstant(secret, "createdAt", file, at),
              used,
              used != null ? Activity.State.USED : Activity.State.NEVER_USED));
      if (used != null) {
        activity =
            activity.latest(Activity.usedAt(used, "Atlas service account secret lastUsedAt"));
      }
    }
    List<Grant> grants = new ArrayList<>();
    for (String role : ProjectGrants.roleNames(account, "roles", file, where)) {
      grants.add(ProjectGrants.grant(role, orgId, "organisation role"));
    }
    grants.addAll(projectGrants.getOrDefault(clientId, List.of()));
    return Account.builder(
            new AccountKey(SourceSystem.ATLAS_ORG, orgId, clientId),
            name == null ? clientId : name,
            observedAt)
        .displayName(SnapshotJson.optionalText(account, "description"))
        .kind(AccountKind.SERVICE, "Atlas service account")
        .created(SnapshotJson.optionalInstant(account, "createdAt", file, where))
        .lastActivity(activity)
        .credentials(secrets)
        .mfa(Mfa.unknown("service accounts sign in with a client secret, not a second factor"))
        .grants(grants)
        .tags(orgName == null ? Map.of() : Map.of("atlas.organisation", orgName))
        .build();
  }
}
