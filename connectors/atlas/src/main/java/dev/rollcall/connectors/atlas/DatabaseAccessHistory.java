package dev.rollcall.connectors.atlas;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.connectors.snapshot.IsoTimes;
import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.SnapshotJson;
import dev.rollcall.model.Activity;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The last successful authentication of each database user, from the access history Atlas keeps per
 * dedicated cluster (GET /groups/{groupId}/dbAccessHistory/clusters/{clusterName},
 * https://www.mongodb.com/docs/api/doc/atlas-admin-api-v2/operation/operation-listaccesslogsbyclustername).
 * The history covers a short recent window and none exists on shared tiers (M0, M2, M5, Flex), so a
 * user absent from it is unknown, never "never used": only a recorded use is a fact.
 */
final class DatabaseAccessHistory {
  // The SDK documents ISO 8601; older responses printed Java's Date#toString. Both are read.
  private static final DateTimeFormatter JAVA_DATE =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.ROOT);

  /** One cluster of a project, and its successful authentications when its history was pulled. */
  private record Cluster(String name, boolean shared, List<Login> logins) {}

  private record Login(String database, String username, Instant at, String ip) {}

  /** project id → cluster name → cluster; a project absent here had its clusters not pulled. */
  private final Map<String, Map<String, Cluster>> projects;

  private DatabaseAccessHistory(Map<String, Map<String, Cluster>> projects) {
    this.projects = projects;
  }

  static DatabaseAccessHistory of(AtlasPages pages) {
    Map<String, Map<String, Cluster>> projects = new LinkedHashMap<>();
    pages
        .projects()
        .forEach(
            (groupId, project) -> {
              if (project.clusters().isEmpty()) {
                return;
              }
              Map<String, Cluster> clusters = new LinkedHashMap<>();
              for (AtlasPages.Page page : project.clusters()) {
                List<JsonNode> results = AtlasMapper.results(page);
                for (int i = 0; i < results.size(); i++) {
                  JsonNode cluster = results.get(i);
                  String name =
                      SnapshotJson.requiredText(cluster, "name", page.file(), "results[" + i + "]");
                  AtlasPages.Page history = project.accessHistory().get(name);
                  clusters.put(
                      name,
                      new Cluster(
                          name,
                          AtlasClusters.sharedTier(cluster),
                          history == null ? null : logins(history)));
                }
              }
              projects.put(groupId, clusters);
            });
    return new DatabaseAccessHistory(projects);
  }

  /**
   * The last use of a database user, from the clusters it is scoped to.
   *
   * @param scopes the names of the clusters the user is scoped to, or null for all the project's
   */
  Activity lastUse(String groupId, String database, String username, List<String> scopes) {
    Map<String, Cluster> clusters = projects.get(groupId);
    if (clusters == null) {
      return Activity.unknown("Atlas database access history not in snapshot");
    }
    List<Cluster> relevant = new ArrayList<>();
    for (Cluster cluster : clusters.values()) {
      if (scopes == null || scopes.contains(cluster.name())) {
        relevant.add(cluster);
      }
    }
    Login last = null;
    String lastCluster = null;
    TreeSet<String> ips = new TreeSet<>();
    List<String> blind = new ArrayList<>();
    List<String> searched = new ArrayList<>();
    for (Cluster cluster : relevant) {
      if (cluster.shared()) {
        blind.add(cluster.name() + " (shared tier: Atlas keeps no access history)");
        continue;
      }
      if (cluster.logins() == null) {
        blind.add(cluster.name() + " (access history not in snapshot)");
        continue;
      }
      searched.add(cluster.name());
      for (Login login : cluster.logins()) {
        if (login.database().equals(database) && login.username().equals(username)) {
          if (login.ip() != null) {
            ips.add(login.ip());
          }
          if (last == null || login.at().isAfter(last.at())) {
            last = login;
            lastCluster = cluster.name();
          }
        }
      }
    }
    if (last != null) {
      return Activity.usedAt(
          last.at(),
          "Atlas database access history: last successful authentication on "
              + lastCluster
              + (ips.isEmpty() ? "" : " from " + String.join(", ", ips)));
    }
    if (relevant.isEmpty()) {
      return Activity.unknown("Atlas: no cluster in the user's scope to hold access history");
    }
    List<String> parts = new ArrayList<>();
    if (!searched.isEmpty()) {
      parts.add(
          "no successful authentication in the recent access history of "
              + String.join(", ", searched));
    }
    if (!blind.isEmpty()) {
      parts.add("no history for " + String.join(", ", blind));
    }
    return Activity.unknown("Atlas: " + String.join("; ", parts));
  }

  private static List<Login> logins(AtlasPages.Page page) {
    JsonNode logs = page.body().get("accessLogs");
    if (logs == null || !logs.isArray()) {
      throw new SnapshotException(
          page.file(),
          null,
          "field 'accessLogs' is missing or not an array (not an access history)");
    }
    List<Login> logins = new ArrayList<>();
    List<JsonNode> entries = SnapshotJson.array(page.body(), "accessLogs", page.file(), null);
    for (int i = 0; i < entries.size(); i++) {
      JsonNode entry = entries.get(i);
      String record = "accessLogs[" + i + "]";
      // Failed attempts say nothing about use; only an explicit success counts.
      if (!SnapshotJson.bool(entry, "authResult", false, page.file(), record)) {
        continue;
      }
      String username = SnapshotJson.requiredText(entry, "username", page.file(), record);
      String database = SnapshotJson.optionalText(entry, "authSource");
      String timestamp = SnapshotJson.requiredText(entry, "timestamp", page.file(), record);
      logins.add(
          new Login(
              database == null ? "admin" : database,
              username,
              instant(timestamp, page.file(), record),
              SnapshotJson.optionalText(entry, "ipAddress")));
    }
    return logins;
  }

  private static Instant instant(String text, Path file, String record) {
    try {
      return IsoTimes.parse(text);
    } catch (DateTimeParseException iso) {
      try {
        return ZonedDateTime.parse(text, JAVA_DATE).toInstant();
      } catch (DateTimeParseException e) {
        throw new SnapshotException(file, record, "field 'timestamp' is not a time", e);
      }
    }
  }
}
