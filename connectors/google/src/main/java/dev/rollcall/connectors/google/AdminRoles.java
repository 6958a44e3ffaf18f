package dev.rollcall.connectors.google;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.SnapshotJson;
import dev.rollcall.model.PrivilegeLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admin roles of a tenant, from its roles.list pages, by roleId
 * (https://developers.google.com/admin-sdk/directory/reference/rest/v1/roles).
 */
final class AdminRoles {

  /**
   * One admin role.
   *
   * @param id the roleId
   * @param name the roleName
   * @param superAdmin isSuperAdminRole: the super admin role is known by this flag only, since its
   *     id differs per tenant and its name (_SEED_ADMIN_ROLE) is not documented as stable
   * @param privileges the privilegeName of each rolePrivileges entry
   */
  record Role(String id, String name, boolean superAdmin, List<String> privileges) {
    Role {
      privileges = List.copyOf(privileges);
    }

    /** ADMIN for the super admin role, else the highest level among its privileges. */
    PrivilegeLevel level() {
      return superAdmin ? PrivilegeLevel.ADMIN : AdminPrivileges.level(privileges);
    }
  }

  private final Map<String, Role> byId;

  private AdminRoles(Map<String, Role> byId) {
    this.byId = Map.copyOf(byId);
  }

  /** Reads every role of the pages; fails on a role without id or name, or a roleId seen twice. */
  static AdminRoles read(List<DirectoryPage> pages) {
    Map<String, Role> byId = new HashMap<>();
    for (DirectoryPage page : pages) {
      for (int i = 0; i < page.items().size(); i++) {
        JsonNode item = page.items().get(i);
        String record = page.record(i);
        String id = SnapshotJson.requiredText(item, "roleId", page.file(), record);
        String name = SnapshotJson.requiredText(item, "roleName", page.file(), record);
        boolean superAdmin =
            SnapshotJson.bool(item, "isSuperAdminRole", false, page.file(), record);
        List<String> privileges = new ArrayList<>();
        List<JsonNode> entries = SnapshotJson.array(item, "rolePrivileges", page.file(), record);
        for (int p = 0; p < entries.size(); p++) {
          privileges.add(
              SnapshotJson.requiredText(
                  entries.get(p),
                  "privilegeName",
                  page.file(),
                  record + ".rolePrivileges[" + p + "]"));
        }
        if (byId.putIfAbsent(id, new Role(id, name, superAdmin, privileges)) != null) {
          throw new SnapshotException(page.file(), record, "its roleId appears twice");
        }
      }
    }
    return new AdminRoles(byId);
  }

  /** The role with this id, if the pages hold it. */
  Optional<Role> byId(String roleId) {
    return Optional.ofNullable(byId.get(roleId));
  }

  /** True when the pages hold no role at all (the snapshot has no roles.list output). */
  boolean isEmpty() {
    return byId.isEmpty();
  }
}
