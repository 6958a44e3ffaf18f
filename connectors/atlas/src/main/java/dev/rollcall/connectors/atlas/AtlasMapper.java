package dev.rollcall.connectors.atlas;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.SnapshotJson;
import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Maps the Atlas Administration API v2 responses of one organisation to accounts: organisation
 * users (people, with their organisation and project roles) and each project's database users (with
 * their authentication method and database roles). Pure: no file or network access.
 */
public final class AtlasMapper {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final Instant observedAt;

  /**
   * Creates a mapper.
   *
   * @param observedAt when the snapshot was captured; every account carries it
   */
  public AtlasMapper(Instant observedAt) {
    this.observedAt = Objects.requireNonNull(observedAt, "observedAt");
  }

  /**
   * The organisation users, the API keys and service accounts (where pulled), then the database
   * users of each project in project id order.
   */
  public List<Account> accounts(AtlasPages pages) {
    Map<String, String> projects = projects(pages);
    String orgName = orgName(pages);
    OrgUserMapper orgUsers =
        new OrgUserMapper(
            pages.orgId(), orgName, mfaRequired(pages), observedAt, ProjectGrants.of(pages));
    DatabaseUserMapper databaseUsers =
        new DatabaseUserMapper(observedAt, DatabaseAccessHistory.of(pages));
    Map<AccountKey, String> seen = new HashMap<>();
    List<Account> accounts = new ArrayList<>();
    for (AtlasPages.Page page : pages.users()) {
      List<JsonNode> results = results(page);
      for (int i = 0; i < results.size(); i++) {
        String record = "results[" + i + "]";
        Account account = orgUsers.map(results.get(i), page.file(), record);
        accounts.add(once(account, seen, page.file(), record));
      }
    }
    ApiKeyMapper apiKeys = new ApiKeyMapper(pages.orgId(), orgName, observedAt);
    for (AtlasPages.Page page : pages.apiKeys()) {
      List<JsonNode> results = results(page);
      for (int i = 0; i < results.size(); i++) {
        String record = "results[" + i + "]";
        String id = SnapshotJson.optionalText(results.get(i), "id");
        Account account =
            apiKeys.map(
                results.get(i),
                id == null ? null : pages.apiKeyAccessLists().get(id),
                page.file(),
                record);
        accounts.add(once(account, seen, page.file(), record));
      }
    }
    ServiceAccountMapper serviceAccounts =
        new ServiceAccountMapper(pages.orgId(), orgName, observedAt, pages);
    for (AtlasPages.Page page : pages.serviceAccounts()) {
      List<JsonNode> results = results(page);
      for (int i = 0; i < results.size(); i++) {
        String record = "results[" + i + "]";
        accounts.add(
            once(
                serviceAccounts.map(results.get(i), page.file(), record),
                seen,
                page.file(),
                record));
      }
    }
    for (Map.Entry<String, List<AtlasPages.Page>> project : pages.databaseUsers().entrySet()) {
      String groupId = project.getKey();
      for (AtlasPages.Page page : project.getValue()) {
        List<JsonNode> results = results(page);
        for (int i = 0; i < results.size(); i++) {
          String record = "results[" + i + "]";
          Account account =
              databaseUsers.map(
                  groupId, projects.get(groupId), results.get(i), page.file(), record);
          accounts.add(once(account, seen, page.file(), record));
        }
      }
    }
    return accounts;
  }

  /**
   * The organisation's multiFactorAuthRequired setting; null when settings.json is not in the
   * snapshot or does not carry the field.
   */
  public Boolean mfaRequired(AtlasPages pages) {
    AtlasPages.Page settings = pages.settings();
    if (settings == null) {
      return null;
    }
    JsonNode value = settings.body().get("multiFactorAuthRequired");
    if (value == null || value.isNull()) {
      return null;
    }
    return SnapshotJson.bool(
        settings.body(), "multiFactorAuthRequired", false, settings.file(), null);
  }

  /**
   * Project names by project id, from the groups pages; empty when they are not in the snapshot.
   */
  public Map<String, String> projects(AtlasPages pages) {
    Map<String, String> names = new TreeMap<>();
    for (AtlasPages.Page page : pages.groups()) {
      List<JsonNode> results = results(page);
      for (int i = 0; i < results.size(); i++) {
        String record = "results[" + i + "]";
        String id = SnapshotJson.requiredText(results.get(i), "id", page.file(), record);
        String name = SnapshotJson.requiredText(results.get(i), "name", page.file(), record);
        if (names.put(id, name) != null) {
          throw new SnapshotException(page.file(), record, "its id is listed twice");
        }
      }
    }
    return names;
  }

  /** Whether a user name is an email address (Atlas UI users always are; database users may be). */
  static boolean emailShaped(String name) {
    return EMAIL.matcher(name).matches();
  }

  private static String orgName(AtlasPages pages) {
    AtlasPages.Page organization = pages.organization();
    if (organization == null) {
      return null;
    }
    String id = SnapshotJson.optionalText(organization.body(), "id");
    if (id != null && !id.equals(pages.orgId())) {
      throw new SnapshotException(
          organization.file(), null, "field 'id' is not the organisation the folder is named for");
    }
    return SnapshotJson.optionalText(organization.body(), "name");
  }

  /** The results of a list page, failing when it is not one. */
  static List<JsonNode> results(AtlasPages.Page page) {
    JsonNode results = page.body().get("results");
    if (results == null || !results.isArray()) {
      throw new SnapshotException(
          page.file(),
          null,
          "field 'results' is missing or not an array (not an Atlas v2 list page)");
    }
    return SnapshotJson.array(page.body(), "results", page.file(), null);
  }

  private static Account once(
      Account account, Map<AccountKey, String> seen, Path file, String record) {
    String first = seen.putIfAbsent(account.key(), file + ": " + record);
    if (first != null) {
      throw new SnapshotException(
          file, record, "the account is listed twice (first at " + first + ")");
    }
    return account;
  }
}
