package dev.rollcall.connectors.atlas.pull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.rollcall.connectors.snapshot.SnapshotJson;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.net.URIBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP side of the Atlas Administration API v2
 * (https://www.mongodb.com/docs/api/doc/atlas-admin-api-v2/): signs requests in (service account
 * bearer token or API key Digest), asks for a resource version, pages through lists, and counts
 * every request sent, retries and auth round trips included. Retries and Digest are httpclient5's;
 * errors become {@link AtlasApiException}.
 */
final class AtlasApi implements Closeable {
  /** Atlas's largest page. */
  static final int ITEMS_PER_PAGE = 500;

  /** A list longer than this many pages is taken as a server that never ends it. */
  private static final int MAX_PAGES = 10_000;

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final URI baseUrl;
  private final CloseableHttpClient http;
  private final AtomicLong requests = new AtomicLong();
  private final BearerTokens tokens;

  /** Receives one page of a list. */
  interface PageSink {
    void accept(int pageNum, JsonNode page);
  }

  AtlasApi(AtlasSettings settings, AtlasCredentials credentials, Clock clock) {
    if (credentials.auth() != settings.auth()) {
      throw new IllegalArgumentException(
          "Atlas settings ask for " + settings.auth() + " but the credentials are " + credentials);
    }
    this.baseUrl = settings.baseUrl();
    Timeout timeout = Timeout.of(settings.timeout());
    HttpClientBuilder builder =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(timeout)
                            .setSocketTimeout(timeout)
                            .build())
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setResponseTimeout(timeout)
                    .setConnectionRequestTimeout(timeout)
                    .build())
            .setRetryStrategy(
                new AtlasRetryStrategy(
                    settings.maxRetries(), settings.initialBackoff(), settings.maxBackoff()))
            .disableRedirectHandling()
            .disableCookieManagement()
            .setUserAgent("rollcall")
            // Last in the protocol chain: runs once per request on the wire, so retries and the
            // Digest challenge round trip are counted too.
            .addRequestInterceptorLast((request, entity, context) -> requests.incrementAndGet());
    if (credentials instanceof AtlasCredentials.ApiKey key) {
      BasicCredentialsProvider provider = new BasicCredentialsProvider();
      provider.setCredentials(
          new AuthScope(HttpHost.create(baseUrl)),
          new UsernamePasswordCredentials(key.publicKey(), key.privateKey().toCharArray()));
      builder.setDefaultCredentialsProvider(provider);
      this.tokens = null;
    } else {
      this.tokens = new BearerTokens((AtlasCredentials.ServiceAccount) credentials, clock);
    }
    this.http = builder.build();
  }

  /** How many requests went out so far. */
  long requests() {
    return requests.get();
  }

  /** GETs one resource with {@code Accept: application/vnd.atlas.<version>+json}. */
  JsonNode get(String path, Map<String, String> query, String version) {
    URI uri = uri(path, query);
    HttpGet get = new HttpGet(uri);
    get.setHeader(HttpHeaders.ACCEPT, "application/vnd.atlas." + version + "+json");
    if (tokens != null) {
      get.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.current());
    }
    return json(execute(get, describe(get)), describe(get));
  }

  /**
   * GETs every page of a list ({@code pageNum} from 1, {@code itemsPerPage=500}) until a page holds
   * fewer than 500 results.
   */
  void pages(String path, Map<String, String> query, String version, PageSink sink) {
    for (int pageNum = 1; pageNum <= MAX_PAGES; pageNum++) {
      Map<String, String> paged = new LinkedHashMap<>(query);
      paged.put("pageNum", Integer.toString(pageNum));
      paged.put("itemsPerPage", Integer.toString(ITEMS_PER_PAGE));
      JsonNode page = get(path, paged, version);
      JsonNode results = page.get("results");
      if (results == null || !results.isArray()) {
        throw new AtlasApiException(
            "GET " + path + " page " + pageNum + ": not an Atlas list page (no 'results' array)",
            200,
            null);
      }
      sink.accept(pageNum, page);
      if (results.size() < ITEMS_PER_PAGE) {
        return;
      }
    }
    throw new AtlasApiException(
        "GET " + path + ": still returning full pages after " + MAX_PAGES + " pages", 200, null);
  }

  @Override
  public void close() throws IOException {
    http.close();
  }

  private URI uri(String path, Map<String, String> query) {
    try {
      URIBuilder builder = new URIBuilder(baseUrl.resolve(path));
      query.forEach(builder::addParameter);
      return builder.build();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid Atlas API path: " + path, e);
    }
  }

  private static String describe(ClassicHttpRequest request) {
    return request.getMethod() + " " + request.getRequestUri();
  }

  /** The body of a 2xx response; anything else becomes an {@link AtlasApiException}. */
  private String execute(ClassicHttpRequest request, String what) {
    Response response;
    try {
      response =
          http.execute(
              request,
              r ->
                  new Response(
                      r.getCode(),
                      r.getEntity() == null
                          ? ""
                          : EntityUtils.toString(r.getEntity(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new AtlasApiException(what + ": " + e.getClass().getSimpleName() + ": " + e, e);
    }
    if (response.status() / 100 != 2) {
      throw error(what, response);
    }
    return response.body();
  }

  private record Response(int status, String body) {}

  private static JsonNode json(String body, String what) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || node.isMissingNode() || !node.isObject()) {
        throw new AtlasApiException(what + ": response is not a JSON object", 200, null);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new AtlasApiException(
          what + ": response is not valid JSON: " + SnapshotJson.syntaxProblem(e), e);
    }
  }

  /**
   * Names the failure with Atlas's ApiError fields (errorCode, detail), or the OAuth error fields
   * of the token endpoint (error, error_description), when the body has them.
   */
  private static AtlasApiException error(String what, Response response) {
    String errorCode = null;
    String detail = null;
    try {
      JsonNode body = JSON.readTree(response.body());
      if (body != null && body.isObject()) {
        errorCode = text(body, "errorCode", "error");
        detail = text(body, "detail", "error_description");
        if (detail == null) {
          detail = text(body, "reason", "reason");
        }
      }
    } catch (JsonProcessingException e) {
      // not JSON (a proxy's HTML page, say): the status alone has to do
    }
    StringBuilder message = new StringBuilder(what).append(": HTTP ").append(response.status());
    if (errorCode != null) {
      message.append(' ').append(errorCode);
    }
    if (detail != null) {
      message.append(": ").append(detail);
    }
    return new AtlasApiException(message.toString(), response.status(), errorCode);
  }

  private static String text(JsonNode body, String field, String fallback) {
    JsonNode value = body.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      value = body.get(fallback);
    }
    return value != null && value.isTextual() && !value.asText().isBlank()
        ? value.asText().strip()
        : null;
  }

  /**
   * Service account bearer tokens, fetched with the client credentials grant at {@code
   * /api/oauth/token} and reused until shortly before they expire
   * (https://www.mongodb.com/docs/atlas/api/service-accounts-overview/).
   */
  private final class BearerTokens {
    /** Fetch a new token this long before the old one expires. */
    private static final Duration MARGIN = Duration.ofSeconds(60);

    private final String basic;
    private final Clock clock;
    private String token;
    private Instant refreshAt = Instant.MIN;

    BearerTokens(AtlasCredentials.ServiceAccount account, Clock clock) {
      this.basic =
          Base64.getEncoder()
              .encodeToString(
                  (account.clientId() + ":" + account.clientSecret())
                      .getBytes(StandardCharsets.UTF_8));
      this.clock = clock;
    }

    synchronized String current() {
      Instant now = clock.instant();
      if (token == null || !now.isBefore(refreshAt)) {
        fetch(now);
      }
      return token;
    }

    private void fetch(Instant now) {
      HttpPost post = new HttpPost(uri("/api/oauth/token", Map.of()));
      post.setHeader(HttpHeaders.AUTHORIZATION, "Basic " + basic);
      post.setHeader(HttpHeaders.ACCEPT, "application/json");
      post.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
      post.setEntity(
          new StringEntity(
              "grant_type=client_credentials", ContentType.APPLICATION_FORM_URLENCODED));
      String what = "POST /api/oauth/token";
      JsonNode body = json(execute(post, what), what);
      JsonNode accessToken = body.get("access_token");
      JsonNode expiresIn = body.get("expires_in");
      if (accessToken == null || !accessToken.isTextual() || accessToken.asText().isBlank()) {
        throw new AtlasApiException(what + ": response has no access_token", 200, null);
      }
      if (expiresIn == null || !expiresIn.canConvertToLong() || expiresIn.asLong() <= 0) {
        throw new AtlasApiException(what + ": response has no positive expires_in", 200, null);
      }
      Duration lifetime = Duration.ofSeconds(expiresIn.asLong());
      Duration margin =
          lifetime.compareTo(MARGIN.multipliedBy(2)) < 0 ? lifetime.dividedBy(2) : MARGIN;
      token = accessToken.asText();
      refreshAt = now.plus(lifetime).minus(margin);
    }
  }
}
