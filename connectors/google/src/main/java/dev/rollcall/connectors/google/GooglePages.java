package dev.rollcall.connectors.google;

import dev.rollcall.model.Text;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw Admin SDK pages of one Google Workspace tenant, as the snapshot holds them. An optional
 * listing with no pages was not pulled: what it would tell stays unknown.
 *
 * @param domain the tenant's primary domain
 * @param users the users.list pages (projection=full), at least one in a real snapshot
 * @param roles the roles.list pages; empty when the snapshot has none
 * @param roleAssignments the roleAssignments.list pages; empty when the snapshot has none
 * @param deletedUsers the users.list showDeleted=true pages; empty when not pulled
 * @param groups the groups.list pages; empty when not pulled
 * @param members the members.list pages by group id, in group id order; a group without an entry
 *     has unknown members
 * @param loginActivities the activities.list pages of the login application; empty when not pulled
 */
public record GooglePages(
    String domain,
    List<DirectoryPage> users,
    List<DirectoryPage> roles,
    List<DirectoryPage> roleAssignments,
    List<DirectoryPage> deletedUsers,
    List<DirectoryPage> groups,
    Map<String, List<DirectoryPage>> members,
    List<DirectoryPage> loginActivities) {

  public GooglePages {
    domain = Text.required(domain, "domain");
    users = List.copyOf(users);
    roles = List.copyOf(roles);
    roleAssignments = List.copyOf(roleAssignments);
    deletedUsers = List.copyOf(deletedUsers);
    groups = List.copyOf(groups);
    Map<String, List<DirectoryPage>> copy = new LinkedHashMap<>();
    members.forEach((group, pages) -> copy.put(group, List.copyOf(pages)));
    members = java.util.Collections.unmodifiableMap(copy);
    loginActivities = List.copyOf(loginActivities);
  }

  /** The Directory listings alone, as snapshots before the live connector held them. */
  public GooglePages(
      String domain,
      List<DirectoryPage> users,
      List<DirectoryPage> roles,
      List<DirectoryPage> roleAssignments) {
    this(domain, users, roles, roleAssignments, List.of(), List.of(), Map.of(), List.of());
  }
}
