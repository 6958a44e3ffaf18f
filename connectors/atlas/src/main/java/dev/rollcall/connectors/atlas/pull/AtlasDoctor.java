package dev.rollcall.connectors.atlas.pull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.connectors.atlas.AtlasClusters;
import dev.rollcall.connectors.pull.DoctorCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks, with a handful of one-item requests, that the Atlas credentials sign in and hold the
 * roles {@link AtlasPuller} needs (infra/atlas/README.md): for {@code rollcall doctor}. Reads
 * nothing it keeps and writes nothing.
 */
public final class AtlasDoctor {
  private static final Map<String, String> ONE_ITEM = Map.of("itemsPerPage", "1", "pageNum", "1");

  private final AtlasSettings settings;
  private final AtlasCredentials credentials;

  public AtlasDoctor(AtlasSettings settings, AtlasCredentials credentials) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
  }

  /** Runs the checks; a failed sign-in stops them there. */
  public List<DoctorCheck> run() {
    List<DoctorCheck> checks = new ArrayList<>();
    try (AtlasApi api = new AtlasApi(settings, credentials, Clock.systemUTC())) {
      List<String> orgIds = new ArrayList<>(settings.orgIds());
      JsonNode orgs =
          probe(
              api,
              checks,
              "sign-in and organisation listing",
              true,
              "/api/atlas/v2/orgs",
              AtlasPuller.V_2023_01_01,
              Map.of());
      if (orgs == null) {
        return checks;
      }
      if (orgIds.isEmpty()) {
        orgs.path("results").forEach(org -> orgIds.add(org.path("id").asText("")));
      }
      for (String orgId : orgIds) {
        organisation(api, checks, orgId);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Atlas: cannot close the HTTP client", e);
    }
    return checks;
  }

  private static void organisation(AtlasApi api, List<DoctorCheck> checks, String orgId) {
    String org = "/api/atlas/v2/orgs/" + orgId;
    String label = "organisation " + orgId;
    probe(
        api,
        checks,
        label + " (Organization Read Only)",
        true,
        org,
        AtlasPuller.V_2023_01_01,
        Map.of());
    probe(api, checks, label + " users", true, org + "/users", AtlasPuller.V_USERS, ONE_ITEM);
    probe(
        api,
        checks,
        label + " API keys",
        false,
        org + "/apiKeys",
        AtlasPuller.V_2023_01_01,
        ONE_ITEM);
    probe(
        api,
        checks,
        label + " service accounts",
        false,
        org + "/serviceAccounts",
        AtlasPuller.V_SERVICE_ACCOUNTS,
        ONE_ITEM);
    JsonNode groups =
        probe(
            api,
            checks,
            label + " projects",
            true,
            org + "/groups",
            AtlasPuller.V_2023_01_01,
            Map.of("itemsPerPage", "500"));
    if (groups == null) {
      return;
    }
    for (JsonNode group : groups.path("results")) {
      String groupId = group.path("id").asText("");
      String project = "project " + group.path("name").asText(groupId);
      String path = "/api/atlas/v2/groups/" + groupId;
      probe(
          api,
          checks,
          project + " database users",
          true,
          path + "/databaseUsers",
          AtlasPuller.V_2023_01_01,
          ONE_ITEM);
      JsonNode clusters =
          probe(
              api,
              checks,
              project + " clusters",
              false,
              path + "/clusters",
              AtlasPuller.V_CLUSTERS,
              Map.of("itemsPerPage", "500"));
      if (clusters == null) {
        continue;
      }
      for (JsonNode cluster : clusters.path("results")) {
        if (!AtlasClusters.sharedTier(cluster)) {
          String name = cluster.path("name").asText("");
          probe(
              api,
              checks,
              project + " database access history (Project Monitoring Admin)",
              false,
              path + "/dbAccessHistory/clusters/" + name,
              AtlasPuller.V_2023_01_01,
              Map.of("nLogs", "1"));
          break;
        }
      }
    }
  }

  /** One GET, recorded as a check; returns the body when it passed. */
  private static JsonNode probe(
      AtlasApi api,
      List<DoctorCheck> checks,
      String what,
      boolean required,
      String path,
      String version,
      Map<String, String> query) {
    try {
      JsonNode body = api.get(path, query, version);
      JsonNode count = body.get("totalCount");
      checks.add(
          new DoctorCheck(
              what, required, true, count == null ? "readable" : count.asText() + " in all"));
      return body;
    } catch (AtlasApiException e) {
      checks.add(new DoctorCheck(what, required, false, e.getMessage()));
      return null;
    }
  }
}
