package dev.rollcall.connectors.google;

import dev.rollcall.model.Text;
import java.util.List;

/**
 * The raw Directory API pages of one Google Workspace tenant, as the snapshot holds them.
 *
 * @param domain the tenant's primary domain
 * @param users the users.list pages (projection=full), at least one in a real snapshot
 * @param roles the roles.list pages; empty when the snapshot has none
 * @param roleAssignments the roleAssignments.list pages; empty when the snapshot has none
 */
public record GooglePages(
    String domain,
    List<DirectoryPage> users,
    List<DirectoryPage> roles,
    List<DirectoryPage> roleAssignments) {

  public GooglePages {
    domain = Text.required(domain, "domain");
    users = List.copyOf(users);
    roles = List.copyOf(roles);
    roleAssignments = List.copyOf(roleAssignments);
  }
}
