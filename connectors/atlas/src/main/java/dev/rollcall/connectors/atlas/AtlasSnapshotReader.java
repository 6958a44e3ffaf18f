package dev.rollcall.connectors.atlas;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.SnapshotReader;
import dev.rollcall.connectors.snapshot.TenantFolder;
import dev.rollcall.model.Account;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.SourceResult;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.TenantSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads an Atlas organisation folder of a snapshot (organization.json, settings.json, the users,
 * groups and per-project databaseUsers pages, and where pulled the teams, API keys with their
 * access lists, service accounts, and per project the users, teams, service accounts, clusters and
 * database access history) and maps it with {@link AtlasMapper}. Optional files that are missing
 * were not pulled: what they would tell stays unknown and the pull is not made partial for it. A
 * listing whose pages hold fewer results than its {@code totalCount} makes the pull partial, not
 * failed.
 */
public final class AtlasSnapshotReader implements SnapshotReader {
  private static final Pattern ATLAS_ID = Pattern.compile("[0-9a-f]{24}");

  @Override
  public String folder() {
    return "atlas";
  }

  @Override
  public SourceResult read(TenantFolder tenantDir, Instant observedAt) {
    String orgId = tenantDir.name();
    if (!ATLAS_ID.matcher(orgId).matches()) {
      throw new SnapshotException(
          tenantDir.dir(),
          null,
          "folder name '" + orgId + "' is not an Atlas organisation id (24 lower-case hex digits)");
    }
    List<String> gaps = new ArrayList<>();
    List<AtlasPages.Page> users = listing(tenantDir, "users", gaps);
    if (users.isEmpty()) {
      throw new SnapshotException(
          tenantDir.dir(),
          null,
          "no organisation users in the snapshot: expected users.json or users/*.json"
              + " (GET /api/atlas/v2/orgs/"
              + orgId
              + "/users)");
    }
    List<AtlasPages.Page> groups = listing(tenantDir, "groups", gaps);
    Map<String, List<AtlasPages.Page>> databaseUsers = databaseUsers(tenantDir, gaps);
    AtlasPages pages =
        new AtlasPages(
            orgId,
            single(tenantDir, tenantDir.resolve("organization.json")),
            single(tenantDir, tenantDir.resolve("settings.json")),
            users,
            groups,
            databaseUsers,
            listing(tenantDir, "teams", gaps),
            listing(tenantDir, "apiKeys", gaps),
            byId(tenantDir, "apiKeys", "accessList", gaps),
            listing(tenantDir, "serviceAccounts", gaps),
            projects(tenantDir, databaseUsers.keySet(), gaps));
    AtlasMapper mapper = new AtlasMapper(observedAt);
    for (Map.Entry<String, String> project : mapper.projects(pages).entrySet()) {
      if (databaseUsers.getOrDefault(project.getKey(), List.of()).isEmpty()) {
        gaps.add(
            "groups/"
                + project.getKey()
                + "/databaseUsers: project '"
                + project.getValue()
                + "' is listed but its database users are not in the snapshot");
      }
    }
    List<Account> accounts = mapper.accounts(pages);
    return new SourceResult(
        new SourcePull(
            "atlas/" + orgId,
            SourceSystem.ATLAS_ORG,
            orgId,
            gaps.isEmpty() ? PullStatus.COMPLETE : PullStatus.PARTIAL,
            accounts.size(),
            gaps,
            observedAt),
        accounts,
        List.of(),
        new TenantSettings(SourceSystem.ATLAS_ORG, orgId, null, mapper.mfaRequired(pages)));
  }

  /** The databaseUsers pages of every project folder under groups/, by project id. */
  private static Map<String, List<AtlasPages.Page>> databaseUsers(
      TenantFolder tenantDir, List<String> gaps) {
    Map<String, List<AtlasPages.Page>> byProject = new TreeMap<>();
    for (Path project : tenantDir.subfolders("groups")) {
      String groupId = project.getFileName().toString();
      if (!ATLAS_ID.matcher(groupId).matches()) {
        throw new SnapshotException(
            project,
            null,
            "folder name '" + groupId + "' is not an Atlas project id (24 lower-case hex digits)");
      }
      byProject.put(groupId, listing(tenantDir, "groups/" + groupId + "/databaseUsers", gaps));
    }
    return byProject;
  }

  /** The optional listings of every project folder under groups/, by project id. */
  private static Map<String, AtlasPages.ProjectPages> projects(
      TenantFolder tenantDir, Iterable<String> groupIds, List<String> gaps) {
    Map<String, AtlasPages.ProjectPages> byProject = new TreeMap<>();
    for (String groupId : groupIds) {
      String folder = "groups/" + groupId;
      Map<String, AtlasPages.Page> history = new TreeMap<>();
      for (Path file : tenantDir.pages(folder + "/dbAccessHistory/clusters")) {
        String name = file.getFileName().toString();
        history.put(name.substring(0, name.length() - ".json".length()), single(tenantDir, file));
      }
      byProject.put(
          groupId,
          new AtlasPages.ProjectPages(
              listing(tenantDir, folder + "/users", gaps),
              listing(tenantDir, folder + "/teams", gaps),
              listing(tenantDir, folder + "/serviceAccounts", gaps),
              listing(tenantDir, folder + "/clusters", gaps),
              history));
    }
    return byProject;
  }

  /**
   * The {@code <parent>/<id>/<name>} listings (e.g. apiKeys/{id}/accessList), by id; an id whose
   * folder holds none is left out (not pulled).
   */
  private static Map<String, List<AtlasPages.Page>> byId(
      TenantFolder tenantDir, String parent, String name, List<String> gaps) {
    Map<String, List<AtlasPages.Page>> byId = new TreeMap<>();
    for (Path folder : tenantDir.subfolders(parent)) {
      String id = folder.getFileName().toString();
      List<AtlasPages.Page> pages = listing(tenantDir, parent + "/" + id + "/" + name, gaps);
      if (!pages.isEmpty()) {
        byId.put(id, pages);
      }
    }
    return byId;
  }

  /**
   * The pages of one listing; adds to {@code gaps} when they hold fewer results than the totalCount
   * Atlas reported (absent when the request did not ask for includeCount).
   */
  private static List<AtlasPages.Page> listing(
      TenantFolder tenantDir, String name, List<String> gaps) {
    List<AtlasPages.Page> pages = new ArrayList<>();
    int results = 0;
    Integer totalCount = null;
    for (Path file : tenantDir.pages(name)) {
      AtlasPages.Page page = new AtlasPages.Page(file, tenantDir.json(file));
      results += AtlasMapper.results(page).size();
      Integer count = totalCount(page);
      if (count != null) {
        totalCount = totalCount == null ? count : Math.max(totalCount, count);
      }
      pages.add(page);
    }
    if (totalCount != null && results < totalCount) {
      gaps.add(name + ": " + results + " of " + totalCount + " results in the snapshot");
    }
    return pages;
  }

  private static Integer totalCount(AtlasPages.Page page) {
    JsonNode count = page.body().get("totalCount");
    if (count == null || count.isNull()) {
      return null;
    }
    if (!count.isIntegralNumber() || !count.canConvertToInt() || count.intValue() < 0) {
      throw new SnapshotException(page.file(), null, "field 'totalCount' is not a count");
    }
    return count.intValue();
  }

  private static AtlasPages.Page single(TenantFolder tenantDir, Path file) {
    return tenantDir.isFile(file) ? new AtlasPages.Page(file, tenantDir.json(file)) : null;
  }
}
