package dev.rollcall.connectors.google;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.connectors.snapshot.SnapshotJson;
import dev.rollcall.model.PrivilegeLevel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The admin roles of a tenant (roles.list) with the privilege level each grants. The super admin
 * role is recognised by {@code isSuperAdminRole}, never by its id or name, which differ per tenant
 * (https://developers.google.com/admin-sdk/directory/reference/rest/v1/roles).
 */
final class AdminRoles {
  /**
   * Privileges that let a holder make themselves or others more powerful: create or change users
   * (and so reset an admin's password), or assign admin roles.
   */
  private static final Set<String> ESCALATION =
      Set.of(
          "USERS_ALL",
          "USERS_CREATE",
          "USERS_UPDATE",
          "USERS_ALIAS",
          "USERS_RESET_PASSWORD",
          "ADMIN_ROLES",
          "ROLE_MANAGEMENT",
          "MANAGE_ROLES",
          "SECURITY_SETTINGS",
          "ADMIN_DELEGATION");

  private static final Pattern WRITE =
      Pattern.compile("CREATE|UPDATE|DELETE|MANAGE|_ALL$|RESET|MOVE|SUSPEND|ADD|REMOVE|WRITE|EDIT");

  /** A role's name and level. */
  record Role(String name, PrivilegeLevel level, boolean superAdmin) {}

  private final Map<String, Role> byId;

  private AdminRoles(Map<String, Role> byId) {
    this.byId = byId;
  }

  static AdminRoles from(List<GooglePages.Page> pages) {
    Map<String, Role> roles = new LinkedHashMap<>();
    for (GooglePages.Page page : pages) {
      List<JsonNode> items = SnapshotJson.array(page.body(), "items", page.file(), null);
      for (int i = 0; i < items.size(); i++) {
        JsonNode item = items.get(i);
        String record = "items[" + i + "]";
        String id = SnapshotJson.requiredText(item, "roleId", page.file(), record);
        String name = SnapshotJson.requiredText(item, "roleName", page.file(), record);
        boolean superAdmin =
            SnapshotJson.bool(item, "isSuperAdminRole", false, page.file(), record);
        roles.put(
            id,
            new Role(
                name,
                superAdmin ? PrivilegeLevel.ADMIN : level(item, page.file(), record),
                superAdmin));
      }
    }
    return new AdminRoles(roles);
  }

  Role get(String roleId) {
    return byId.get(roleId);
  }

  private static PrivilegeLevel level(JsonNode role, Path file, String record) {
    PrivilegeLevel level = PrivilegeLevel.READ;
    for (JsonNode privilege : SnapshotJson.array(role, "rolePrivileges", file, record)) {
      String name = SnapshotJson.optionalText(privilege, "privilegeName");
      if (name == null) {
        continue;
      }
      String upper = name.toUpperCase(Locale.ROOT);
      if (ESCALATION.contains(upper)) {
        return PrivilegeLevel.PRIVILEGE_ESCALATION;
      }
      if (WRITE.matcher(upper).find()) {
        level = PrivilegeLevel.WRITE;
      }
    }
    return level;
  }
}
