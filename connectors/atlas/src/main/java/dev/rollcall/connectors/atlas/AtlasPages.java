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
 * input of {@link AtlasMapper}. Every listing after {@code databaseUsers} is optional: an empty
 * list or an absent map entry means it was not pulled, and what it would tell stays unknown.
 *
 * @param orgId the organisation id (24 hex digits)
 * @param organization GET /orgs/{orgId}, or null when not in the snapshot
 * @param settings GET /orgs/{orgId}/settings, or null when not in the snapshot
 * @param users the GET /orgs/{orgId}/users pages
 * @param groups the GET /orgs/{orgId}/groups pages (projects)
 * @param databaseUsers the GET /groups/{groupId}/databaseUsers pages, by project id
 * @param teams the GET /orgs/{orgId}/teams pages
 * @param apiKeys the GET /orgs/{orgId}/apiKeys pages
 * @param apiKeyAccessLists the GET /orgs/{orgId}/apiKeys/{apiUserId}/accessList pages, by key id
 * @param serviceAccounts the GET /orgs/{orgId}/serviceAccounts pages
 * @param projects the optional per-project listings, by project id
 */
public record AtlasPages(
    String orgId,
    Page organization,
    Page settings,
    List<Page> users,
    List<Page> groups,
    Map<String, List<Page>> databaseUsers,
    List<Page> teams,
    List<Page> apiKeys,
    Map<String, List<Page>> apiKeyAccessLists,
    List<Page> serviceAccounts,
    Map<String, ProjectPages> projects) {

  /** One response body and the file it was read from. */
  public record Page(Path file, JsonNode body) {
    public Page {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(body, "body of " + file);
    }
  }

  /**
   * The optional listings of one project.
   *
   * @param users GET /groups/{groupId}/users?flattenTeams=true pages (version 2025-02-19)
   * @param teams GET /groups/{groupId}/teams pages (the teams' project roles)
   * @param serviceAccounts GET /groups/{groupId}/serviceAccounts pages (their project roles)
   * @param clusters GET /groups/{groupId}/clusters pages
   * @param accessHistory GET /groups/{groupId}/dbAccessHistory/clusters/{clusterName}, by cluster
   */
  public record ProjectPages(
      List<Page> users,
      List<Page> teams,
      List<Page> serviceAccounts,
      List<Page> clusters,
      Map<String, Page> accessHistory) {
    /** Nothing pulled. */
    public static final ProjectPages NONE =
        new ProjectPages(List.of(), List.of(), List.of(), List.of(), Map.of());

    public ProjectPages {
      users = List.copyOf(users);
      teams = List.copyOf(teams);
      serviceAccounts = List.copyOf(serviceAccounts);
      clusters = List.copyOf(clusters);
      accessHistory = Collections.unmodifiableMap(new TreeMap<>(accessHistory));
    }
  }

  public AtlasPages {
    Objects.requireNonNull(orgId, "orgId");
    users = List.copyOf(users);
    groups = List.copyOf(groups);
    databaseUsers = sorted(databaseUsers);
    teams = List.copyOf(teams);
    apiKeys = List.copyOf(apiKeys);
    apiKeyAccessLists = sorted(apiKeyAccessLists);
    serviceAccounts = List.copyOf(serviceAccounts);
    projects = Collections.unmodifiableMap(new TreeMap<>(projects));
  }

  /** The responses the first snapshots held: no teams, keys, service accounts or clusters. */
  public AtlasPages(
      String orgId,
      Page organization,
      Page settings,
      List<Page> users,
      List<Page> groups,
      Map<String, List<Page>> databaseUsers) {
    this(
        orgId,
        organization,
        settings,
        users,
        groups,
        databaseUsers,
        List.of(),
        List.of(),
        Map.of(),
        List.of(),
        Map.of());
  }

  /** A project's optional listings; {@link ProjectPages#NONE} when none were pulled. */
  public ProjectPages project(String groupId) {
    return projects.getOrDefault(groupId, ProjectPages.NONE);
  }

  private static Map<String, List<Page>> sorted(Map<String, List<Page>> byId) {
    TreeMap<String, List<Page>> copy = new TreeMap<>();
    byId.forEach((id, pages) -> copy.put(id, List.copyOf(pages)));
    return Collections.unmodifiableMap(copy);
  }
}
