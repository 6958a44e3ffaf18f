package dev.rollcall.connectors.atlas.pull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.connectors.atlas.AtlasClusters;
import dev.rollcall.connectors.atlas.AtlasSnapshotReader;
import dev.rollcall.connectors.pull.SnapshotFiles;
import dev.rollcall.connectors.pull.SnapshotPuller;
import dev.rollcall.connectors.pull.TenantPull;
import dev.rollcall.connectors.pull.TenantPulls;
import dev.rollcall.model.PullStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Pulls Atlas organisations from the Administration API v2 into the snapshot layout {@link
 * AtlasSnapshotReader} reads, every response saved as Atlas sent it. One tenant is one
 * organisation. Resources the credentials may lawfully lack a role for (access history, API keys,
 * service accounts, teams, clusters) make the pull partial when refused; the rest make it fail.
 */
public final class AtlasPuller implements SnapshotPuller {
  private static final Logger LOG = LogManager.getLogger(AtlasPuller.class);

  // Resource versions (Accept: application/vnd.atlas.<version>+json), from each operation's page in
  // https://www.mongodb.com/docs/api/doc/atlas-admin-api-v2/. Users need 2025-02-19: earlier
  // versions leave out pending invitations and the {orgRoles, groupRoleAssignments} shape.
  static final String V_2023_01_01 = "2023-01-01";
  static final String V_USERS = "2025-02-19";
  static final String V_SERVICE_ACCOUNTS = "2024-08-05";
  static final String V_CLUSTERS = "2024-08-05";

  private static final TenantPulls TENANTS =
      new TenantPulls(
          "atlas",
          "rollcall atlas puller",
          e -> e instanceof AtlasApiException ? Optional.of(e.getMessage()) : Optional.empty());

