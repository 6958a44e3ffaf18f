package dev.rollcall.connectors.atlas;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.SnapshotJson;
import dev.rollcall.connectors.snapshot.SnapshotReader;
import dev.rollcall.connectors.snapshot.TenantFolder;
import dev.rollcall.model.Account;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.SourceResult;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.TenantSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads an Atlas organisation folder: organisation, settings, users, projects and each project's
 * database users, as the Atlas Administration API v2 returns them. Listings whose pages hold fewer
 * results than their {@code totalCount} make the pull partial, not failed.
 */
public final class AtlasSnapshotReader implements SnapshotReader {

  @Override
  public String folder() {
    return "atlas";
  }

  @Override
  public SourceResult read(Path tenantDir, Instant observedAt) {
    String orgId = tenantDir.getFileName().toString();
    if (!orgId.matches("[0-9a-f]{24}")) {
      throw new SnapshotException(
          tenantDir, null, "an Atlas folder must be named for its 24-hex organisation id");
    }
    List<String> gaps = new ArrayList<>();
    List<AtlasPages.Page> users = listing(tenantDir, "users", gaps);
    if (users.isEmpty()) {
      throw new SnapshotException(
          tenantDir, null, "no organisation users: expected users.json or users/*.json");
    }
    List<AtlasPages.Page> groups = listing(tenantDir, "groups", gaps);
    Map<String, List<AtlasPages.Page>> databaseUsers = new TreeMap<>();
    for (Path project : TenantFolder.subfolders(tenantDir.resolve("groups"))) {
      String listingName = "groups/" + project.getFileName() + "/databaseUsers";
      databaseUsers.put(project.getFileName().toString(), listing(tenantDir, listingName, gaps));
    }
    AtlasPages pages =
        new AtlasPages(
            orgId,
            single(tenantDir.resolve("organization.json")),
            single(tenantDir.resolve("settings.json")),
            users,
            groups,
            databaseUsers);
    AtlasMapper mapper = new AtlasMapper(observedAt);
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

  /** The pages of one listing, noting in {@code gaps} when they hold fewer than totalCount. */
  private static List<AtlasPages.Page> listing(Path dir, String name, List<String> gaps) {
    List<AtlasPages.Page> pages = new ArrayList<>();
    int results = 0;
    Integer total = null;
    for (Path file : TenantFolder.pages(dir, name)) {
      JsonNode body = SnapshotJson.read(file);
      JsonNode list = body.get("results");
      if (list == null || !list.isArray()) {
        throw new SnapshotException(
            file, null, "field 'results' is missing or not an array (not an Atlas v2 list page)");
      }
      results += list.size();
      JsonNode count = body.get("totalCount");
      if (count != null && count.canConvertToInt()) {
        total = total == null ? count.asInt() : Math.max(total, count.asInt());
      }
      pages.add(new AtlasPages.Page(file, body));
    }
    if (total != null && results < total) {
      gaps.add(name + ": " + results + " of " + total + " results in the snapshot");
    }
    return pages;
  }

  private static AtlasPages.Page single(Path file) {
    return Files.isRegularFile(file) ? new AtlasPages.Page(file, SnapshotJson.read(file)) : null;
  }
}
