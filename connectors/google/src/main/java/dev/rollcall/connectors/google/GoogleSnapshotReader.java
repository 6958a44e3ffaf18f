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
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Reads a Google Workspace tenant folder, named for the primary domain: the users.list, roles.list
 * and roleAssignments.list pages exactly as the Directory API prints them.
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
        pages(tenantDir, DirectoryListing.ROLE_ASSIGNMENTS));
  }

  private static List<DirectoryPage> pages(Path tenantDir, DirectoryListing listing) {
    return TenantFolder.pages(tenantDir, listing.pageName()).stream()
        .map(file -> DirectoryPage.of(file, SnapshotJson.read(file), listing))
        .toList();
  }
}
