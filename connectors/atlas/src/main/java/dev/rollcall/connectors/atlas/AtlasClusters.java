package dev.rollcall.connectors.atlas;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Facts about one entry of GET /api/atlas/v2/groups/{groupId}/clusters, version 2024-08-05
 * (https://www.mongodb.com/docs/api/doc/atlas-admin-api-v2/operation/operation-listclusters).
 */
public final class AtlasClusters {
  private static final Set<String> SHARED_PROVIDERS = Set.of("TENANT", "FLEX", "SERVERLESS");
  private static final Set<String> SHARED_SIZES = Set.of("M0", "M2", "M5", "FLEX");

  private AtlasClusters() {}

  /**
   * Whether the cluster runs on a shared tier (M0, M2, M5, Flex), where Atlas keeps no database
   * access history: its region configs name the TENANT or FLEX provider or a shared instance size.
   */
  public static boolean sharedTier(JsonNode cluster) {
    for (JsonNode spec : cluster.path("replicationSpecs")) {
      for (JsonNode region : spec.path("regionConfigs")) {
        if (SHARED_PROVIDERS.contains(region.path("providerName").asText(""))
            || SHARED_SIZES.contains(
                region.path("electableSpecs").path("instanceSize").asText(""))) {
          return true;
        }
      }
    }
    // Older shapes (2023-01-01) carry the provider at the top.
    return SHARED_PROVIDERS.contains(
            cluster.path("providerSettings").path("providerName").asText(""))
        || SHARED_SIZES.contains(
            cluster.path("providerSettings").path("instanceSizeName").asText(""));
  }
}
