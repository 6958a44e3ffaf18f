package dev.rollcall.connectors.atlas.pull;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A stand-in for the Atlas Administration API on 127.0.0.1: WireMock serving the documented
 * response shapes saved under src/test/resources/api, each only to the resource version Atlas
 * serves it in and only to a signed-in request.
 */
public final class FakeAtlas implements AutoCloseable {
  public static final String ORG = "7a1b2c3d4e5f60718293a4b5";
  static final String PROJECT = "7b1b2c3d4e5f60718293a4b5";
  static final String API_KEY = "7c0000000000000000000001";
  public static final String CLIENT_ID = "mdb_sa_id_0123456789abcdef01234567";
  public static final String CLIENT_SECRET = "mdb_sa_sk_not-a-real-secret";
  static final String PUBLIC_KEY = "zmmrboas";
  static final String PRIVATE_KEY = "2f6e0a4c-0000-4000-8000-not-a-real-key";
  static final String REALM = "MMS Public API";

  static final String ORG_PATH = "/api/atlas/v2/orgs/" + ORG;
  static final String PROJECT_PATH = "/api/atlas/v2/groups/" + PROJECT;

  final WireMockServer server;
  private final String authorization;

  private FakeAtlas(String authorization) {
    this.authorization = authorization;
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
  }

  /** A fake that signs service accounts in at /api/oauth/token and wants their bearer tokens. */
  public static FakeAtlas forServiceAccount() {
    FakeAtlas atlas = new FakeAtlas("Bearer tok-\\d+");
    atlas.token("tok-1", 3600);
    return atlas;
  }

