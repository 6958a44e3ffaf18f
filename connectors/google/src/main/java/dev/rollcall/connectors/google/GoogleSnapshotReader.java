package dev.rollcall.connectors.google;

import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.SnapshotJson;
import dev.rollcall.connectors.snapshot.SnapshotReader;
import dev.rollcall.connectors.snapshot.TenantFolder;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.SourceResult;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.TenantSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

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
  public SourceResult read(Path tenantDir, Instant observedAt) {
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
  static GooglePages pages(Path tenantDir) {
    List<DirectoryPage> users = pages(tenantDir, DirectoryListing.USERS);
    if (users.isEmpty()) {
      throw new SnapshotException(
          tenantDir,
          null,
          "no users.list pages: expected users.json or users/*.json"
              + " (Directory API users.list, projection=full)");
    }
    return new GooglePages(
        tenantDir.getFileName().toString(),
        users,
        pages(tenantDir, DirectoryListing.ROLES),
        pages(tenantDir, DirectoryListing.ROLE_ASSIGNMENTS),
        pages(tenantDir, DirectoryListing.DELETED_USERS),
        pages(tenantDir, DirectoryListing.GROUPS),
        members(tenantDir.resolve(DirectoryListing.MEMBERS.pageName())),
        pages(tenantDir, DirectoryListing.LOGIN_ACTIVITIES));
  }

  /** The members.list pages of each group: {@code members/<groupId>.json} or a folder of pages. */
  private static Map<String, List<DirectoryPage>> members(Path membersDir) {
    Set<String> groupIds = new TreeSet<>();
    if (Files.isDirectory(membersDir)) {
      try (Stream<Path> entries = Files.list(membersDir)) {
        entries.forEach(
            entry -> {
              String name = entry.getFileName().toString();
              if (Files.isDirectory(entry)) {
                groupIds.add(name);
              } else if (name.endsWith(".json") && Files.isRegularFile(entry)) {
                groupIds.add(name.substring(0, name.length() - ".json".length()));
              }
            });
      } catch (IOException e) {
        throw new SnapshotException(
            membersDir, null, "cannot list the folder: " + e.getMessage(), e);
      }
    }
    Map<String, List<DirectoryPage>> byGroup = new LinkedHashMap<>();
    for (String groupId : groupIds) {
      byGroup.put(
          groupId,
          TenantFolder.pages(membersDir, groupId).stream()
              .map(
                  file -> DirectoryPage.of(file, SnapshotJson.read(file), DirectoryListing.MEMBERS))
              .toList());
    }
    return byGroup;
  }

  private static List<DirectoryPage> pages(Path tenantDir, DirectoryListing listing) {
    return TenantFolder.pages(tenantDir, listing.pageName()).stream()
        .map(file -> DirectoryPage.of(file, SnapshotJson.read(file), listing))
        .toList();
  }
}
