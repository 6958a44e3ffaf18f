package dev.rollcall.connectors.google.pull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.googleapis.services.AbstractGoogleClientRequest;
import com.google.api.client.http.HttpBackOffIOExceptionHandler;
import com.google.api.client.http.HttpBackOffUnsuccessfulResponseHandler;
import com.google.api.client.http.HttpExecuteInterceptor;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.HttpUnsuccessfulResponseHandler;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.util.ExponentialBackOff;
import com.google.api.client.util.Sleeper;
import com.google.api.services.directory.Directory;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;
import dev.rollcall.connectors.google.DirectoryListing;
import dev.rollcall.connectors.google.DirectoryPage;
import dev.rollcall.connectors.pull.SnapshotFiles;
import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.SnapshotJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Talks to the Admin SDK through Google's own client: builds the requests' transport (credentials,
 * retries with exponential backoff and jitter, a request counter), pages every listing to the end
 * and saves each page unchanged. No business logic: the reader and mapper interpret the pages.
 */
final class GoogleFetcher {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** 403 reasons that mean a quota ran out, not a missing permission. */
  private static final Set<String> QUOTA_REASONS =
      Set.of("rateLimitExceeded", "userRateLimitExceeded", "quotaExceeded", "dailyLimitExceeded");

  /** One request of a listing, for a page token (null for the first page). */
  @FunctionalInterface
  interface PageRequest {
    AbstractGoogleClientRequest<?> page(String pageToken) throws IOException;
  }

  private final GooglePullSettings settings;
  private final Directory directory;
  private final AtomicLong requests = new AtomicLong();

  GoogleFetcher(
      GooglePullSettings settings,
      GoogleCredentials credentials,
      HttpTransport transport,
      Sleeper sleeper) {
    this.settings = settings;
    this.directory =
        new Directory.Builder(
                transport,
                GsonFactory.getDefaultInstance(),
                initializer(new HttpCredentialsAdapter(credentials), sleeper))
            .setRootUrl(settings.rootUrl().toString())
            .setServicePath("")
            .setApplicationName("rollcall")
            .build();
  }

  /** The Directory client, also used for the Reports API's login audit. */
  Directory directory() {
    return directory;
  }

  /** HTTP requests sent so far, retries included; token requests to the OAuth server excluded. */
  long requests() {
    return requests.get();
  }

  /**
   * Every request: the credentials' headers and 401 refresh, then retries of 429, 5xx, 403 quota
   * errors and I/O errors with google-http-client's exponential backoff (each wait randomised by
   * ±50%: the jitter), bounded by {@link GooglePullSettings#maxRetries()}.
   */
  private HttpRequestInitializer initializer(HttpCredentialsAdapter auth, Sleeper sleeper) {
    return request -> {
      auth.initialize(request);
      HttpExecuteInterceptor authHeaders = request.getInterceptor();
      request.setInterceptor(
          r -> {
            // After the credentials' headers: a token request that fails sends no API request.
            if (authHeaders != null) {
              authHeaders.intercept(r);
            }
            requests.incrementAndGet();
          });
      HttpUnsuccessfulResponseHandler refresh = request.getUnsuccessfulResponseHandler();
      // Whether to retry is decided before the handler is asked (a 403 needs its body read).
      HttpBackOffUnsuccessfulResponseHandler backOff =
          new HttpBackOffUnsuccessfulResponseHandler(backOff())
              .setBackOffRequired(response -> true)
              .setSleeper(sleeper);
      request.setUnsuccessfulResponseHandler(
          (r, response, supportsRetry) -> {
            if (refresh != null && refresh.handleResponse(r, response, supportsRetry)) {
              return true;
            }
            int code = response.getStatusCode();
            if (code == 403) {
              return quotaRetry(r, response, supportsRetry, backOff);
            }
            return (code == 429 || code / 100 == 5)
                && backOff.handleResponse(r, response, supportsRetry);
          });
      request.setIOExceptionHandler(
          new HttpBackOffIOExceptionHandler(backOff()).setSleeper(sleeper));
      request.setNumberOfRetries(settings.maxRetries());
      request.setConnectTimeout((int) settings.timeout().toMillis());
      request.setReadTimeout((int) settings.timeout().toMillis());
    };
  }

  private ExponentialBackOff backOff() {
    return new ExponentialBackOff.Builder()
        .setInitialIntervalMillis((int) settings.initialBackoff().toMillis())
        .setMaxIntervalMillis((int) settings.maxBackoff().toMillis())
        .setMultiplier(1.5)
        .setRandomizationFactor(0.5)
        // maxRetries bounds the attempts; this is only a safety net on the time they take.
        .setMaxElapsedTimeMillis((int) Duration.ofMinutes(15).toMillis())
        .build();
  }

