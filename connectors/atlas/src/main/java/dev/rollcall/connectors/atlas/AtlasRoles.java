package dev.rollcall.connectors.atlas;

import dev.rollcall.model.PrivilegeLevel;
import java.util.Map;

/**
 * The privilege level of every Atlas role rollcall knows, in one table: organisation and project
 * roles (https://www.mongodb.com/docs/atlas/reference/user-roles/) and database built-in roles
 * (https://www.mongodb.com/docs/atlas/mongodb-users-roles-and-privileges/). A name not in the table
 * is unrecognised (or, for a database role, custom); the mappers take it as write and say so.
 */
final class AtlasRoles {
  private static final Map<String, PrivilegeLevel> ORG_AND_PROJECT =
      Map.ofEntries(
          Map.entry("ORG_OWNER", PrivilegeLevel.ADMIN),
          Map.entry("ORG_GROUP_CREATOR", PrivilegeLevel.WRITE),
          Map.entry("ORG_BILLING_ADMIN", PrivilegeLevel.WRITE),
          Map.entry("ORG_STREAM_PROCESSING_ADMIN", PrivilegeLevel.WRITE),
          Map.entry("ORG_MEMBER", PrivilegeLevel.READ),
          Map.entry("ORG_READ_ONLY", PrivilegeLevel.READ),
          Map.entry("ORG_BILLING_READ_ONLY", PrivilegeLevel.READ),
          Map.entry("GROUP_OWNER", PrivilegeLevel.ADMIN),
          // These create database users or invite people, so they can hand out more access.
          Map.entry("GROUP_DATA_ACCESS_ADMIN", PrivilegeLevel.PRIVILEGE_ESCALATION),
          Map.entry("GROUP_USER_ADMIN", PrivilegeLevel.PRIVILEGE_ESCALATION),
          Map.entry("GROUP_DATABASE_ACCESS_ADMIN", PrivilegeLevel.PRIVILEGE_ESCALATION),
          Map.entry("GROUP_CLUSTER_MANAGER", PrivilegeLevel.WRITE),
          Map.entry("GROUP_DATA_ACCESS_READ_WRITE", PrivilegeLevel.WRITE),
          Map.entry("GROUP_STREAM_PROCESSING_OWNER", PrivilegeLevel.WRITE),
          Map.entry("GROUP_SEARCH_INDEX_EDITOR", PrivilegeLevel.WRITE),
          Map.entry("GROUP_BACKUP_MANAGER", PrivilegeLevel.WRITE),
          Map.entry("GROUP_READ_ONLY", PrivilegeLevel.READ),
          Map.entry("GROUP_DATA_ACCESS_READ_ONLY", PrivilegeLevel.READ),
          Map.entry("GROUP_OBSERVABILITY_VIEWER", PrivilegeLevel.READ));

  private static final Map<String, PrivilegeLevel> DATABASE =
      Map.ofEntries(
          Map.entry("atlasAdmin", PrivilegeLevel.ADMIN),
          Map.entry("userAdminAnyDatabase", PrivilegeLevel.PRIVILEGE_ESCALATION),
          Map.entry("userAdmin", PrivilegeLevel.PRIVILEGE_ESCALATION),
          Map.entry("dbAdminAnyDatabase", PrivilegeLevel.WRITE),
          Map.entry("readWriteAnyDatabase", PrivilegeLevel.WRITE),
          Map.entry("clusterManager", PrivilegeLevel.WRITE),
          Map.entry("dbAdmin", PrivilegeLevel.WRITE),
          Map.entry("readWrite", PrivilegeLevel.WRITE),
          Map.entry("enableSharding", PrivilegeLevel.WRITE),
          Map.entry("backup", PrivilegeLevel.WRITE),
          Map.entry("restore", PrivilegeLevel.WRITE),
          Map.entry("readAnyDatabase", PrivilegeLevel.READ),
          Map.entry("read", PrivilegeLevel.READ),
          Map.entry("clusterMonitor", PrivilegeLevel.READ));

  private AtlasRoles() {}

  /** An organisation or project role's level, or null when the name is not in the table. */
  static PrivilegeLevel orgOrProject(String role) {
    return ORG_AND_PROJECT.get(role);
  }

  /** A database role's level, or null for a custom role. */
  static PrivilegeLevel database(String role) {
    return DATABASE.get(role);
  }
}
