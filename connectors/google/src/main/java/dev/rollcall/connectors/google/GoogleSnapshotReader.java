package dev.rollcall.connectors.google;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Google Workspace tenant folder: users.list, roles.list and roleAssignments.list pages
 * exactly as the Directory API returns them.
 */
public final class GoogleSnapshotReader implements SnapshotReader {

  @Override
  public String folder() {
    return "google";
  }

  @Override
  public SourceResult read(Path tenantDir, Instant observedAt) {
    String domain = tenantDir.getFileName().toString();
    List<GooglePages.Page> users = pages(tenantDir, "users", "admin#directory#users");
    if (users.isEmpty()) {
      throw new SnapshotException(
          tenantDir, null, "no users.list pages: expected users.json or users/*.json");
    }
    GooglePages pages =
        new GooglePages(
            domain,
            users,
            pages(tenantDir, "roles", "admin#directory#roles"),
            pages(tenantDir, "roleAssignments", "admin#directory#roleAssignments"));
    GoogleDirectory directory = new GoogleDirectoryMapper(observedAt).map(pages);
    return new SourceResult(
        new SourcePull(
            "google/" + domain,
            SourceSystem.GOOGLE_WORKSPACE,
            domain,
            PullStatus.COMPLETE,
            directory.accounts().size(),
            List.of(),
            observedAt),
        directory.accounts(),
        directory.people(),
        new TenantSettings(SourceSystem.GOOGLE_WORKSPACE, domain, null, null));
  }

  private static List<GooglePages.Page> pages(Path dir, String name, String kind) {
    List<GooglePages.Page> pages = new ArrayList<>();
    for (Path file : TenantFolder.pages(dir, name)) {
      JsonNode body = SnapshotJson.read(file);
      if (!body.isObject()) {
        throw new SnapshotException(file, null, "a " + name + " page must be a JSON object");
      }
      String actual = SnapshotJson.optionalText(body, "kind");
      if (actual != null && !actual.equals(kind)) {
        throw new SnapshotException(
            file, null, "page kind is '" + actual + "', expected '" + kind + "'");
      }
      pages.add(new GooglePages.Page(file, body));
    }
    return pages;
  }
}
