package dev.rollcall.connectors.google;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.SnapshotJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The admin roles assigned directly to users, from roleAssignments.list pages
 * (https://developers.google.com/admin-sdk/directory/reference/rest/v1/roleAssignments), by user
 * id. Assignments to groups are left out: the snapshot holds no group memberships to follow.
 */
final class RoleAssignments {

  /**
   * One role held by one user.
   *
   * @param role the role assigned
   * @param scope the tenant's domain, or {@code orgunit:<orgUnitId>} for an ORG_UNIT assignment
   */
  record Assignment(AdminRoles.Role role, String scope) {}

  private final Map<String, List<Assignment>> byUser;

  private RoleAssignments(Map<String, List<Assignment>> byUser) {
    Map<String, List<Assignment>> copy = new HashMap<>();
    byUser.forEach((user, assignments) -> copy.put(user, List.copyOf(assignments)));
    this.byUser = Map.copyOf(copy);
  }

  /**
   * Reads every assignment of the pages. Fails on an assignment without roleId or assignedTo, on a
   * roleId the roles pages do not hold, and on an org-unit assignment without orgUnitId.
   */
  static RoleAssignments read(List<DirectoryPage> pages, AdminRoles roles, String domain) {
    Map<String, List<Assignment>> byUser = new HashMap<>();
    for (DirectoryPage page : pages) {
      for (int i = 0; i < page.items().size(); i++) {
        JsonNode item = page.items().get(i);
        String record = page.record(i);
        String roleId = SnapshotJson.requiredText(item, "roleId", page.file(), record);
        String assignedTo = SnapshotJson.requiredText(item, "assignedTo", page.file(), record);
        AdminRoles.Role role = role(roles, roleId, page, record);
        String scope = scope(item, domain, page, record);
        // The reference gives assigneeType as USER/GROUP, the examples of
        // https://developers.google.com/admin-sdk/directory/v1/guides/manage-roles print
        // "user"/"group"; older assignments may lack it (then assignedTo is a user id).
        String type = SnapshotJson.optionalText(item, "assigneeType");
        if (type == null || type.toUpperCase(Locale.ROOT).equals("USER")) {
          byUser
              .computeIfAbsent(assignedTo, k -> new ArrayList<>())
              .add(new Assignment(role, scope));
        }
      }
    }
    return new RoleAssignments(byUser);
  }

  private static AdminRoles.Role role(
      AdminRoles roles, String roleId, DirectoryPage page, String record) {
    return roles
        .byId(roleId)
        .orElseThrow(
            () ->
                new SnapshotException(
                    page.file(),
                    record,
                    "field 'roleId'"
                        + (roles.isEmpty()
                            ? " cannot be resolved: the snapshot has no roles.list pages"
                                + " (roles.json or roles/*.json)"
                            : " names no role of the roles.list pages")));
  }

  /** The roles assigned to a user, in page order; empty when none. */
  List<Assignment> forUser(String userId) {
    return byUser.getOrDefault(userId, List.of());
  }

  private static String scope(JsonNode item, String domain, DirectoryPage page, String record) {
    String scopeType = SnapshotJson.optionalText(item, "scopeType");
    if (scopeType == null || scopeType.equalsIgnoreCase("CUSTOMER")) {
      return domain;
    }
    if (scopeType.equalsIgnoreCase("ORG_UNIT")) {
      return "orgunit:" + SnapshotJson.requiredText(item, "orgUnitId", page.file(), record);
    }
    throw new SnapshotException(
        page.file(), record, "field 'scopeType' is neither CUSTOMER nor ORG_UNIT");
  }
}
