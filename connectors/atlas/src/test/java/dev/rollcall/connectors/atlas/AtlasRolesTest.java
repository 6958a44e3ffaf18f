package dev.rollcall.connectors.atlas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.rollcall.model.PrivilegeLevel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AtlasRolesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "ORG_OWNER, ADMIN",
    "ORG_GROUP_CREATOR, WRITE",
    "ORG_BILLING_ADMIN, WRITE",
    "ORG_STREAM_PROCESSING_ADMIN, WRITE",
    "ORG_MEMBER, READ",
    "ORG_READ_ONLY, READ",
    "ORG_BILLING_READ_ONLY, READ",
    "GROUP_OWNER, ADMIN",
    "GROUP_DATA_ACCESS_ADMIN, PRIVILEGE_ESCALATION",
    "GROUP_USER_ADMIN, PRIVILEGE_ESCALATION",
    "GROUP_DATABASE_ACCESS_ADMIN, PRIVILEGE_ESCALATION",
    "GROUP_CLUSTER_MANAGER, WRITE",
    "GROUP_DATA_ACCESS_READ_WRITE, WRITE",
    "GROUP_STREAM_PROCESSING_OWNER, WRITE",
    "GROUP_SEARCH_INDEX_EDITOR, WRITE",
    "GROUP_BACKUP_MANAGER, WRITE",
    "GROUP_READ_ONLY, READ",
    "GROUP_DATA_ACCESS_READ_ONLY, READ",
    "GROUP_OBSERVABILITY_VIEWER, READ"
  })
  void organisationAndProjectRoles(String role, PrivilegeLevel level) {
    assertEquals(level, AtlasRoles.orgOrProject(role));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "atlasAdmin, ADMIN",
    "userAdminAnyDatabase, PRIVILEGE_ESCALATION",
    "userAdmin, PRIVILEGE_ESCALATION",
    "dbAdminAnyDatabase, WRITE",
    "readWriteAnyDatabase, WRITE",
    "clusterManager, WRITE",
    "dbAdmin, WRITE",
    "readWrite, WRITE",
    "enableSharding, WRITE",
    "backup, WRITE",
    "restore, WRITE",
    "readAnyDatabase, READ",
    "read, READ",
    "clusterMonitor, READ"
  })
  void databaseBuiltInRoles(String role, PrivilegeLevel level) {
    assertEquals(level, AtlasRoles.database(role));
  }

  @ParameterizedTest
  @ValueSource(strings = {"org_owner", "GROUP_FUTURE_ROLE", "readwrite", "ordersMigrator", ""})
  void namesNotInTheTableAreUnrecognised(String role) {
    assertNull(AtlasRoles.orgOrProject(role));
    assertNull(AtlasRoles.database(role));
  }
}