  /**
   * The Directory API answers a spent quota with 403 and a rateLimitExceeded-like reason, a missing
   * permission with 403 too (https://developers.google.com/admin-sdk/directory/v1/limits): only the
   * body tells them apart. Reading it consumes it, so a 403 that is not retried leaves as a {@link
   * Refusal} carrying the body.
   */
  private static boolean quotaRetry(
      HttpRequest request,
      HttpResponse response,
      boolean supportsRetry,
      HttpBackOffUnsuccessfulResponseHandler backOff)
      throws IOException {
    String body = response.parseAsString();
    ApiError error = ApiError.parse(body);
    if (error.reason() != null
        && QUOTA_REASONS.contains(error.reason())
        && backOff.handleResponse(request, response, supportsRetry)) {
      return true;
    }
    throw new Refusal(response.getStatusCode(), error);
  }

  /** The error of a Google JSON error body; fields null when absent. */
  record ApiError(String reason, String message) {
    static ApiError parse(String body) {
      try {
        JsonNode error = JSON.readTree(body == null ? "" : body).path("error");
        String message = error.path("message").asText(null);
        String reason = error.path("errors").path(0).path("reason").asText(null);
        return new ApiError(reason, message);
      } catch (JsonProcessingException e) {
        return new ApiError(null, null);
      }
    }
  }

  /** A 403 whose body was read to decide on a retry, and that was not retried. */
  static final class Refusal extends IOException {
    private static final long serialVersionUID = 1L;
    private final int code;
    private final transient ApiError error;

    Refusal(int code, ApiError error) {
      super("HTTP " + code);
      this.code = code;
      this.error = error;
    }
  }

  /**
   * Lists every page of a listing, following nextPageToken to the end, checks each page's shape and
   * saves it unchanged.
   *
   * @param fileFor the snapshot file of page n (1, 2, …)
   * @param onPage sees each page after it is saved
   * @return the number of records listed
   * @throws GooglePullException with a message that says what to fix
   */
  long listPages(
      DirectoryListing listing,
      PageRequest request,
      IntFunction<Path> fileFor,
      Consumer<JsonNode> onPage) {
    String token = null;
    Set<String> seen = new HashSet<>();
    long records = 0;
    for (int page = 1; ; page++) {
      Path file = fileFor.apply(page);
      JsonNode root = fetch(listing, request, token, page);
      DirectoryPage checked;
      try {
        checked = DirectoryPage.of(file, root, listing);
      } catch (SnapshotException e) {
        throw new GooglePullException(
            listing.method() + " page " + page + ": unexpected response: " + e.getMessage(), e);
      }
      SnapshotFiles.writeJson(file, root);
      records += checked.items().size();
      onPage.accept(root);
      token = root.path("nextPageToken").asText("");
      if (token.isEmpty()) {
        return records;
      }
      if (!seen.add(token)) {
        throw new GooglePullException(
            listing.method() + " page " + page + ": the API repeated a page token", null);
      }
    }
  }

  /**
   * Fetches the first page of a listing and saves nothing: for checks.
   *
   * @throws GooglePullException with a message that says what to fix
   */
  JsonNode firstPage(DirectoryListing listing, PageRequest request) {
    return fetch(listing, request, null, 1);
  }

  private JsonNode fetch(DirectoryListing listing, PageRequest request, String token, int page) {
    String what = listing.method() + " page " + page;
    HttpResponse response;
    try {
      response = request.page(token).executeUnparsed();
    } catch (Refusal e) {
      throw new GooglePullException(refused(listing, e.code, e.error, what), e);
    } catch (GoogleJsonResponseException e) {
      GoogleJsonError details = e.getDetails();
      ApiError error =
          details == null
              ? new ApiError(null, null)
              : new ApiError(
                  details.getErrors() == null || details.getErrors().isEmpty()
                      ? null
                      : details.getErrors().get(0).getReason(),
                  details.getMessage());
      throw new GooglePullException(refused(listing, e.getStatusCode(), error, what), e);
    } catch (HttpResponseException e) {
      throw new GooglePullException(
          refused(listing, e.getStatusCode(), new ApiError(null, null), what), e);
    } catch (IOException e) {
      throw new GooglePullException(unreachable(what, e), e);
    }
    try (InputStream in = response.getContent()) {
      if (in == null) {
        throw new GooglePullException(what + ": empty response", null);
      }
      return JSON.readTree(in);
    } catch (JsonProcessingException e) {
      throw new GooglePullException(
          what + ": the response is not valid JSON: " + SnapshotJson.syntaxProblem(e), e);
    } catch (IOException e) {
      throw new GooglePullException(what + ": cannot read the response: " + e.getMessage(), e);
    } finally {
      try {
        response.disconnect();
      } catch (IOException ignored) {
        // the body is read; a failed disconnect leaks nothing worth reporting
      }
    }
  }

