package dev.rollcall.connectors.google;

import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.SnapshotReader;
import dev.rollcall.connectors.snapshot.TenantFolder;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.SourceResult;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.TenantSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a Google Workspace tenant folder, named for the primary domain: the users.list, roles.list
 * and roleAssignments.list pages exactly as the Directory API prints them and, when pulled, the
 * deleted users, groups with their members, and the login audit (see {@link DirectoryListing}).
 */
public final class GoogleSnapshotReader implements SnapshotReader {

  @Override
  public String folder() {
    return "google";
  }

  @Override
  public SourceResult read(TenantFolder tenantDir, Instant observedAt) {
    GooglePages pages = pages(tenantDir);
    String domain = pages.domain();
    GoogleDirectory directory = GoogleDirectoryMapper.map(pages, observedAt);
    SourcePull pull =
        new SourcePull(
            "google/" + domain,
            SourceSystem.GOOGLE_WORKSPACE,
            domain,
            PullStatus.COMPLETE,
            directory.accounts().size(),
            List.of(),
            observedAt);
    return new SourceResult(
        pull,
        directory.accounts(),
        directory.people(),
        new TenantSettings(SourceSystem.GOOGLE_WORKSPACE, domain, null, null));
  }

  /**
   * The raw pages of a tenant folder, each checked for shape. The users pages are required; roles
   * and roleAssignments are optional.
   */
  static GooglePages pages(TenantFolder tenantDir) {
    List<DirectoryPage> users = pages(tenantDir, DirectoryListing.USERS);
    if (users.isEmpty()) {
      throw new SnapshotException(
          tenantDir.dir(),
          null,
          "no users.list pages: expected users.json or users/*.json"
              + " (Directory API users.list, projection=full)");
    }
    return new GooglePages(
        tenantDir.name(),
        users,
        pages(tenantDir, DirectoryListing.ROLES),
        pages(tenantDir, DirectoryListing.ROLE_ASSIGNMENTS),
        pages(tenantDir, DirectoryListing.DELETED_USERS),
        pages(tenantDir, DirectoryListing.GROUPS),
        members(tenantDir),
        pages(tenantDir, DirectoryListing.LOGIN_ACTIVITIES));
  }

  /** The members.list pages of each group: {@code members/<groupId>.json} or a folder of pages. */
  private static Map<String, List<DirectoryPage>> members(TenantFolder tenantDir) {
    String members = DirectoryListing.MEMBERS.pageName();
    Set<String> groupIds = new TreeSet<>();
    for (Path entry : tenantDir.entries(members)) {
      String name = entry.getFileName().toString();
      if (Files.isDirectory(entry)) {
        groupIds.add(name);
      } else if (name.endsWith(".json")) {
        groupIds.add(name.substring(0, name.length() - ".json".length()));
      }
    }
    Map<String, List<DirectoryPage>> byGroup = new LinkedHashMap<>();
    for (String groupId : groupIds) {
      byGroup.put(
          groupId,
          tenantDir.pages(members + "/" + groupId).stream()
              .map(file -> DirectoryPage.of(file, tenantDir.json(file), DirectoryListing.MEMBERS))
              .toList());
    }
    return byGroup;
  }

  private static List<DirectoryPage> pages(TenantFolder tenantDir, DirectoryListing listing) {
    return tenantDir.pages(listing.pageName()).stream()
        .map(file -> DirectoryPage.of(file, tenantDir.json(file), listing))
        .toList();
  }
}
