package dev.rollcall.connectors.google;

import dev.rollcall.model.PrivilegeLevel;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * How much a Google admin privilege (a {@code rolePrivileges[].privilegeName} of roles.list)
 * allows. The one place that lists privilege names. Google publishes no complete catalogue of them
 * (privileges.list answers per tenant), so a name not listed here is judged by its words.
 */
final class AdminPrivileges {

  /**
   * Privileges that let a holder take over other accounts or give themselves more: create users or
   * change them (users.update sets passwords), rename them, reset passwords and sign-in security,
   * change SSO and security settings, manage admin roles.
   *
   * <p>Confirmed in Google's role-to-privilege table
   * (https://developers.google.com/admin-sdk/directory/v1/guides/manage-roles): USERS_CREATE,
   * USERS_UPDATE, USERS_ALIAS, USERS_RESET_PASSWORD, USER_SECURITY_ALL; in privileges.list output
   * (the tree under USERS_ALL, and the admin service's SECURITY_SETTINGS with its child
   * INBOUND_SSO_SETTINGS): USERS_ALL, SECURITY_SETTINGS, INBOUND_SSO_SETTINGS.
   *
   * <p>Not confirmed: ROLE_MANAGEMENT, ROLE_ASSIGNMENTS and ADMIN_DELEGATION appear in no public
   * privileges.list output found
   * (https://developers.google.com/admin-sdk/directory/reference/rest/v1/privileges/list); they are
   * kept so that a tenant that does return a role-management privilege under one of these names is
   * not under-rated. A name that never occurs costs nothing.
   */
  static final Set<String> ESCALATION =
      Set.of(
          "USERS_ALL",
          "USERS_CREATE",
          "USERS_UPDATE",
          "USERS_ALIAS",
          "USERS_RESET_PASSWORD",
          "USER_SECURITY_ALL",
          "SECURITY_SETTINGS",
          "INBOUND_SSO_SETTINGS",
          "ROLE_MANAGEMENT",
          "ROLE_ASSIGNMENTS",
          "ADMIN_DELEGATION");

  /**
   * Words of a privilege name (split at '_') that say it changes something. Whole words, so that
   * MANAGED_CHROME_BROWSERS_READ_ONLY is not taken for MANAGE.
   */
  private static final Set<String> WRITE_WORDS =
      Set.of(
          "CREATE",
          "UPDATE",
          "DELETE",
          "MANAGE",
          "MANAGER",
          "MANAGEMENT",
          "RESET",
          "WRITE",
          "READWRITE",
          "ADD",
          "REMOVE",
          "MOVE",
          "SUSPEND",
          "ALIAS",
          "NICKNAME",
          "FORCE",
          "CHANGE",
          "EDIT",
          "EXECUTE",
          "MODIFY",
          "MIGRATE",
          "UPLOAD",
          "FULL");

  private AdminPrivileges() {}

  /** The level of one privilege. */
  static PrivilegeLevel level(String privilegeName) {
    String name = privilegeName.strip().toUpperCase(Locale.ROOT);
    if (ESCALATION.contains(name)) {
      return PrivilegeLevel.PRIVILEGE_ESCALATION;
    }
    // A service's _ALL privilege holds its create/update/delete children (USERS_ALL, GROUPS_ALL,
    // ORGANIZATION_UNITS_ALL); APP_ADMIN and the like administer a whole service.
    if (name.endsWith("_ALL") || name.endsWith("_ADMIN")) {
      return PrivilegeLevel.WRITE;
    }
    if (Arrays.stream(name.split("_")).anyMatch(WRITE_WORDS::contains)) {
      return PrivilegeLevel.WRITE;
    }
    return PrivilegeLevel.READ;
  }

  /** The highest level among a role's privileges; READ for a role with none. */
  static PrivilegeLevel level(Collection<String> privilegeNames) {
    return privilegeNames.stream()
        .map(AdminPrivileges::level)
        .max(Enum::compareTo)
        .orElse(PrivilegeLevel.READ);
  }
}