  /** A fake that challenges every unsigned request for HTTP Digest, as Atlas does for API keys. */
  static FakeAtlas forApiKey() {
    FakeAtlas atlas = new FakeAtlas("Digest .*");
    atlas.server.stubFor(
        any(anyUrl())
            .atPriority(1)
            .withHeader("Authorization", absent())
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader(
                        "WWW-Authenticate",
                        "Digest realm=\""
                            + REALM
                            + "\", domain=\"\", nonce=\"bm9uY2UtMTIz\", algorithm=MD5,"
                            + " qop=\"auth\", stale=false")
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"detail\":\"You are not authorized for this resource.\",\"error\":401,"
                            + "\"errorCode\":\"USER_UNAUTHORIZED\",\"reason\":\"Unauthorized\"}")));
    return atlas;
  }

  /** The base URL to give the Atlas puller. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /** Settings pointing at this fake, with retries quick enough for a test. */
  AtlasSettings settings(AtlasSettings.Auth auth, List<String> orgIds) {
    return AtlasSettings.of(orgIds, auth)
        .withBaseUrl(url())
        .withRetries(2, Duration.ofMillis(10), Duration.ofSeconds(5));
  }

  /** The token endpoint hands out {@code token}, valid for {@code expiresIn} seconds. */
  void token(String token, int expiresIn) {
    server.stubFor(tokenRequest().willReturn(tokenResponse(token, expiresIn)));
  }

  static MappingBuilder tokenRequest() {
    return post(urlEqualTo("/api/oauth/token"))
        .withBasicAuth(CLIENT_ID, CLIENT_SECRET)
        .withHeader("Content-Type", matching("application/x-www-form-urlencoded.*"))
        .withRequestBody(equalTo("grant_type=client_credentials"));
  }

  static ResponseDefinitionBuilder tokenResponse(String token, int expiresIn) {
    return okJson(
        "{\"access_token\":\""
            + token
            + "\",\"expires_in\":"
            + expiresIn
            + ",\"token_type\":\"Bearer\"}");
  }

  /** Serves the whole saved organisation, one page per list. */
  public FakeAtlas serveOrganisation() {
    list("/api/atlas/v2/orgs", "2023-01-01", body("orgs.json"));
    single(ORG_PATH, "2023-01-01", body("organization.json"));
    single(ORG_PATH + "/settings", "2023-01-01", body("settings.json"));
    list(ORG_PATH + "/users", "2025-02-19", body("users.json"));
    list(ORG_PATH + "/teams", "2023-01-01", body("teams.json"));
    list(ORG_PATH + "/groups", "2023-01-01", body("groups.json"));
    list(ORG_PATH + "/apiKeys", "2023-01-01", body("apiKeys.json"));
    list(ORG_PATH + "/apiKeys/" + API_KEY + "/accessList", "2023-01-01", body("accessList.json"));
    list(ORG_PATH + "/serviceAccounts", "2024-08-05", body("serviceAccounts.json"));
    list(PROJECT_PATH + "/databaseUsers", "2023-01-01", body("databaseUsers.json"));
    list(PROJECT_PATH + "/users", "2025-02-19", body("group-users.json"));
    list(PROJECT_PATH + "/teams", "2023-01-01", body("group-teams.json"));
    list(PROJECT_PATH + "/serviceAccounts", "2024-08-05", body("group-serviceAccounts.json"));
    list(PROJECT_PATH + "/clusters", "2024-08-05", body("clusters.json"));
    single(
        PROJECT_PATH + "/dbAccessHistory/clusters/prod-0",
        "2023-01-01",
        body("accessHistory-prod-0.json"));
    return this;
  }

  /**
   * Serves the organisation's first item of each list whatever the paging asked for, as the doctor
   * reads it (one item per list).
   */
  public FakeAtlas serveAnyPaging() {
    single("/api/atlas/v2/orgs", "2023-01-01", body("orgs.json"));
    single(ORG_PATH, "2023-01-01", body("organization.json"));
    single(ORG_PATH + "/users", "2025-02-19", body("users.json"));
    single(ORG_PATH + "/apiKeys", "2023-01-01", body("apiKeys.json"));
    single(ORG_PATH + "/serviceAccounts", "2024-08-05", body("serviceAccounts.json"));
    single(ORG_PATH + "/groups", "2023-01-01", body("groups.json"));
    single(PROJECT_PATH + "/databaseUsers", "2023-01-01", body("databaseUsers.json"));
    single(PROJECT_PATH + "/clusters", "2024-08-05", body("clusters.json"));
    single(
        PROJECT_PATH + "/dbAccessHistory/clusters/prod-0",
        "2023-01-01",
        body("accessHistory-prod-0.json"));
    return this;
  }

  /** A signed-in GET of {@code path} asking for {@code version}. */
  MappingBuilder request(String path, String version) {
    return get(urlPathEqualTo(path))
        .withHeader("Accept", equalTo("application/vnd.atlas." + version + "+json"))
        .withHeader("Authorization", matching(authorization));
  }

  void single(String path, String version, String json) {
    server.stubFor(request(path, version).willReturn(okJson(json)));
  }

  /** Serves {@code json} as the first and only page of a list. */
  void list(String path, String version, String json) {
    page(path, version, 1, json);
  }

  void page(String path, String version, int pageNum, String json) {
    server.stubFor(
        request(path, version)
            .withQueryParam("pageNum", equalTo(Integer.toString(pageNum)))
            .withQueryParam("itemsPerPage", equalTo("500"))
            .willReturn(okJson(json)));
  }

  /** An Atlas ApiError response. */
  static ResponseDefinitionBuilder apiError(int status, String errorCode, String detail) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(
            "{\"detail\":\""
                + detail
                + "\",\"error\":"
                + status
                + ",\"errorCode\":\""
                + errorCode
                + "\",\"parameters\":[],\"reason\":\"x\"}");
  }

  /** A saved response body from src/test/resources/api. */
  static String body(String name) {
    try (InputStream in = FakeAtlas.class.getResourceAsStream("/api/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource /api/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many requests reached the fake, whatever they matched. */
  int served() {
    return server.getAllServeEvents().size();
  }

  @Override
  public void close() {
    server.stop();
  }
}
