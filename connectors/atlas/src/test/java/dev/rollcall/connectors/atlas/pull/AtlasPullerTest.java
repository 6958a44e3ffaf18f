package dev.rollcall.connectors.atlas.pull;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.rollcall.connectors.atlas.pull.FakeAtlas.CLIENT_ID;
import static dev.rollcall.connectors.atlas.pull.FakeAtlas.CLIENT_SECRET;
import static dev.rollcall.connectors.atlas.pull.FakeAtlas.ORG;
import static dev.rollcall.connectors.atlas.pull.FakeAtlas.ORG_PATH;
import static dev.rollcall.connectors.atlas.pull.FakeAtlas.PRIVATE_KEY;
import static dev.rollcall.connectors.atlas.pull.FakeAtlas.PROJECT;
import static dev.rollcall.connectors.atlas.pull.FakeAtlas.PROJECT_PATH;
import static dev.rollcall.connectors.atlas.pull.FakeAtlas.PUBLIC_KEY;
import static dev.rollcall.connectors.atlas.pull.FakeAtlas.REALM;
import static dev.rollcall.connectors.atlas.pull.FakeAtlas.apiError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.rollcall.connectors.atlas.AtlasSnapshotReader;
import dev.rollcall.connectors.pull.TenantPull;
import dev.rollcall.connectors.snapshot.TenantFolder;
import dev.rollcall.model.PullStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtlasPullerTest {
  private static final Instant NOW = Instant.parse("2026-11-29T04:00:00Z");
  private static final AtlasCredentials SERVICE_ACCOUNT =
      new AtlasCredentials.ServiceAccount(CLIENT_ID, CLIENT_SECRET);
  private static final AtlasCredentials API_KEY =
      new AtlasCredentials.ApiKey(PUBLIC_KEY, PRIVATE_KEY);

  /** Requests of one pull of the saved organisation, token included, before any retry. */
  private static final int FULL_PULL_REQUESTS = 15;

  @TempDir Path temp;

  private FakeAtlas atlas;

  @AfterEach
  void stop() {
    if (atlas != null) {
      atlas.close();
    }
  }

  private TenantPull pullOne(AtlasCredentials credentials) {
    List<TenantPull> pulls =
        new AtlasPuller(
                atlas.settings(credentials.auth(), List.of(ORG)),
                credentials,
                Clock.fixed(NOW, ZoneOffset.UTC))
            .pull(temp.resolve("atlas"));
    assertEquals(1, pulls.size());
    return pulls.get(0);
  }

  private Path tenant() {
    return temp.resolve("atlas").resolve(ORG);
  }

  private static void assertMentions(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
    }
  }

  @Test
  void pullsTheOrganisationWithAServiceAccount() throws IOException {
    atlas = FakeAtlas.forServiceAccount().serveOrganisation();
    TenantPull pull = pullOne(SERVICE_ACCOUNT);

    assertEquals(
        new TenantPull(ORG, PullStatus.COMPLETE, NOW, FULL_PULL_REQUESTS, List.of()), pull);
    assertEquals(FULL_PULL_REQUESTS, atlas.served());
    Path dir = tenant();
    for (String file :
        List.of(
            "organization.json",
            "settings.json",
            "users/page-0001.json",
            "teams/page-0001.json",
            "groups/page-0001.json",
            "apiKeys/page-0001.json",
            "apiKeys/" + FakeAtlas.API_KEY + "/accessList/page-0001.json",
            "serviceAccounts/page-0001.json",
            "groups/" + PROJECT + "/databaseUsers/page-0001.json",
            "groups/" + PROJECT + "/users/page-0001.json",
            "groups/" + PROJECT + "/teams/page-0001.json",
            "groups/" + PROJECT + "/serviceAccounts/page-0001.json",
            "groups/" + PROJECT + "/clusters/page-0001.json",
            "groups/" + PROJECT + "/dbAccessHistory/clusters/prod-0.json",
            TenantFolder.MANIFEST)) {
      assertTrue(Files.isRegularFile(dir.resolve(file)), file);
    }
    assertEquals(NOW, TenantFolder.of(dir).observedAt(Instant.EPOCH));
    // The shared-tier cluster has no access history to ask for.
    assertFalse(
        Files.exists(dir.resolve("groups/" + PROJECT + "/dbAccessHistory/clusters/sandbox.json")));
    atlas.server.verify(
        0, getRequestedFor(urlPathEqualTo(PROJECT_PATH + "/dbAccessHistory/clusters/sandbox")));
    // The token was fetched once and reused.
    atlas.server.verify(1, postRequestedFor(urlEqualTo("/api/oauth/token")));
    // The secret is never written into the snapshot.
    try (var files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertFalse(Files.readString(file).contains(CLIENT_SECRET), file.toString());
      }
    }
  }

  @Test
  void asksForEachResourceInItsVersion() {
    atlas = FakeAtlas.forServiceAccount().serveOrganisation();
    pullOne(SERVICE_ACCOUNT);
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put(ORG_PATH, "2023-01-01");
    versions.put(ORG_PATH + "/settings", "2023-01-01");
    versions.put(ORG_PATH + "/users", "2025-02-19");
    versions.put(ORG_PATH + "/teams", "2023-01-01");
    versions.put(ORG_PATH + "/groups", "2023-01-01");
    versions.put(ORG_PATH + "/apiKeys", "2023-01-01");
    versions.put(ORG_PATH + "/serviceAccounts", "2024-08-05");
    versions.put(PROJECT_PATH + "/users", "2025-02-19");
    versions.put(PROJECT_PATH + "/databaseUsers", "2023-01-01");
    versions.put(PROJECT_PATH + "/clusters", "2024-08-05");
    versions.put(PROJECT_PATH + "/dbAccessHistory/clusters/prod-0", "2023-01-01");
    versions.forEach(
        (path, version) ->
            atlas.server.verify(
                1,
                getRequestedFor(urlPathEqualTo(path))
                    .withHeader("Accept", equalTo("application/vnd.atlas." + version + "+json"))
                    .withHeader("Authorization", equalTo("Bearer tok-1"))));
    atlas.server.verify(
        getRequestedFor(urlPathEqualTo(PROJECT_PATH + "/users"))
            .withQueryParam("flattenTeams", equalTo("true")));
    atlas.server.verify(
        getRequestedFor(urlPathEqualTo(PROJECT_PATH + "/dbAccessHistory/clusters/prod-0"))
            .withQueryParam("authResult", equalTo("true")));
  }

  @Test
  void answersTheDigestChallengeOfAnApiKey() throws NoSuchAlgorithmException {
    atlas = FakeAtlas.forApiKey().serveOrganisation();
    TenantPull pull = pullOne(API_KEY);

    assertEquals(PullStatus.COMPLETE, pull.status(), pull.problems().toString());
    assertEquals(atlas.served(), pull.apiRequests());
    List<LoggedRequest> requests = atlas.server.findAll(getRequestedFor(urlPathEqualTo(ORG_PATH)));
    // First unsigned and challenged, then answered.
    assertTrue(atlas.served() > FULL_PULL_REQUESTS - 1, "the challenge round trip is counted");
    List<LoggedRequest> signed =
        atlas.server.findAll(
            getRequestedFor(urlPathEqualTo(ORG_PATH + "/users"))
                .withHeader("Authorization", matching("Digest .*")));
    assertEquals(1, signed.size());
    assertEquals(2, requests.size(), "organization.json: challenge, then answer");
    Map<String, String> digest = digestParameters(signed.get(0).getHeader("Authorization"));
    assertEquals(PUBLIC_KEY, digest.get("username"));
    assertEquals(REALM, digest.get("realm"));
    assertEquals("bm9uY2UtMTIz", digest.get("nonce"));
    String ha1 = md5(PUBLIC_KEY + ":" + REALM + ":" + PRIVATE_KEY);
    String ha2 = md5("GET:" + digest.get("uri"));
    String expected =
        md5(
            ha1
                + ":"
                + digest.get("nonce")
                + ":"
                + digest.get("nc")
                + ":"
                + digest.get("cnonce")
                + ":"
                + digest.get("qop")
                + ":"
                + ha2);
    assertEquals(expected, digest.get("response"));
    // The private key itself never goes over the wire.
    for (var event : atlas.server.getAllServeEvents()) {
      assertFalse(event.getRequest().getHeaders().toString().contains(PRIVATE_KEY));
      assertFalse(event.getRequest().getUrl().contains(PRIVATE_KEY));
    }
  }

  @Test
  void aWrongApiKeyFailsWithAtlasErrorCode() {
    atlas = FakeAtlas.forApiKey();
    // Every signed request is refused, as Atlas refuses a wrong private key.
    atlas.server.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.any(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
            .atPriority(2)
            .willReturn(
                apiError(401, "USER_UNAUTHORIZED", "You are not authorized for this resource.")));
    TenantPull pull = pullOne(new AtlasCredentials.ApiKey(PUBLIC_KEY, "wrong"));
    assertEquals(PullStatus.FAILED, pull.status());
    assertMentions(
        pull.problems().get(0),
        "GET /api/atlas/v2/orgs/" + ORG,
        "HTTP 401 USER_UNAUTHORIZED",
        "You are not authorized for this resource.");
    assertFalse(Files.exists(tenant().resolve(TenantFolder.MANIFEST)));
  }

  @Test
  void pagesUntilAShortPage() {
    atlas = FakeAtlas.forServiceAccount().serveOrganisation();
    atlas.page(ORG_PATH + "/users", "2025-02-19", 1, usersPage(0, 500));
    atlas.page(ORG_PATH + "/users", "2025-02-19", 2, usersPage(500, 3));
    TenantPull pull = pullOne(SERVICE_ACCOUNT);

    assertEquals(PullStatus.COMPLETE, pull.status(), pull.problems().toString());
    assertEquals(FULL_PULL_REQUESTS + 1, pull.apiRequests());
    assertTrue(Files.isRegularFile(tenant().resolve("users/page-0001.json")));
    assertTrue(Files.isRegularFile(tenant().resolve("users/page-0002.json")));
    assertFalse(Files.exists(tenant().resolve("users/page-0003.json")));
    atlas.server.verify(
        0,
        getRequestedFor(urlPathEqualTo(ORG_PATH + "/users"))
            .withQueryParam("pageNum", equalTo("3")));
    long accounts =
        new AtlasSnapshotReader()
            .read(tenant(), NOW).accounts().stream()
                .filter(a -> a.key().system() == dev.rollcall.model.SourceSystem.ATLAS_ORG)
                .filter(a -> a.name().startsWith("user"))
                .count();
    assertEquals(503, accounts);
  }

  @Test
  void waitsForRetryAfterWhenThrottled() {
    atlas = FakeAtlas.forServiceAccount().serveOrganisation();
    atlas.server.stubFor(
        atlas
            .request(ORG_PATH + "/users", "2025-02-19")
            .inScenario("throttled")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                apiError(429, "RATE_LIMITED", "Too many requests.").withHeader("Retry-After", "1"))
            .willSetStateTo("served"));
    atlas.server.stubFor(
        atlas
            .request(ORG_PATH + "/users", "2025-02-19")
            .inScenario("throttled")
            .whenScenarioStateIs("served")
            .willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.okJson(
                    FakeAtlas.body("users.json"))));
    long start = System.nanoTime();
    TenantPull pull = pullOne(SERVICE_ACCOUNT);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertEquals(PullStatus.COMPLETE, pull.status(), pull.problems().toString());
    assertEquals(FULL_PULL_REQUESTS + 1, pull.apiRequests());
    assertEquals(atlas.served(), pull.apiRequests());
    atlas.server.verify(2, getRequestedFor(urlPathEqualTo(ORG_PATH + "/users")));
    assertTrue(took.compareTo(Duration.ofMillis(950)) >= 0, "waited only " + took);
  }

  @Test
  void failsATenantWhoseServerKeepsFailing() {
    atlas = FakeAtlas.forServiceAccount().serveOrganisation();
    atlas.server.stubFor(
        atlas
            .request(ORG_PATH + "/users", "2025-02-19")
            .willReturn(apiError(500, "UNEXPECTED_ERROR", "Unexpected error.")));
    TenantPull pull = pullOne(SERVICE_ACCOUNT);

    assertEquals(PullStatus.FAILED, pull.status());
    assertMentions(
        pull.problems().get(0),
        ORG_PATH + "/users",
        "HTTP 500 UNEXPECTED_ERROR",
        "Unexpected error.");
    // One try and the two retries the settings allow.
    atlas.server.verify(3, getRequestedFor(urlPathEqualTo(ORG_PATH + "/users")));
    assertEquals(atlas.served(), pull.apiRequests());
    assertFalse(Files.exists(tenant().resolve(TenantFolder.MANIFEST)));
  }

  @Test
  void givesUpOnThrottlingThatOutlastsTheRetries() {
    atlas = FakeAtlas.forServiceAccount().serveOrganisation();
    atlas.server.stubFor(
        atlas
            .request(ORG_PATH + "/teams", "2023-01-01")
            .willReturn(
                apiError(429, "RATE_LIMITED", "Too many requests.")
                    .withHeader("Retry-After", "0")));
    TenantPull pull = pullOne(SERVICE_ACCOUNT);

    // Throttling is not a refusal: even on an optional resource it fails the organisation.
    assertEquals(PullStatus.FAILED, pull.status());
    assertMentions(pull.problems().get(0), ORG_PATH + "/teams", "HTTP 429 RATE_LIMITED");
    atlas.server.verify(3, getRequestedFor(urlPathEqualTo(ORG_PATH + "/teams")));
    assertFalse(Files.exists(tenant().resolve(TenantFolder.MANIFEST)));
  }

  @Test
  void namesTheErrorCodeAndDetailOfARefusal() {
    atlas = FakeAtlas.forServiceAccount().serveOrganisation();
    atlas.server.stubFor(
        atlas
            .request(ORG_PATH, "2023-01-01")
            .willReturn(
                apiError(
                    403,
                    "ORG_REQUIRES_ACCESS_LIST",
                    "This organization requires access through an access list of ip ranges.")));
    TenantPull pull = pullOne(SERVICE_ACCOUNT);

    assertEquals(PullStatus.FAILED, pull.status());
    assertEquals(
        List.of(
            "GET "
                + ORG_PATH
                + ": HTTP 403 ORG_REQUIRES_ACCESS_LIST: This organization requires access through"
                + " an access list of ip ranges."),
        pull.problems());
    assertFalse(Files.exists(tenant().resolve(TenantFolder.MANIFEST)));
  }

  @Test
  void aRefusedTokenFailsWithTheOauthError() {
    atlas = FakeAtlas.forServiceAccount().serveOrganisation();
    atlas.server.stubFor(
        FakeAtlas.tokenRequest()
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client"
                            + " credentials\"}")));
    TenantPull pull = pullOne(SERVICE_ACCOUNT);

    assertEquals(PullStatus.FAILED, pull.status());
    assertMentions(
        pull.problems().get(0),
        "POST /api/oauth/token",
        "HTTP 401 invalid_client",
        "Invalid client credentials");
    assertFalse(pull.problems().get(0).contains(CLIENT_SECRET));
  }

  @Test
  void aRefusedAccessHistoryLeavesThePullPartial() {
    atlas = FakeAtlas.forServiceAccount().serveOrganisation();
    atlas.server.stubFor(
        atlas
            .request(PROJECT_PATH + "/dbAccessHistory/clusters/prod-0", "2023-01-01")
            .willReturn(
                apiError(
                    403,
                    "USER_CANNOT_ACCESS_ORG",
                    "The requested resource needs the Project Monitoring Admin role.")));
    TenantPull pull = pullOne(SERVICE_ACCOUNT);

    assertEquals(PullStatus.PARTIAL, pull.status());
    assertEquals(1, pull.problems().size());
    assertMentions(
        pull.problems().get(0),
        "groups/" + PROJECT + "/dbAccessHistory/clusters/prod-0: not pulled",
        "HTTP 403 USER_CANNOT_ACCESS_ORG");
    // What was pulled is complete in itself and readable.
    assertTrue(Files.isRegularFile(tenant().resolve(TenantFolder.MANIFEST)));
  }

  @Test
  void aMalformedResponseFailsTheTenant() {
    atlas = FakeAtlas.forServiceAccount().serveOrganisation();
    atlas.server.stubFor(
        atlas
            .request(PROJECT_PATH + "/databaseUsers", "2023-01-01")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"results\": [ {\"username\": ")));
    TenantPull pull = pullOne(SERVICE_ACCOUNT);

    assertEquals(PullStatus.FAILED, pull.status());
    assertMentions(pull.problems().get(0), PROJECT_PATH + "/databaseUsers", "not valid JSON");
    assertFalse(Files.exists(tenant().resolve(TenantFolder.MANIFEST)));
  }

  @Test
  void aListWithoutResultsFailsTheTenant() {
    atlas = FakeAtlas.forServiceAccount().serveOrganisation();
    atlas.list(ORG_PATH + "/groups", "2023-01-01", "{\"id\": \"" + PROJECT + "\"}");
    TenantPull pull = pullOne(SERVICE_ACCOUNT);
    assertEquals(PullStatus.FAILED, pull.status());
    assertMentions(pull.problems().get(0), ORG_PATH + "/groups", "no 'results' array");
  }

  @Test
  void pullsEveryOrganisationTheCredentialsSeeWhenNoneAreNamed() {
    atlas = FakeAtlas.forServiceAccount().serveOrganisation();
    List<TenantPull> pulls =
        new AtlasPuller(
                atlas.settings(AtlasSettings.Auth.SERVICE_ACCOUNT, List.of()),
                SERVICE_ACCOUNT,
                Clock.fixed(NOW, ZoneOffset.UTC))
            .pull(temp.resolve("atlas"));
    assertEquals(1, pulls.size());
    assertEquals(ORG, pulls.get(0).tenant());
    assertEquals(PullStatus.COMPLETE, pulls.get(0).status(), pulls.get(0).problems().toString());
    // The organisation listing is not part of any one organisation's count.
    assertEquals(FULL_PULL_REQUESTS - 1, pulls.get(0).apiRequests());
  }

  @Test
  void aFailedOrganisationListingIsOneFailedPull() {
    atlas = FakeAtlas.forServiceAccount();
    atlas.server.stubFor(
        atlas
            .request("/api/atlas/v2/orgs", "2023-01-01")
            .willReturn(apiError(401, "NOT_ORG_USER", "The user is not a member of any org.")));
    List<TenantPull> pulls =
        new AtlasPuller(
                atlas.settings(AtlasSettings.Auth.SERVICE_ACCOUNT, List.of()),
                SERVICE_ACCOUNT,
                Clock.fixed(NOW, ZoneOffset.UTC))
            .pull(temp.resolve("atlas"));
    assertEquals(1, pulls.size());
    assertEquals("*", pulls.get(0).tenant());
    assertEquals(PullStatus.FAILED, pulls.get(0).status());
    assertMentions(pulls.get(0).problems().get(0), "HTTP 401 NOT_ORG_USER");
  }

  @Test
  void clearsAnEarlierPullOfTheSameOrganisation() throws IOException {
    atlas = FakeAtlas.forServiceAccount().serveOrganisation();
    Path stale = tenant().resolve("users/page-0007.json");
    Files.createDirectories(stale.getParent());
    Files.writeString(stale, "{\"results\": []}");
    Files.writeString(
        tenant().resolve(TenantFolder.MANIFEST), "{\"capturedAt\": \"2020-01-01T00:00:00Z\"}");
    TenantPull pull = pullOne(SERVICE_ACCOUNT);
    assertEquals(PullStatus.COMPLETE, pull.status());
    assertFalse(Files.exists(stale));
    assertEquals(NOW, TenantFolder.of(tenant()).observedAt(Instant.EPOCH));
  }

  @Test
  void refreshesTheBearerTokenBeforeItExpires() throws IOException {
    atlas = FakeAtlas.forServiceAccount().serveOrganisation();
    atlas.server.stubFor(
        FakeAtlas.tokenRequest()
            .inScenario("tokens")
            .whenScenarioStateIs(STARTED)
            .willReturn(FakeAtlas.tokenResponse("tok-1", 3600))
            .willSetStateTo("second"));
    atlas.server.stubFor(
        FakeAtlas.tokenRequest()
            .inScenario("tokens")
            .whenScenarioStateIs("second")
            .willReturn(FakeAtlas.tokenResponse("tok-2", 3600)));
    MutableClock clock = new MutableClock(NOW);
    try (AtlasApi api =
        new AtlasApi(
            atlas.settings(AtlasSettings.Auth.SERVICE_ACCOUNT, List.of(ORG)),
            SERVICE_ACCOUNT,
            clock)) {
      api.get(ORG_PATH, Map.of(), "2023-01-01");
      clock.now = NOW.plusSeconds(3000);
      api.get(ORG_PATH, Map.of(), "2023-01-01");
      // A minute before expiry the token is replaced, not used until Atlas refuses it.
      clock.now = NOW.plusSeconds(3541);
      api.get(ORG_PATH, Map.of(), "2023-01-01");
      assertEquals(5, api.requests());
    }
    atlas.server.verify(2, postRequestedFor(urlEqualTo("/api/oauth/token")));
    atlas.server.verify(
        2,
        getRequestedFor(urlPathEqualTo(ORG_PATH))
            .withHeader("Authorization", equalTo("Bearer tok-1")));
    atlas.server.verify(
        1,
        getRequestedFor(urlPathEqualTo(ORG_PATH))
            .withHeader("Authorization", equalTo("Bearer tok-2")));
  }

  @Test
  void refusesCredentialsOfTheOtherKind() {
    AtlasSettings settings = AtlasSettings.of(List.of(ORG), AtlasSettings.Auth.SERVICE_ACCOUNT);
    String message =
        assertThrows(IllegalArgumentException.class, () -> new AtlasPuller(settings, API_KEY))
            .getMessage();
    assertMentions(message, "SERVICE_ACCOUNT", "ApiKey[publicKey=" + PUBLIC_KEY);
    assertFalse(message.contains(PRIVATE_KEY));
  }

  private static String usersPage(int from, int count) {
    StringBuilder json = new StringBuilder("{\"links\": [], \"results\": [");
    for (int i = from; i < from + count; i++) {
      if (i > from) {
        json.append(',');
      }
      json.append(
          String.format(
              "{\"id\": \"%024x\", \"username\": \"user%d@example.test\","
                  + " \"orgMembershipStatus\": \"ACTIVE\","
                  + " \"roles\": {\"orgRoles\": [\"ORG_MEMBER\"], \"groupRoleAssignments\": []},"
                  + " \"createdAt\": \"2025-01-01T00:00:00Z\"}",
              0x7d1000 + i, i));
    }
    return json.append("], \"totalCount\": 503}").toString();
  }

  private static Map<String, String> digestParameters(String header) {
    Map<String, String> parameters = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]+))").matcher(header.substring(7));
    while (m.find()) {
      parameters.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
    }
    return parameters;
  }

  private static String md5(String text) throws NoSuchAlgorithmException {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** A clock a test moves by hand. */
  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
