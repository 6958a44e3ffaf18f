package dev.rollcall.jobs.config;

import java.util.List;

/**
 * How a MongoDB Atlas source is pulled. Credentials come from the environment only: with {@code
 * auth: serviceAccount} ROLLCALL_ATLAS_CLIENT_ID and ROLLCALL_ATLAS_CLIENT_SECRET, with {@code
 * auth: apiKey} ROLLCALL_ATLAS_PUBLIC_KEY and ROLLCALL_ATLAS_PRIVATE_KEY.
 *
 * @param organizations the organisation ids to audit; empty for every one the credentials see
 * @param auth serviceAccount (default) or apiKey
 * @param baseUrl the Atlas API's base URL, for tests only; null for cloud.mongodb.com
 */
public record AtlasSourceConfig(List<String> organizations, String auth, String baseUrl) {
  public AtlasSourceConfig {
    organizations = organizations == null ? List.of() : List.copyOf(organizations);
    auth = auth == null ? "serviceAccount" : auth;
    if (!auth.equals("serviceAccount") && !auth.equals("apiKey")) {
      throw new IllegalArgumentException("auth must be serviceAccount or apiKey");
    }
  }

  public static AtlasSourceConfig defaults() {
    return new AtlasSourceConfig(null, null, null);
  }
}
