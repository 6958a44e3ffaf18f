package dev.rollcall.jobs.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.jobs.config.NotifyConfig;
import dev.rollcall.jobs.config.SecretRef;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook against a local WireMock server: body, retries, failure, and a URL never logged. */
class WebhookTest {
  /** Like a Slack webhook URL, whose path is the secret. */
  private static final String SECRET_PATH = "/services/T0001/B0002/s3cr3tT0k3nXyZ";

  private static final String LOGGER = "dev.rollcall.jobs.notify";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-20T07:00:00Z"), ZoneOffset.UTC);

  private final List<String> logged = new CopyOnWriteArrayList<>();
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private AbstractAppender appender;
  private WireMockServer server;
  private URI url;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    url = URI.create("http://127.0.0.1:" + server.port() + SECRET_PATH);
    appender =
        new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
          @Override
          public void append(LogEvent event) {
            logged.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
          }
        };
    appender.start();
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    LoggerConfig logger = new LoggerConfig(LOGGER, Level.INFO, false);
    logger.addAppender(appender, Level.INFO, null);
    context.getConfiguration().addLogger(LOGGER, logger);
    context.updateLoggers();
  }

  @AfterEach
  void stop() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    context.getConfiguration().removeLogger(LOGGER);
    context.updateLoggers();
    appender.stop();
    server.stop();
  }

  private Webhook webhook() {
    return new Webhook(
        url,
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(),
        waits::add,
        CLOCK);
  }

  private void assertNoSecretLogged() {
    for (String line : logged) {
      assertFalse(line.contains("s3cr3t"), line);
      assertFalse(line.contains("/services/"), line);
    }
  }

  @Test
  void postsTheSummaryAsSlackText() throws Exception {
    server.stubFor(post(urlEqualTo(SECRET_PATH)).willReturn(aResponse().withStatus(200)));
    String text = "rollcall: Meridian Health\n- critical: Access left \"after\" & <termination>\n";

    Webhook.Result result = webhook().post(text);

    assertTrue(result.delivered(), result.toString());
    assertEquals(1, result.attempts());
    server.verify(
        1,
        postRequestedFor(urlEqualTo(SECRET_PATH))
            .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
            .withRequestBody(
                equalToJson(new ObjectMapper().writeValueAsString(Map.of("text", text)))));
    var body =
        new ObjectMapper()
            .readTree(server.getAllServeEvents().get(0).getRequest().getBodyAsString());
    assertEquals(1, body.size(), "only text: " + body);
    assertEquals(text, body.get("text").asText());
    assertEquals(List.of("INFO webhook: posted the summary to 127.0.0.1 (HTTP 200)"), logged);
    assertNoSecretLogged();
  }

  @Test
  void retriesThrottlingAsLongAsRetryAfterSays() {
    server.stubFor(
        post(urlEqualTo(SECRET_PATH))
            .inScenario("throttled")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7"))
            .willSetStateTo("busy"));
    server.stubFor(
        post(urlEqualTo(SECRET_PATH))
            .inScenario("throttled")
            .whenScenarioStateIs("busy")
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("ok"));
    server.stubFor(
        post(urlEqualTo(SECRET_PATH))
            .inScenario("throttled")
            .whenScenarioStateIs("ok")
            .willReturn(aResponse().withStatus(200)));

    Webhook.Result result = webhook().post("hello");

    assertTrue(result.delivered(), result.toString());
    assertEquals(3, result.attempts());
    // Retry-After's 7 s, then the backoff of the second attempt.
    assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(2)), waits);
    server.verify(3, postRequestedFor(urlEqualTo(SECRET_PATH)));
    assertNoSecretLogged();
  }

  @Test
  void aRetryAfterDateIsHonouredAndALongOneCapped() {
    server.stubFor(
        post(urlEqualTo(SECRET_PATH))
            .inScenario("dated")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "Fri, 20 Nov 2026 07:00:12 GMT"))
            .willSetStateTo("long"));
    server.stubFor(
        post(urlEqualTo(SECRET_PATH))
            .inScenario("dated")
            .whenScenarioStateIs("long")
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

    Webhook.Result result = webhook().post("hello");

    assertFalse(result.delivered());
    assertEquals(List.of(Duration.ofSeconds(12), Webhook.MAX_WAIT), waits);
    server.verify(Webhook.ATTEMPTS, postRequestedFor(urlEqualTo(SECRET_PATH)));
  }

  @Test
  void aFailureIsLoggedAsAnErrorAfterBoundedAttempts() {
    server.stubFor(post(urlEqualTo(SECRET_PATH)).willReturn(aResponse().withStatus(500)));

    Webhook.Result result = webhook().post("hello");

    assertFalse(result.delivered());
    assertEquals(Webhook.ATTEMPTS, result.attempts());
    assertEquals("HTTP 500", result.detail());
    server.verify(Webhook.ATTEMPTS, postRequestedFor(urlEqualTo(SECRET_PATH)));
    assertTrue(
        logged
            .get(logged.size() - 1)
            .startsWith(
                "ERROR webhook: could not post the summary to"
                    + " 127.0.0.1 after 3 attempt(s) (HTTP 500)"),
        logged.toString());
    assertNoSecretLogged();
  }

  @Test
  void aRefusalIsNotRetried() {
    server.stubFor(post(urlEqualTo(SECRET_PATH)).willReturn(aResponse().withStatus(404)));

    Webhook.Result result = webhook().post("hello");

    assertFalse(result.delivered());
    assertEquals(1, result.attempts());
    assertEquals(List.of(), waits);
    assertNoSecretLogged();
  }

  @Test
  void anUnreachableEndpointFailsWithoutNamingTheUrl() {
    server.stop();

    Webhook.Result result = webhook().post("hello");

    assertFalse(result.delivered());
    assertEquals(Webhook.ATTEMPTS, result.attempts());
    assertTrue(result.detail().endsWith("Exception"), result.detail());
    assertTrue(logged.stream().anyMatch(l -> l.startsWith("ERROR ")), logged.toString());
    assertNoSecretLogged();
  }

  @Test
  void theUrlComesFromTheConfigurationOrElseTheEnvironment() {
    String fromEnv = "https://hooks.slack.com/services/T1/B2/abc";
    String fromConfig = "https://chat.example.com/hooks/xyz";
    Map<String, String> env = Map.of(Webhook.ENV, fromEnv, "CHAT_HOOK", fromConfig);

    assertEquals(Optional.of(URI.create(fromEnv)), Webhook.configuredUrl(NotifyConfig.none(), env));
    assertEquals(
        Optional.of(URI.create(fromConfig)),
        Webhook.configuredUrl(new NotifyConfig(new SecretRef("CHAT_HOOK", null)), env));
    assertEquals(Optional.empty(), Webhook.configuredUrl(NotifyConfig.none(), Map.of()));
    ConfigException unset =
        assertThrows(
            ConfigException.class,
            () ->
                Webhook.configuredUrl(new NotifyConfig(new SecretRef("MISSING_HOOK", null)), env));
    assertTrue(unset.getMessage().contains("MISSING_HOOK"), unset.getMessage());
  }

  @Test
  void aValueThatIsNotAnHttpUrlIsRefusedWithoutRepeatingIt() {
    for (String bad : List.of("ftp://files.example/s3cr3t", "s3cr3t token", "mailto:s3cr3t@x")) {
      ConfigException e =
          assertThrows(
              ConfigException.class,
              () -> Webhook.configuredUrl(NotifyConfig.none(), Map.of(Webhook.ENV, bad)));
      assertTrue(e.getMessage().contains(Webhook.ENV), e.getMessage());
      assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
    }
  }
}
