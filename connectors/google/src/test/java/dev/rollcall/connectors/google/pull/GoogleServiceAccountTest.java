package dev.rollcall.connectors.google.pull;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import dev.rollcall.connectors.google.Resources;
import dev.rollcall.connectors.pull.DoctorCheck;
import dev.rollcall.connectors.pull.TenantPull;
import dev.rollcall.connectors.snapshot.TenantFolder;
import dev.rollcall.model.PullStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials from a service account key, with the token endpoint on 127.0.0.1. */
class GoogleServiceAccountTest {
  private static final String DOMAIN = Resources.DOMAIN;
  private static final String ADMIN = "rollcall-reader@" + DOMAIN;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** A key file as the Cloud console downloads it, with a key made here and a local token URI. */
  private Path keyFile(String tokenUri) throws IOException, NoSuchAlgorithmException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    ObjectNode key = JSON.createObjectNode();
    key.put("type", "service_account");
    key.put("project_id", "rollcall-test");
    key.put("private_key_id", "0123456789abcdef");
    key.put("private_key", pem);
    key.put("client_email", "rollcall@rollcall-test.iam.gserviceaccount.com");
    key.put("client_id", "104000000000000000000");
    key.put("token_uri", tokenUri);
    Path file = dir.resolve("key.json");
    JSON.writeValue(file.toFile(), key);
    return file;
  }

  @Test
  void aKeyFileGivesReadOnlyScopesAndTheDelegatedAdmin() throws Exception {
    GoogleCredentials credentials =
        GoogleServiceAccount.fromKeyFile(keyFile("http://127.0.0.1:9/token"), ADMIN);

    ServiceAccountCredentials account =
        assertInstanceOf(ServiceAccountCredentials.class, credentials);
    assertEquals(ADMIN, account.getServiceAccountUser());
    assertEquals(GoogleServiceAccount.READ_ONLY_SCOPES, List.copyOf(account.getScopes()));
    assertTrue(
        GoogleServiceAccount.READ_ONLY_SCOPES.stream().allMatch(s -> s.endsWith(".readonly")));
  }

  @Test
  void theKeyFileComesFromTheEnvironment() throws Exception {
    Path key = keyFile("http://127.0.0.1:9/token");
    GoogleCredentials credentials =
        GoogleServiceAccount.fromEnvironment(
            Map.of(GoogleServiceAccount.KEY_FILE_ENV, key.toString()), ADMIN);
    assertEquals(
        ADMIN,
        assertInstanceOf(ServiceAccountCredentials.class, credentials).getServiceAccountUser());

    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> GoogleServiceAccount.fromEnvironment(Map.of(), ADMIN));
    assertTrue(missing.getMessage().startsWith("ROLLCALL_GOOGLE_KEY_FILE is not set"));
  }

  @Test
  void aKeyThatIsNotAServiceAccountIsRefused() throws IOException {
    Path file = dir.resolve("user.json");
    Files.writeString(
        file,
        "{\"type\": \"authorized_user\", \"client_id\": \"x\", \"client_secret\": \"s3cr3t\","
            + " \"refresh_token\": \"r\"}");

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> GoogleServiceAccount.fromKeyFile(file, ADMIN));
    assertTrue(e.getMessage().contains("not a service account key"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cr3t"));
  }

  @Test
  void thePullSignsInAsTheServiceAccountForTheAdmin() throws Exception {
    try (GoogleApiStub api = new GoogleApiStub()) {
      api.server.stubFor(
          post(urlPathEqualTo("/token"))
              .willReturn(
                  aResponse()
                      .withHeader("Content-Type", "application/json")
                      .withBody(
                          "{\"access_token\": \"minted-token\", \"expires_in\": 3600,"
                              + " \"token_type\": \"Bearer\"}")));
      api.server.stubFor(
          get(urlPathEqualTo(GoogleApiStub.USERS))
              .withHeader("Authorization", equalTo("Bearer minted-token"))
              .willReturn(GoogleApiStub.json("users-2.json")));
      api.server.stubFor(
          get(urlPathEqualTo(GoogleApiStub.ROLES))
              .withHeader("Authorization", equalTo("Bearer minted-token"))
              .willReturn(GoogleApiStub.json("roles.json")));
      api.server.stubFor(
          get(urlPathEqualTo(GoogleApiStub.ROLE_ASSIGNMENTS))
              .withHeader("Authorization", equalTo("Bearer minted-token"))
              .willReturn(GoogleApiStub.json("role-assignments.json")));
      GoogleCredentials credentials =
          GoogleServiceAccount.fromKeyFile(keyFile(api.rootUrl() + "token"), ADMIN);

      TenantPull result = pull(api, credentials);

      assertEquals(PullStatus.COMPLETE, result.status(), String.valueOf(result.problems()));
      assertEquals(3, result.apiRequests());
      // One token for the whole pull; the JWT grant names the admin as its subject.
      api.server.verify(1, postRequestedFor(urlPathEqualTo("/token")));
      String assertion =
          api.server.findAll(postRequestedFor(urlPathEqualTo("/token"))).get(0).getBodyAsString();
      String jwt = assertion.replaceAll(".*assertion=([^&]+).*", "$1");
      String claims =
          new String(
              Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
              java.nio.charset.StandardCharsets.UTF_8);
      assertEquals(ADMIN, JSON.readTree(claims).path("sub").asText());
      assertEquals(
          String.join(" ", GoogleServiceAccount.READ_ONLY_SCOPES),
          JSON.readTree(claims).path("scope").asText());
    }
  }

  @Test
  void aMissingDelegationSaysWhichScopesToGrant() throws Exception {
    try (GoogleApiStub api = new GoogleApiStub()) {
      api.server.stubFor(
          post(urlPathEqualTo("/token"))
              .willReturn(
                  aResponse()
                      .withStatus(401)
                      .withHeader("Content-Type", "application/json")
                      .withBody(
                          "{\"error\": \"unauthorized_client\", \"error_description\": \"Client is"
                              + " unauthorized to retrieve access tokens using this method, or"
                              + " client not authorized for any of the scopes requested.\"}")));
      GoogleCredentials credentials =
          GoogleServiceAccount.fromKeyFile(keyFile(api.rootUrl() + "token"), ADMIN);

      TenantPull result = pull(api, credentials);

      assertEquals(PullStatus.FAILED, result.status());
      assertEquals(0, result.apiRequests(), "no API request left without a token");
      api.server.verify(0, getRequestedFor(urlPathEqualTo(GoogleApiStub.USERS)));
      String problem = result.problems().get(0);
      assertTrue(problem.contains("(Error getting access token for service account: 401"), problem);
      assertTrue(problem.contains("unauthorized_client means"), problem);
      assertTrue(
          problem.contains(String.join(",", GoogleServiceAccount.READ_ONLY_SCOPES)), problem);
      assertTrue(problem.contains(ADMIN), problem);
      assertFalse(
          Files.exists(dir.resolve("google").resolve(DOMAIN).resolve(TenantFolder.MANIFEST)));
    }
  }

  @Test
  void theDoctorStopsAtARefusedSignIn() throws Exception {
    try (GoogleApiStub api = new GoogleApiStub()) {
      api.server.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withStatus(401)));
      GoogleCredentials credentials =
          GoogleServiceAccount.fromKeyFile(keyFile(api.rootUrl() + "token"), ADMIN);

      List<DoctorCheck> checks =
          new GoogleDoctor(
                  GooglePullSettings.defaults(DOMAIN, ADMIN).withRootUrl(api.rootUrl()),
                  credentials)
              .run();

      assertEquals(1, checks.size(), checks.toString());
      assertFalse(checks.get(0).ok());
      assertTrue(
          checks.get(0).detail().contains("refused to issue a token"), checks.get(0).detail());
    }
  }

  private static final String SERVICE_ACCOUNT =
      "rollcall-reader@rollcall-test.iam.gserviceaccount.com";
  private static final String SIGN_JWT =
      "/v1/projects/-/serviceAccounts/rollcall-reader@rollcall-test.iam.gserviceaccount.com:signJwt";

  /** The JWT's clock: now, as the credentials compare the token's expiry with the real time. */
  private static final Instant NOW =
      Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

  /**
   * Keyless credentials against local stubs of the three endpoints: the source credentials' token
   * (as Application Default Credentials of a user or a workload pool would refresh theirs), signJwt
   * and the OAuth token exchange.
   */
  private static GoogleCredentials keyless(GoogleApiStub api) {
    GoogleCredentials source =
        com.google.auth.oauth2.UserCredentials.newBuilder()
            .setClientId("client-id")
            .setClientSecret("client-s3cr3t")
            .setRefreshToken("refresh-s3cr3t")
            .setTokenServerUri(api.rootUrl().resolve("source-token"))
            .build();
    return new KeylessDelegatedCredentials(
        source,
        SERVICE_ACCOUNT,
        ADMIN,
        GoogleServiceAccount.READ_ONLY_SCOPES,
        api.rootUrl(),
        api.rootUrl().resolve("token"),
        new com.google.api.client.http.javanet.NetHttpTransport(),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static void stubKeyless(GoogleApiStub api, int signStatus, String signBody) {
    api.server.stubFor(
        post(urlPathEqualTo("/source-token"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"access_token\": \"source-token\", \"expires_in\": 3600,"
                            + " \"token_type\": \"Bearer\"}")));
    api.server.stubFor(
        post(urlPathEqualTo(SIGN_JWT))
            .withHeader("Authorization", equalTo("Bearer source-token"))
            .willReturn(
                aResponse()
                    .withStatus(signStatus)
                    .withHeader("Content-Type", "application/json")
                    .withBody(signBody)));
    api.server.stubFor(
        post(urlPathEqualTo("/token"))
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing(
                    "assertion=signed.by.iam"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"access_token\": \"delegated-token\", \"expires_in\": 3599,"
                            + " \"token_type\": \"Bearer\"}")));
  }

  @Test
  void withoutAKeyTheIamCredentialsApiSignsTheDelegationAndThePullUsesIt() throws Exception {
    try (GoogleApiStub api = new GoogleApiStub()) {
      stubKeyless(api, 200, "{\"keyId\": \"k1\", \"signedJwt\": \"signed.by.iam\"}");
      for (String path :
          List.of(GoogleApiStub.USERS, GoogleApiStub.ROLES, GoogleApiStub.ROLE_ASSIGNMENTS)) {
        api.server.stubFor(
            get(urlPathEqualTo(path))
                .withHeader("Authorization", equalTo("Bearer delegated-token"))
                .willReturn(
                    GoogleApiStub.json(
                        path.equals(GoogleApiStub.USERS)
                            ? "users-2.json"
                            : path.equals(GoogleApiStub.ROLES)
                                ? "roles.json"
                                : "role-assignments.json")));
      }

      TenantPull result = pull(api, keyless(api));

      assertEquals(PullStatus.COMPLETE, result.status(), String.valueOf(result.problems()));
      assertEquals(3, result.apiRequests());
      api.server.verify(1, postRequestedFor(urlPathEqualTo(SIGN_JWT)));
      api.server.verify(1, postRequestedFor(urlPathEqualTo("/token")));
      // The JWT IAM signed: the service account for the admin, the read-only scopes, Google's
      // token endpoint as audience, one hour.
      String body =
          api.server.findAll(postRequestedFor(urlPathEqualTo(SIGN_JWT))).get(0).getBodyAsString();
      com.fasterxml.jackson.databind.JsonNode claims =
          JSON.readTree(JSON.readTree(body).path("payload").asText());
      assertEquals(SERVICE_ACCOUNT, claims.path("iss").asText());
      assertEquals(ADMIN, claims.path("sub").asText());
      assertEquals(
          String.join(" ", GoogleServiceAccount.READ_ONLY_SCOPES), claims.path("scope").asText());
      assertEquals(api.rootUrl().resolve("token").toString(), claims.path("aud").asText());
      assertEquals(NOW.getEpochSecond(), claims.path("iat").asLong());
      assertEquals(3600, claims.path("exp").asLong() - claims.path("iat").asLong());
      String exchange =
          api.server.findAll(postRequestedFor(urlPathEqualTo("/token"))).get(0).getBodyAsString();
      assertTrue(
          exchange.contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer"),
          exchange);
    }
  }

  @Test
  void aSourceThatMayNotSignSaysWhatIamAnswered() throws Exception {
    try (GoogleApiStub api = new GoogleApiStub()) {
      stubKeyless(
          api,
          403,
          "{\"error\": {\"code\": 403, \"status\": \"PERMISSION_DENIED\", \"message\":"
              + " \"Permission 'iam.serviceAccounts.signJwt' denied on resource (or it may not"
              + " exist).\"}}");

      TenantPull result = pull(api, keyless(api));

      assertEquals(PullStatus.FAILED, result.status());
      assertEquals(0, result.apiRequests(), "no API request without a token");
      String problem = result.problems().get(0);
      assertTrue(
          problem.contains("signJwt for " + SERVICE_ACCOUNT + " answered HTTP 403"), problem);
      assertTrue(problem.contains("iam.serviceAccounts.signJwt' denied"), problem);
      assertFalse(problem.contains("source-token"), "no token in a message: " + problem);
      assertFalse(problem.contains("s3cr3t"), problem);
    }
  }

  private TenantPull pull(GoogleApiStub api, GoogleCredentials credentials) {
    GooglePullSettings settings =
        GooglePullSettings.defaults(DOMAIN, ADMIN)
            .withRootUrl(api.rootUrl())
            .withOptionalListings(false, false)
            .withLoginAuditDays(0)
            .withRetries(1, Duration.ofMillis(5), Duration.ofMillis(10));
    return new GooglePuller(
            settings,
            credentials,
            Clock.fixed(Instant.parse("2026-11-29T06:00:00Z"), ZoneOffset.UTC))
        .pull(dir.resolve("google"))
        .get(0);
  }
}
