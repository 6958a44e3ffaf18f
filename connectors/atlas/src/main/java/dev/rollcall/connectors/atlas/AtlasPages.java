package dev.rollcall.connectors.atlas;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The raw Atlas Administration API v2 responses of one organisation, as a snapshot holds them; the
 * input of {@link AtlasMapper}.
 *
 * @param orgId the organisation id (24 hex digits)
 * @param organization GET /orgs/{orgId}, or null when not in the snapshot
 * @param settings GET /orgs/{orgId}/settings, or null when not in the snapshot
 * @param users the GET /orgs/{orgId}/users pages
 * @param groups the GET /orgs/{orgId}/groups pages (projects)
 * @param databaseUsers the GET /groups/{groupId}/databaseUsers pages, by project id
 */
public record AtlasPages(
    String orgId,
    Page organization,
    Page settings,
    List<Page> users,
    List<Page> groups,
    Map<String, List<Page>> databaseUsers) {

  /** One response body and the file it was read from. */
  public record Page(Path file, JsonNode body) {
    public Page {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(body, "body of " + file);
    }
  }

  public AtlasPages {
    Objects.requireNonNull(orgId, "orgId");
    users = List.copyOf(users);
    groups = List.copyOf(groups);
    TreeMap<String, List<Page>> byProject = new TreeMap<>();
    databaseUsers.forEach((groupId, pages) -> byProject.put(groupId, List.copyOf(pages)));
    databaseUsers = Collections.unmodifiableMap(byProject);
  }
}
