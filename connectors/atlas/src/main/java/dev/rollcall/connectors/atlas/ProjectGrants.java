package dev.rollcall.connectors.atlas;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.SnapshotJson;
import dev.rollcall.model.Grant;
import dev.rollcall.model.PrivilegeLevel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The project roles an organisation user holds besides its own assignments: through its teams (GET
 * /groups/{groupId}/teams: each team's roleNames) and as the project user listing shows them (GET
 * /groups/{groupId}/users?flattenTeams=true, version 2025-02-19, which counts team members).
 * https://www.mongodb.com/docs/api/doc/atlas-admin-api-v2/operation/operation-listgroupusers
 */
final class ProjectGrants {
  private final Map<String, String> teamNames;

  /** project id → team id → the team's project roles. */
  private final Map<String, Map<String, List<String>>> teamRoles;

  /** user id → project id → the roles the project user listing shows. */
  private final Map<String, Map<String, List<String>>> listedRoles;

  private ProjectGrants(
      Map<String, String> teamNames,
      Map<String, Map<String, List<String>>> teamRoles,
      Map<String, Map<String, List<String>>> listedRoles) {
    this.teamNames = teamNames;
    this.teamRoles = teamRoles;
    this.listedRoles = listedRoles;
  }

  static ProjectGrants of(AtlasPages pages) {
    Map<String, String> names = new HashMap<>();
    for (AtlasPages.Page page : pages.teams()) {
      List<JsonNode> results = AtlasMapper.results(page);
      for (int i = 0; i < results.size(); i++) {
        String record = "results[" + i + "]";
        names.put(
            SnapshotJson.requiredText(results.get(i), "id", page.file(), record),
            SnapshotJson.requiredText(results.get(i), "name", page.file(), record));
      }
    }
    Map<String, Map<String, List<String>>> teamRoles = new TreeMap<>();
    Map<String, Map<String, List<String>>> listed = new HashMap<>();
    for (Map.Entry<String, AtlasPages.ProjectPages> project : pages.projects().entrySet()) {
      String groupId = project.getKey();
      for (AtlasPages.Page page : project.getValue().teams()) {
        List<JsonNode> results = AtlasMapper.results(page);
        for (int i = 0; i < results.size(); i++) {
          String record = "results[" + i + "]";
          String teamId = SnapshotJson.requiredText(results.get(i), "teamId", page.file(), record);
          teamRoles
              .computeIfAbsent(groupId, g -> new LinkedHashMap<>())
              .put(teamId, roleNames(results.get(i), "roleNames", page.file(), record));
        }
      }
      for (AtlasPages.Page page : project.getValue().users()) {
        List<JsonNode> results = AtlasMapper.results(page);
        for (int i = 0; i < results.size(); i++) {
          String record = "results[" + i + "]";
          String userId = SnapshotJson.requiredText(results.get(i), "id", page.file(), record);
          listed
              .computeIfAbsent(userId, u -> new TreeMap<>())
              .put(groupId, roleNames(results.get(i), "roles", page.file(), record));
        }
      }
    }
    return new ProjectGrants(names, teamRoles, listed);
  }

  /**
   * The grants a user holds through its teams, then those only the project user listing shows,
   * leaving out any role already in {@code held} for the same project.
   */
  List<Grant> more(String userId, List<String> teamIds, List<Grant> held) {
    Set<String> seen =
        held.stream().map(g -> g.name() + "@" + g.scope()).collect(Collectors.toSet());
    List<Grant> grants = new ArrayList<>();
    teamRoles.forEach(
        (groupId, teams) -> {
          for (String teamId : teamIds) {
            for (String role : teams.getOrDefault(teamId, List.of())) {
              if (seen.add(role + "@" + groupId)) {
                grants.add(
                    grant(
                        role,
                        groupId,
                        "project role through team " + teamNames.getOrDefault(teamId, teamId)));
              }
            }
          }
        });
    listedRoles
        .getOrDefault(userId, Map.of())
        .forEach(
            (groupId, roles) -> {
              for (String role : roles) {
                if (seen.add(role + "@" + groupId)) {
                  grants.add(grant(role, groupId, "project role (project user listing)"));
                }
              }
            });
    return grants;
  }

  static Grant grant(String role, String scope, String via) {
    PrivilegeLevel level = AtlasRoles.orgOrProject(role);
    return level != null
        ? new Grant(role, scope, level, via)
        : new Grant(
            role, scope, PrivilegeLevel.WRITE, via + " (unrecognised role, taken as write)");
  }

  /** An array of role names, failing on anything that is not one. */
  static List<String> roleNames(JsonNode node, String field, Path file, String where) {
    List<String> names = new ArrayList<>();
    List<JsonNode> items = SnapshotJson.array(node, field, file, where);
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      if (!item.isTextual() || item.asText().isBlank()) {
        throw new SnapshotException(
            file, where, "field '" + field + "[" + i + "]' is not a role name");
      }
      names.add(item.asText().strip());
    }
    return names;
  }
}
