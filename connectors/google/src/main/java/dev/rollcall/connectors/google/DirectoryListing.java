package dev.rollcall.connectors.google;

/**
 * The Admin SDK listings a Google Workspace snapshot holds (Directory API, and the Reports API's
 * login audit), with the page shape each returns: {@code {"kind": ..., "<array>": [...],
 * "nextPageToken": ...}}.
 */
public enum DirectoryListing {
  /** users.list with projection=full. */
  USERS("users", "users.list", "admin#directory#users", "users"),
  /** roles.list. */
  ROLES("roles", "roles.list", "admin#directory#roles", "items"),
  /** roleAssignments.list. */
  ROLE_ASSIGNMENTS(
      "roleAssignments", "roleAssignments.list", "admin#directory#roleAssignments", "items"),
  /** users.list with showDeleted=true: the users deleted in the last 20 days. Optional. */
  DELETED_USERS("deletedUsers", "users.list showDeleted=true", "admin#directory#users", "users"),
  /** groups.list. Optional. */
  GROUPS("groups", "groups.list", "admin#directory#groups", "groups"),
  /**
   * members.list of one group, includeDerivedMembership=true; saved as {@code
   * members/<groupId>.json} or {@code members/<groupId>/*.json}. Optional.
   */
  MEMBERS("members", "members.list", "admin#directory#members", "members"),
  /** Reports API activities.list, userKey=all, applicationName=login. Optional. */
  LOGIN_ACTIVITIES(
      "loginActivities",
      "activities.list applicationName=login",
      "admin#reports#activities",
      "items");

  private final String pageName;
  private final String method;
  private final String kind;
  private final String arrayField;

  DirectoryListing(String pageName, String method, String kind, String arrayField) {
    this.pageName = pageName;
    this.method = method;
    this.kind = kind;
    this.arrayField = arrayField;
  }

  /** The snapshot name: {@code <pageName>.json} or {@code <pageName>/*.json}. */
  public String pageName() {
    return pageName;
  }

  /** The API method that prints these pages, for error messages. */
  public String method() {
    return method;
  }

  /** The {@code kind} every page of this listing carries. */
  public String kind() {
    return kind;
  }

  /** The field holding the page's records. */
  public String arrayField() {
    return arrayField;
  }
}
