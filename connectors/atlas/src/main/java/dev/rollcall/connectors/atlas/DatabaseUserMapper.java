package dev.rollcall.connectors.atlas;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.SnapshotJson;
import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.AccountStatus;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Credential;
import dev.rollcall.model.Grant;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.PrivilegeLevel;
import dev.rollcall.model.SourceSystem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps one entry of GET /api/atlas/v2/groups/{groupId}/databaseUsers
 * (https://www.mongodb.com/docs/api/doc/atlas-admin-api-v2/operation/operation-listdatabaseusers)
 * to an account of the project.
 */
final class DatabaseUserMapper {
  /** Atlas's default authentication database when a user record leaves it out. */
  private static final String DEFAULT_DATABASE = "admin";

  private final Instant observedAt;
  private final DatabaseAccessHistory history;

  DatabaseUserMapper(Instant observedAt, DatabaseAccessHistory history) {
    this.observedAt = observedAt;
    this.history = history;
  }

  /**
   * Maps one database user.
   *
   * @param groupId the project the pages were listed for
   * @param projectName the project's name, or null when the projects are not in the snapshot
   */
  Account map(String groupId, String projectName, JsonNode user, Path file, String where) {
    String username = SnapshotJson.requiredText(user, "username", file, where);
    String listedIn = SnapshotJson.optionalText(user, "groupId");
    if (listedIn != null && !listedIn.equals(groupId)) {
      throw new SnapshotException(
          file, where, "field 'groupId' is not the project whose folder holds the file");
    }
    String database = SnapshotJson.optionalText(user, "databaseName");
    if (database == null) {
      database = DEFAULT_DATABASE;
    }
    Map<String, String> labels = labels(user, file, where);
    Map<String, String> tags = new LinkedHashMap<>(labels);
    if (projectName != null) {
      tags.put("atlas.project", projectName);
    }
    DatabaseAuth auth = DatabaseAuth.of(user, file, where);
    DatabaseUserKind.Guess kind = DatabaseUserKind.of(username, labels, auth);
    Activity activity =
        history.lastUse(groupId, database, username, clusterScopes(user, file, where));
    return Account.builder(
            new AccountKey(SourceSystem.ATLAS_DATABASE, groupId, database + "/" + username),
            username,
            observedAt)
        .displayName(SnapshotJson.optionalText(user, "description"))
        .emails(AtlasMapper.emailShaped(username) ? List.of(username) : List.of())
        .kind(kind.kind(), kind.evidence())
        // A past deleteAfterDate is kept as is: whether the account overstayed is for the rules.
        .status(AccountStatus.ACTIVE)
        .lastActivity(activity)
        .credentials(
            List.of(
                new Credential(
                    auth.credentialType(),
                    auth.label(),
                    true,
                    null,
                    activity.at(),
                    activity.state())))
        .mfa(Mfa.unknown("database users have no second factor"))
        .grants(grants(groupId, user, file, where))
        .tags(tags)
        .expires(SnapshotJson.optionalInstant(user, "deleteAfterDate", file, where))
        .build();
  }

  private static Map<String, String> labels(JsonNode user, Path file, String where) {
    Map<String, String> labels = new LinkedHashMap<>();
    List<JsonNode> items = SnapshotJson.array(user, "labels", file, where);
    for (int i = 0; i < items.size(); i++) {
      String at = where + " labels[" + i + "]";
      labels.put(
          SnapshotJson.requiredText(items.get(i), "key", file, at),
          SnapshotJson.requiredText(items.get(i), "value", file, at));
    }
    return labels;
  }

  private static List<Grant> grants(String groupId, JsonNode user, Path file, String where) {
    String via = scopeVia(user, file, where);
    List<Grant> grants = new ArrayList<>();
    List<JsonNode> roles = SnapshotJson.array(user, "roles", file, where);
    for (int i = 0; i < roles.size(); i++) {
      String at = where + " roles[" + i + "]";
      String roleName = SnapshotJson.requiredText(roles.get(i), "roleName", file, at);
      String database = SnapshotJson.requiredText(roles.get(i), "databaseName", file, at);
      String collection = SnapshotJson.optionalText(roles.get(i), "collectionName");
      PrivilegeLevel level = AtlasRoles.database(roleName);
      grants.add(
          new Grant(
              roleName + "@" + database + (collection == null ? "" : "." + collection),
              groupId,
              level == null ? PrivilegeLevel.WRITE : level,
              level == null ? "custom role, taken as write; " + via : via));
    }
    return grants;
  }

  /** The clusters a user is scoped to, or null when it is not scoped (every cluster). */
  private static List<String> clusterScopes(JsonNode user, Path file, String where) {
    List<JsonNode> scopes = SnapshotJson.array(user, "scopes", file, where);
    if (scopes.isEmpty()) {
      return null;
    }
    List<String> clusters = new ArrayList<>();
    for (int i = 0; i < scopes.size(); i++) {
      String type = SnapshotJson.optionalText(scopes.get(i), "type");
      if (type == null || type.equals("CLUSTER")) {
        clusters.add(
            SnapshotJson.requiredText(scopes.get(i), "name", file, where + " scopes[" + i + "]"));
      }
    }
    return clusters;
  }

  /**
   * Where the roles apply: the clusters (or data lakes, stream instances) the user is scoped to.
   */
  private static String scopeVia(JsonNode user, Path file, String where) {
    Map<String, List<String>> byType = new LinkedHashMap<>();
    List<JsonNode> scopes = SnapshotJson.array(user, "scopes", file, where);
    for (int i = 0; i < scopes.size(); i++) {
      String at = where + " scopes[" + i + "]";
      String name = SnapshotJson.requiredText(scopes.get(i), "name", file, at);
      String type = SnapshotJson.optionalText(scopes.get(i), "type");
      String kind =
          switch (type == null ? "CLUSTER" : type) {
            case "CLUSTER" -> "cluster";
            case "DATA_LAKE" -> "data lake";
            case "STREAM" -> "stream";
            default ->
                throw new SnapshotException(
                    file, at, "field 'type' is none of CLUSTER, DATA_LAKE, STREAM");
          };
      byType.computeIfAbsent(kind, k -> new ArrayList<>()).add(name);
    }
    if (byType.isEmpty()) {
      return "all clusters in project";
    }
    List<String> parts = new ArrayList<>();
    byType.forEach((kind, names) -> parts.add(kind + " scope: " + String.join(", ", names)));
    return String.join("; ", parts);
  }
}
