package dev.rollcall.connectors.atlas.pull;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where and how {@link AtlasPuller} reaches the Atlas Administration API: plain values from the
 * configuration file. Secrets are not here; see {@link AtlasCredentials}.
 *
 * @param baseUrl the Atlas host, {@value #DEFAULT_BASE_URL} unless a test points elsewhere
 * @param orgIds the organisations to pull; empty means every organisation the credentials see
 * @param auth which kind of credentials sign in
 * @param maxRetries how many times a throttled (429) or failed (5xx) request is retried
 * @param initialBackoff the first wait before a retry when Atlas sends no Retry-After; doubled on
 *     each further retry, with full jitter
 * @param maxBackoff the longest wait before one retry, Retry-After included
 * @param timeout connect and response timeout of one request
 */
public record AtlasSettings(
    URI baseUrl,
    List<String> orgIds,
    Auth auth,
    int maxRetries,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration timeout) {

  /** The public Atlas host. */
  public static final String DEFAULT_BASE_URL = "https://cloud.mongodb.com";

  private static final Pattern ATLAS_ID = Pattern.compile("[0-9a-f]{24}");

  /** The two ways to sign in to the Atlas Administration API. */
  public enum Auth {
    /** An Atlas service account (OAuth 2.0 client credentials); Atlas's recommended way. */
    SERVICE_ACCOUNT,
    /** A programmatic API key (HTTP Digest). */
    API_KEY
  }

  public AtlasSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    if (baseUrl.getScheme() == null || baseUrl.getHost() == null) {
      throw new IllegalArgumentException("Atlas baseUrl is not an absolute URL: " + baseUrl);
    }
    orgIds = List.copyOf(orgIds);
    for (String orgId : orgIds) {
      if (!ATLAS_ID.matcher(orgId).matches()) {
        throw new IllegalArgumentException(
            "Atlas organisation id '" + orgId + "' is not 24 lower-case hex digits");
      }
    }
    Objects.requireNonNull(auth, "auth");
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative");
    }
    positive(initialBackoff, "initialBackoff");
    positive(maxBackoff, "maxBackoff");
    positive(timeout, "timeout");
  }

  /**
   * Settings for the public Atlas host with the default retry policy: 5 retries, 1 s first backoff,
   * at most 60 s per wait, 60 s timeout.
   */
  public static AtlasSettings of(List<String> orgIds, Auth auth) {
    return new AtlasSettings(
        URI.create(DEFAULT_BASE_URL),
        orgIds,
        auth,
        5,
        Duration.ofSeconds(1),
        Duration.ofSeconds(60),
        Duration.ofSeconds(60));
  }

  /** These settings against another host (a test server, a proxy). */
  public AtlasSettings withBaseUrl(URI url) {
    return new AtlasSettings(url, orgIds, auth, maxRetries, initialBackoff, maxBackoff, timeout);
  }

  /** These settings with another retry policy. */
  public AtlasSettings withRetries(int retries, Duration initial, Duration max) {
    return new AtlasSettings(baseUrl, orgIds, auth, retries, initial, max, timeout);
  }

  private static void positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
