package dev.rollcall.jobs.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.jobs.config.NotifyConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Posts a run's short summary to a chat webhook as {@code {"text": ...}}, the body Slack incoming
 * webhooks, Mattermost and Teams' Slack-compatible endpoints all accept. The URL is a secret
 * (whoever has it can post to the channel): it is never logged, only its host.
 *
 * <p>Throttling (429) and server errors (5xx) are retried a bounded number of times, waiting as
 * long as {@code Retry-After} asks (capped) or else backing off; see <a
 * href="https://api.slack.com/apis/rate-limits">Slack's rate limits</a>.
 */
public final class Webhook {
  /** The environment variable that holds the URL when the configuration names none. */
  public static final String ENV = "ROLLCALL_WEBHOOK_URL";

  static final int ATTEMPTS = 3;
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  static final Duration MAX_WAIT = Duration.ofSeconds(30);

  private static final Logger LOG = LogManager.getLogger(Webhook.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Waits between attempts; tests record instead of sleeping. */
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /**
   * How a post went.
   *
   * @param delivered true when the endpoint answered 2xx
   * @param attempts how many requests were made
   * @param detail the last status or error, safe to log (never the URL)
   */
  public record Result(boolean delivered, int attempts, String detail) {}

  private final URI url;
  private final HttpClient client;
  private final Sleeper sleeper;
  private final Clock clock;

  /**
   * @param url the webhook's URL (http or https)
   * @param client the HTTP client
   * @param sleeper how to wait between attempts
   * @param clock for a {@code Retry-After} given as a date
   */
  public Webhook(URI url, HttpClient client, Sleeper sleeper, Clock clock) {
    this.url = Objects.requireNonNull(url, "url");
    this.client = Objects.requireNonNull(client, "client");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A webhook with a client that times out and does not follow redirects. */
  public static Webhook of(URI url) {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return new Webhook(url, client, d -> Thread.sleep(d.toMillis()), Clock.systemUTC());
  }

  /**
   * The webhook's URL: from the configuration's {@code notify: {webhook: ...}} reference if there
   * is one (it must then be set), else from {@value #ENV} if set, else none. A value that is not an
   * http(s) URL is refused, naming where it came from but never the value.
   */
  public static Optional<URI> configuredUrl(NotifyConfig notify, Map<String, String> environment) {
    if (notify.webhook() != null) {
      return Optional.of(
          parse(
              notify.webhook().resolve(environment),
              "notify.webhook (" + notify.webhook().describe() + ")"));
    }
    String value = environment.get(ENV);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(parse(value, "environment variable " + ENV));
  }

  private static URI parse(String value, String origin) {
    URI uri;
    try {
      uri = new URI(value.strip());
    } catch (URISyntaxException e) {
      throw new ConfigException(origin + " does not hold a URL");
    }
    if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
        || uri.getHost() == null) {
      throw new ConfigException(origin + " does not hold an http(s) URL with a host");
    }
    return uri;
  }

  /** The host the summary goes to, safe to log. */
  public String host() {
    return url.getHost();
  }

  /** Posts the text; never throws for a failed post, says how it went and logs it. */
  public Result post(String text) {
    byte[] body = body(text);
    String detail = "not tried";
    int made = 0;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      made = attempt;
      Duration wait = backoff(attempt);
      try {
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(url)
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        detail = "HTTP " + status;
        if (status / 100 == 2) {
          LOG.info("webhook: posted the summary to {} ({})", host(), detail);
          return new Result(true, attempt, detail);
        }
        if (status != 429 && status / 100 != 5) {
          break;
        }
        wait = retryAfter(response).orElse(wait);
      } catch (IOException e) {
        // The exception's text can carry the URL (a secret); its type says enough.
        detail = e.getClass().getSimpleName();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        detail = "interrupted";
        break;
      }
      if (attempt < ATTEMPTS) {
        LOG.warn("webhook: {} answered {}; trying again in {} s", host(), detail, wait.toSeconds());
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          detail = "interrupted";
          break;
        }
      }
    }
    LOG.error(
        "webhook: could not post the summary to {} after {} attempt(s) ({}); the run's findings"
            + " and reports stand",
        host(),
        made,
        detail);
    return new Result(false, made, detail);
  }

  static byte[] body(String text) {
    try {
      return JSON.writeValueAsBytes(Map.of("text", text));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of one string always serialises", e);
    }
  }

  private static Duration backoff(int attempt) {
    return Duration.ofSeconds(1L << (attempt - 1));
  }

  /** Retry-After as seconds or as an HTTP date, capped at {@link #MAX_WAIT}. */
  private Optional<Duration> retryAfter(HttpResponse<?> response) {
    Optional<String> header = response.headers().firstValue("Retry-After");
    if (header.isEmpty()) {
      return Optional.empty();
    }
    String value = header.get().strip();
    Duration wait;
    try {
      wait = Duration.ofSeconds(Long.parseLong(value));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        wait = Duration.between(clock.instant(), at);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
    if (wait.isNegative()) {
      wait = Duration.ZERO;
    }
    return Optional.of(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
  }
}