  private String refused(DirectoryListing listing, int code, ApiError error, String what) {
    String reason = error.reason();
    String message = error.message();
    String said =
        "HTTP "
            + code
            + (reason == null ? "" : " " + reason)
            + (message == null ? "" : ": " + message);
    if (code == 403 && reason != null && QUOTA_REASONS.contains(reason)) {
      return what
          + ": quota exhausted ("
          + said
          + ", still refused after "
          + settings.maxRetries()
          + " retries with exponential backoff); the pull is incomplete. Run again later, or"
          + " raise the Admin SDK quota of the service account's Cloud project.";
    }
    if (code == 403 || code == 401) {
      return what
          + ": Google refused access ("
          + said
          + "). Check that the service account's client id has domain-wide delegation for scope "
          + scope(listing)
          + " (Admin console: Security > Access and data control > API controls > Domain-wide"
          + " delegation), and that "
          + settings.adminSubject()
          + " is an active admin whose role has the "
          + privilege(listing)
          + " privilege (see infra/google/README.md).";
    }
    if (code == 429 || code / 100 == 5) {
      return what
          + ": "
          + said
          + ", still failing after "
          + settings.maxRetries()
          + " retries with exponential backoff";
    }
    return what + ": " + said;
  }

  /**
   * An I/O error that the retries did not cure. google-auth fails the token request with
   * unauthorized_client when the delegation is missing or lacks a scope.
   */
  private String unreachable(String what, IOException e) {
    String text = String.valueOf(e.getMessage());
    if (text.startsWith("Error getting access token")) {
      // The token endpoint's JSON error (e.g. unauthorized_client) is in the cause's message.
      String said = text.lines().findFirst().orElse(text);
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof HttpResponseException refused && refused.getContent() != null) {
          said = said + ": " + tokenError(refused.getContent());
          break;
        }
      }
      return what
          + ": Google refused to issue a token for "
          + settings.adminSubject()
          + " ("
          + said
          + "). unauthorized_client means the service account's client id lacks domain-wide"
          + " delegation for one of these scopes: "
          + String.join(",", GoogleServiceAccount.READ_ONLY_SCOPES)
          + "; invalid_grant means the subject is not an active user of the domain (see"
          + " infra/google/README.md).";
    }
    return what
        + ": "
        + e.getClass().getSimpleName()
        + ": "
        + text
        + " (after up to "
        + settings.maxRetries()
        + " retries)";
  }

  /** The error and its description from an OAuth token endpoint's JSON answer. */
  private static String tokenError(String body) {
    try {
      JsonNode error = JSON.readTree(body);
      String code = error.path("error").asText("");
      String description = error.path("error_description").asText("");
      if (!code.isEmpty()) {
        return code + (description.isEmpty() ? "" : " (" + description + ")");
      }
    } catch (JsonProcessingException e) {
      // not JSON: fall through to the raw text
    }
    return body.strip().replaceAll("\\s+", " ");
  }

  private static String scope(DirectoryListing listing) {
    return switch (listing) {
      case USERS, DELETED_USERS -> GoogleServiceAccount.SCOPE_USERS;
      case ROLES, ROLE_ASSIGNMENTS -> GoogleServiceAccount.SCOPE_ROLES;
      case GROUPS, MEMBERS -> GoogleServiceAccount.SCOPE_GROUPS;
      case LOGIN_ACTIVITIES -> GoogleServiceAccount.SCOPE_AUDIT;
    };
  }

  /** The Admin console privilege (Admin API privileges, or Reports) a listing needs. */
  private static String privilege(DirectoryListing listing) {
    return switch (listing) {
      case USERS, DELETED_USERS -> "Admin API > Users > Read";
      case ROLES, ROLE_ASSIGNMENTS -> "view admin roles (Account > Admin roles)";
      case GROUPS, MEMBERS -> "Admin API > Groups > Read";
      case LOGIN_ACTIVITIES -> "Admin console > Reports";
    };
  }
}
