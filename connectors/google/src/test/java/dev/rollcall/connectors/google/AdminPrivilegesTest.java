package dev.rollcall.connectors.google;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rollcall.model.PrivilegeLevel;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdminPrivilegesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    // user and role management: can take over other accounts
    "USERS_ALL, PRIVILEGE_ESCALATION",
    "USERS_CREATE, PRIVILEGE_ESCALATION",
    "USERS_UPDATE, PRIVILEGE_ESCALATION",
    "USERS_ALIAS, PRIVILEGE_ESCALATION",
    "USERS_RESET_PASSWORD, PRIVILEGE_ESCALATION",
    "USER_SECURITY_ALL, PRIVILEGE_ESCALATION",
    "SECURITY_SETTINGS, PRIVILEGE_ESCALATION",
    "users_update, PRIVILEGE_ESCALATION",
    // changes something, but not who holds what
    "USERS_SUSPEND, WRITE",
    "USERS_MOVE, WRITE",
    "USERS_ADD_NICKNAME, WRITE",
    "USERS_DELETE, WRITE",
    "GROUPS_ALL, WRITE",
    "ORGANIZATION_UNITS_ALL, WRITE",
    "ADMIN_APIS_ALL, WRITE",
    "APP_ADMIN, WRITE",
    "MANAGE_DEVICES, WRITE",
    "LDAP_MANAGER, WRITE",
    "SCHEMA_MANAGEMENT, WRITE",
    "PROFILE_EDITABILITY_READWRITE, WRITE",
    "TRUSTED_DOMAIN_WHITELIST_WRITE, WRITE",
    "CHANGE_USER_GROUP_MEMBERSHIP, WRITE",
    // reads
    "USERS_RETRIEVE, READ",
    "ORGANIZATION_UNITS_RETRIEVE, READ",
    "ADMIN_DASHBOARD, READ",
    "REPORTS, READ",
    "MANAGED_CHROME_BROWSERS_READ_ONLY, READ",
    "VIEW_RETENTION_POLICY, READ",
  })
  void levelOfOnePrivilege(String privilege, PrivilegeLevel expected) {
    assertEquals(expected, AdminPrivileges.level(privilege));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "USERS_RETRIEVE,ADMIN_DASHBOARD | READ",
        "USERS_RETRIEVE,USERS_SUSPEND | WRITE",
        "USERS_SUSPEND,USERS_UPDATE,ADMIN_DASHBOARD | PRIVILEGE_ESCALATION",
      })
  void aRoleIsAsHighAsItsHighestPrivilege(String privileges, PrivilegeLevel expected) {
    assertEquals(expected, AdminPrivileges.level(List.of(privileges.split(","))));
  }

  @org.junit.jupiter.api.Test
  void aRoleWithoutPrivilegesReads() {
    assertEquals(PrivilegeLevel.READ, AdminPrivileges.level(List.<String>of()));
  }
}
