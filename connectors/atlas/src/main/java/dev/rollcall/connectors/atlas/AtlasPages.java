package dev.rollcall.connectors.atlas;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The raw Atlas Administration API v2 responses of one organisation, as the snapshot holds them.
 *
 * @param orgId the organisation id
 * @param organization GET /orgs/{orgId}, or null
 * @param settings GET /orgs/{orgId}/settings, or null
 * @param users the organisation users pages
 * @param groups the project pages
 * @param databaseUsers the database users pages, by project id
 */
public record AtlasPages(
    String orgId,
    Page organization,
    Page settings,
    List<Page> users,
    List<Page> groups,
    Map<String, List<Page>> databaseUsers) {

  /** One response body and its file. */
  public record Page(Path file, JsonNode body) {}

  public AtlasPages {
    users = List.copyOf(users);
    groups = List.copyOf(groups);
    databaseUsers = Map.copyOf(databaseUsers);
  }
}