  private static final Pattern ATLAS_ID = Pattern.compile("[0-9a-f]{24}");
  private static final Pattern CLUSTER_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9-]*");

  private final AtlasSettings settings;
  private final AtlasCredentials credentials;
  private final Clock clock;

  /**
   * Creates a puller.
   *
   * @param settings where to connect and which organisations to pull
   * @param credentials the secrets, matching {@code settings.auth()}
   */
  public AtlasPuller(AtlasSettings settings, AtlasCredentials credentials) {
    this(settings, credentials, Clock.systemUTC());
  }

  AtlasPuller(AtlasSettings settings, AtlasCredentials credentials, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (credentials.auth() != settings.auth()) {
      throw new IllegalArgumentException(
          "Atlas settings ask for " + settings.auth() + " but the credentials are " + credentials);
    }
  }

  @Override
  public String folder() {
    return "atlas";
  }

  /**
   * Pulls each organisation. When the settings name none and the organisations cannot be listed,
   * the one result is a failed pull of tenant {@code *}.
   */
  @Override
  public List<TenantPull> pull(Path systemDir) {
    SnapshotFiles.ownerOnlyFolder(systemDir);
    List<TenantPull> pulls = new ArrayList<>();
    try (AtlasApi api = new AtlasApi(settings, credentials, clock)) {
      List<String> orgIds = settings.orgIds();
      if (orgIds.isEmpty()) {
        Instant started = clock.instant();
        try {
          orgIds = organisations(api);
        } catch (AtlasApiException e) {
          LOG.warn("Atlas: cannot list the organisations: {}", e.getMessage());
          return List.of(
              new TenantPull(
                  "*",
                  PullStatus.FAILED,
                  started,
                  api.requests(),
                  List.of("cannot list the organisations: " + e.getMessage())));
        }
      }
      for (String orgId : orgIds) {
        pulls.add(pullOrg(api, orgId, systemDir));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Atlas: cannot close the HTTP client", e);
    }
    return pulls;
  }

  private static List<String> organisations(AtlasApi api) {
    List<String> ids = new ArrayList<>();
    api.pages(
        "/api/atlas/v2/orgs",
        Map.of(),
        V_2023_01_01,
        (n, page) -> {
          for (JsonNode org : page.get("results")) {
            String id = org.path("id").asText("");
            if (!ATLAS_ID.matcher(id).matches()) {
              throw new AtlasApiException(
                  "GET /api/atlas/v2/orgs: an organisation has no valid id: " + org.get("id"),
                  200,
                  null);
            }
            ids.add(id);
          }
        });
    LOG.info("Atlas: the credentials see {} organisation(s)", ids.size());
    return ids;
  }

  private TenantPull pullOrg(AtlasApi api, String orgId, Path systemDir) {
    Instant capturedAt = clock.instant();
    long before = api.requests();
    TenantPull pull =
        TENANTS.pull(
            orgId,
            systemDir.resolve(orgId),
            capturedAt,
            () -> api.requests() - before,
            tenantDir -> {
              OrgPull org = new OrgPull(api, orgId, tenantDir);
              org.run();
              return org.problems;
            });
    if (pull.status() == PullStatus.FAILED) {
      LOG.warn(
          "Atlas organisation {}: FAILED after {} API requests: {}",
          orgId,
          pull.apiRequests(),
          pull.problems().get(0));
    } else {
      LOG.info(
          "Atlas organisation {}: {} in {} API requests{}",
          orgId,
          pull.status(),
          pull.apiRequests(),
          pull.problems().isEmpty() ? "" : " (" + String.join("; ", pull.problems()) + ")");
    }
    return pull;
  }

  /** The pull of one organisation: the files it writes and the problems it tolerates. */
  private static final class OrgPull {
    private final AtlasApi api;
    private final String orgId;
    private final Path dir;
    private final List<String> problems = new ArrayList<>();

    OrgPull(AtlasApi api, String orgId, Path dir) {
      this.api = api;
      this.orgId = orgId;
      this.dir = dir;
    }

    void run() {
      String org = "/api/atlas/v2/orgs/" + orgId;
      single(org, V_2023_01_01, "organization.json");
      optional("settings", () -> single(org + "/settings", V_2023_01_01, "settings.json"));
      pages(org + "/users", Map.of(), V_USERS, "users");
      optional("teams", () -> pages(org + "/teams", Map.of(), V_2023_01_01, "teams"));
      optional("apiKeys", this::apiKeys);
      optional(
          "serviceAccounts",
          () -> pages(org + "/serviceAccounts", Map.of(), V_SERVICE_ACCOUNTS, "serviceAccounts"));
      for (String groupId : pages(org + "/groups", Map.of(), V_2023_01_01, "groups")) {
        project(groupId);
      }
    }

    private void project(String groupId) {
      if (!ATLAS_ID.matcher(groupId).matches()) {
        throw new AtlasApiException(
            "GET /api/atlas/v2/orgs/" + orgId + "/groups: project id '" + groupId + "' is invalid",
            200,
            null);
      }
      String group = "/api/atlas/v2/groups/" + groupId;
      String folder = "groups/" + groupId;
      pages(group + "/databaseUsers", Map.of(), V_2023_01_01, folder + "/databaseUsers");
      optional(
          folder + "/users",
          () ->
              pages(group + "/users", Map.of("flattenTeams", "true"), V_USERS, folder + "/users"));
      optional(
          folder + "/teams",
          () -> pages(group + "/teams", Map.of(), V_2023_01_01, folder + "/teams"));
      optional(
          folder + "/serviceAccounts",
          () ->
              pages(
                  group + "/serviceAccounts",
                  Map.of(),
                  V_SERVICE_ACCOUNTS,
                  folder + "/serviceAccounts"));
      List<JsonNode> clusters = new ArrayList<>();
      optional(
          folder + "/clusters",
          () -> listing(group + "/clusters", Map.of(), V_CLUSTERS, folder + "/clusters", clusters));
      for (JsonNode cluster : clusters) {
        String name = cluster.path("name").asText("");
        if (!CLUSTER_NAME.matcher(name).matches()) {
          problems.add(folder + "/clusters: cluster name '" + name + "' is not valid; skipped");
          continue;
        }
        // Atlas keeps no access history on shared tiers (M0, M2, M5, Flex): nothing to ask for.
        // https://www.mongodb.com/docs/api/doc/atlas-admin-api-v2/operation/operation-listaccesslogsbyclustername
        if (AtlasClusters.sharedTier(cluster)) {
          continue;
        }
        String history = folder + "/dbAccessHistory/clusters/" + name;
        optional(
            history,
            () ->
                single(
                    group + "/dbAccessHistory/clusters/" + name,
                    Map.of("authResult", "true"),
                    V_2023_01_01,
                    history + ".json"));
      }
    }

    private void apiKeys() {
      String org = "/api/atlas/v2/orgs/" + orgId;
      for (String keyId : pages(org + "/apiKeys", Map.of(), V_2023_01_01, "apiKeys")) {
        if (!ATLAS_ID.matcher(keyId).matches()) {
          problems.add("apiKeys: key id '" + keyId + "' is not valid; its access list skipped");
          continue;
        }
        String accessList = "apiKeys/" + keyId + "/accessList";
        optional(
            accessList, () -> pages(org + "/" + accessList, Map.of(), V_2023_01_01, accessList));
      }
    }

    /**
     * Runs a step whose refusal (401, 403: the role is missing; 404: not offered here; another 4xx:
     * not for this cluster's state or tier) leaves the pull partial instead of failed. Throttling
     * that outlasts the retries, 5xx and malformed responses still fail it.
     */
    private void optional(String what, Runnable step) {
      try {
        step.run();
      } catch (AtlasApiException e) {
        if (!e.refusal()) {
          throw e;
        }
        problems.add(what + ": not pulled: " + e.getMessage());
      }
    }

    private void single(String path, String version, String file) {
      single(path, Map.of(), version, file);
    }

    private void single(String path, Map<String, String> query, String version, String file) {
      SnapshotFiles.writeJson(dir.resolve(file), api.get(path, query, version));
    }

    /** Saves every page of a list and returns the ids of its results. */
    private List<String> pages(String path, Map<String, String> query, String version, String to) {
      List<JsonNode> results = new ArrayList<>();
      listing(path, query, version, to, results);
      List<String> ids = new ArrayList<>();
      for (JsonNode result : results) {
        ids.add(result.path("id").asText(""));
      }
      return ids;
    }

    private void listing(
        String path, Map<String, String> query, String version, String to, List<JsonNode> into) {
      api.pages(
          path,
          query,
          version,
          (n, page) -> {
            SnapshotFiles.writeJson(SnapshotFiles.page(dir.resolve(to), n), page);
            page.get("results").forEach(into::add);
          });
    }
  }
}
