package dev.rollcall.connectors.google.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.UrlEncodedContent;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Domain-wide delegation without a service account key: the credentials rollcall runs with
 * (Application Default Credentials: Workload Identity Federation, GKE workload identity, a VM's
 * service account, {@code gcloud auth application-default login}) ask the IAM Credentials API to
 * sign the delegation JWT as the service account ({@code signJwt}: iss the service account, sub the
 * admin, the read-only scopes), and the JWT is exchanged for an access token at Google's OAuth
 * token endpoint, as a key-signed JWT would be
 * (https://developers.google.com/identity/protocols/oauth2/service-account#delegatingauthority,
 * https://cloud.google.com/iam/docs/reference/credentials/rest/v1/projects.serviceAccounts/signJwt).
 * No key exists anywhere; neither token is logged.
 */
public final class KeylessDelegatedCredentials extends GoogleCredentials {
  private static final long serialVersionUID = 1L;

  /** The IAM Credentials API. */
  public static final URI IAM_CREDENTIALS = URI.create("https://iamcredentials.googleapis.com/");

  /** Google's OAuth 2.0 token endpoint, the audience of the delegation JWT. */
  public static final URI TOKEN = URI.create("https://oauth2.googleapis.com/token");

  /** The scope the source credentials need to call signJwt. */
  static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";

  /** How long the JWT asks the token to last: Google's maximum. */
  static final Duration LIFETIME = Duration.ofHours(1);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final GoogleCredentials source;
  private final String serviceAccount;
  private final String adminSubject;
  private final List<String> scopes;
  private final URI iamCredentials;
  private final URI token;
  private final transient HttpTransport transport;
  private final transient Clock clock;

  /**
   * @param source the credentials rollcall runs with (they need iam.serviceAccounts.signJwt on the
   *     service account: roles/iam.serviceAccountTokenCreator)
   * @param serviceAccount the service account's email, whose client id has domain-wide delegation
   * @param adminSubject the admin it acts as
   * @param scopes the scopes the delegation grants
   * @param iamCredentials the IAM Credentials API's root ({@link #IAM_CREDENTIALS}; a local stub in
   *     tests)
   * @param token the token endpoint ({@link #TOKEN}; a local stub in tests)
   */
  public KeylessDelegatedCredentials(
      GoogleCredentials source,
      String serviceAccount,
      String adminSubject,
      List<String> scopes,
      URI iamCredentials,
      URI token,
      HttpTransport transport,
      Clock clock) {
    this.source = source.createScopedRequired() ? source.createScoped(CLOUD_PLATFORM) : source;
    this.serviceAccount = serviceAccount;
    this.adminSubject = adminSubject;
    this.scopes = List.copyOf(scopes);
    this.iamCredentials = iamCredentials;
    this.token = token;
    this.transport = transport;
    this.clock = clock;
  }

  /** With Google's endpoints, the JDK's HTTP client and the system clock. */
  public KeylessDelegatedCredentials(
      GoogleCredentials source, String serviceAccount, String adminSubject, List<String> scopes) {
    this(
        source,
        serviceAccount,
        adminSubject,
        scopes,
        IAM_CREDENTIALS,
        TOKEN,
        new NetHttpTransport(),
        Clock.systemUTC());
  }

  public String serviceAccount() {
    return serviceAccount;
  }

  public String adminSubject() {
    return adminSubject;
  }

  @Override
  public AccessToken refreshAccessToken() throws IOException {
    Instant now = clock.instant();
    ObjectNode claims = JSON.createObjectNode();
    claims.put("iss", serviceAccount);
    claims.put("sub", adminSubject);
    claims.put("scope", String.join(" ", scopes));
    claims.put("aud", token.toString());
    claims.put("iat", now.getEpochSecond());
    claims.put("exp", now.plus(LIFETIME).getEpochSecond());
    String signedJwt = signJwt(JSON.writeValueAsString(claims));

    HttpRequest exchange =
        transport
            .createRequestFactory()
            .buildPostRequest(
                new GenericUrl(token),
                new UrlEncodedContent(
                    Map.of(
                        "grant_type",
                        "urn:ietf:params:oauth:grant-type:jwt-bearer",
                        "assertion",
                        signedJwt)));
    JsonNode granted = call(exchange, "the token endpoint (" + token.getHost() + ")");
    String accessToken = granted.path("access_token").asText("");
    if (accessToken.isEmpty()) {
      throw new IOException("the token endpoint answered without an access_token");
    }
    long expiresIn = granted.path("expires_in").asLong(LIFETIME.toSeconds());
    return new AccessToken(accessToken, Date.from(now.plusSeconds(expiresIn)));
  }

  private String signJwt(String payload) throws IOException {
    source.refreshIfExpired();
    String url =
        iamCredentials
            .resolve(
                // '@' is allowed in a path segment (RFC 3986), and Google's clients send it so.
                "v1/projects/-/serviceAccounts/" + serviceAccount + ":signJwt")
            .toString();
    ObjectNode body = JSON.createObjectNode().put("payload", payload);
    HttpRequest request =
        transport
            .createRequestFactory()
            .buildPostRequest(
                new GenericUrl(url),
                new ByteArrayContent("application/json", JSON.writeValueAsBytes(body)));
    request.getHeaders().setAuthorization("Bearer " + source.getAccessToken().getTokenValue());
    JsonNode signed = call(request, "the IAM Credentials API's signJwt for " + serviceAccount);
    String jwt = signed.path("signedJwt").asText("");
    if (jwt.isEmpty()) {
      throw new IOException("signJwt for " + serviceAccount + " answered without a signedJwt");
    }
    return jwt;
  }

  /** Sends {@code request}; an error answer becomes an IOException with Google's own words. */
  private static JsonNode call(HttpRequest request, String what) throws IOException {
    request.setThrowExceptionOnExecuteError(false);
    HttpResponse response = request.execute();
    try {
      String text = response.parseAsString();
      if (response.getStatusCode() / 100 != 2) {
        throw new IOException(
            what + " answered HTTP " + response.getStatusCode() + ": " + errorOf(text));
      }
      return JSON.readTree(text);
    } finally {
      response.disconnect();
    }
  }

  /** The error's message or code from a Google JSON error body; never a token. */
  private static String errorOf(String body) {
    try {
      JsonNode error = JSON.readTree(body);
      if (error.path("error").isObject()) {
        return error.path("error").path("status").asText("")
            + " "
            + error.path("error").path("message").asText("");
      }
      return error.path("error").asText("") + " " + error.path("error_description").asText("");
    } catch (IOException e) {
      return "(no JSON error body)";
    }
  }
}
