package dev.rollcall.connectors.google;

/**
 * The three Directory API listings a Google Workspace snapshot holds, with the page shape each
 * returns: {@code {"kind": ..., "<array>": [...], "nextPageToken": ...}}.
 */
public enum DirectoryListing {
  /** users.list with projection=full. */
  USERS("users", "users.list", "admin#directory#users", "users"),
  /** roles.list. */
  ROLES("roles", "roles.list", "admin#directory#roles", "items"),
  /** roleAssignments.list. */
  ROLE_ASSIGNMENTS(
      "roleAssignments", "roleAssignments.list", "admin#directory#roleAssignments", "items");

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
