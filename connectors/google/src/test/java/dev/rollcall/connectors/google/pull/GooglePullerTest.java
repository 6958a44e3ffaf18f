package dev.rollcall.connectors.google.pull;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.rollcall.connectors.google.GoogleDirectoryMapper;
import dev.rollcall.connectors.google.GoogleSnapshotReader;
import dev.rollcall.connectors.google.Resources;
import dev.rollcall.connectors.pull.TenantPull;
import dev.rollcall.connectors.snapshot.TenantFolder;
import dev.rollcall.model.Account;
import dev.rollcall.model.AccountStatus;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Identity;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.MfaFactor;
import dev.rollcall.model.MfaFactorType;
import dev.rollcall.model.PersonStatus;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.SignIn;
import dev.rollcall.model.SourceResult;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live puller through Google's own Directory client against a local Admin SDK. */
class GooglePullerTest {
  private static final String DOMAIN = Resources.DOMAIN;
  private static final String ADMIN = "rollcall-reader@" + DOMAIN;
  private static final Instant NOW = Instant.parse("2026-11-29T06:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path snapshot;

  private GoogleApiStub api;
  private final List<Long> sleeps = new ArrayList<>();

  @BeforeEach
  void start() {
    api = new GoogleApiStub();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private GooglePullSettings settings() {
    return GooglePullSettings.defaults(DOMAIN, ADMIN)
        .withRootUrl(api.rootUrl())
        .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(40));
  }

  private TenantPull pull(GooglePullSettings settings) {
    GoogleCredentials credentials =
        GoogleCredentials.create(
            new AccessToken(GoogleApiStub.TOKEN, Date.from(NOW.plus(Duration.ofDays(3650)))));
    GooglePuller puller =
        new GooglePuller(
            settings,
            credentials,
            Clock.fixed(NOW, ZoneOffset.UTC),
            new NetHttpTransport(),
            sleeps::add);
    List<TenantPull> pulls = puller.pull(snapshot.resolve(puller.folder()));
    assertEquals(1, pulls.size());
    return pulls.get(0);
  }

  private Path tenantDir() {
    return snapshot.resolve("google").resolve(DOMAIN);
  }

  private int requestsTo(String path) {
    return api.server.findAll(getRequestedFor(urlPathEqualTo(path))).size();
  }

  @Test
  void pullsEveryListingToTheEndAndTheReaderMapsIt() throws IOException {
    api.serveTenant();

    TenantPull result = pull(settings());

    assertEquals(new TenantPull(DOMAIN, PullStatus.COMPLETE, NOW, 10, List.of()), result);
    assertEquals(10, api.server.getAllServeEvents().size());
    Path dir = tenantDir();
    assertEquals(
        List.of(
            "deletedUsers/page-00001.json",
            "groups/page-00001.json",
            "loginActivities/page-00001.json",
            "loginActivities/page-00002.json",
            "members/01baon6m1mz5pr2/page-00001.json",
            "members/03ep43zb2k1ia5x/page-00001.json",
            "roleAssignments/page-00001.json",
            "roles/page-00001.json",
            TenantFolder.MANIFEST,
            "users/page-00001.json",
            "users/page-00002.json"),
        files(dir));
    // The pages are the API's JSON, unchanged.
    assertEquals(
        JSON.readTree(GoogleApiStub.fixture("users-2.json")),
        JSON.readTree(dir.resolve("users/page-00002.json").toFile()));
    assertEquals(
        JSON.readTree(GoogleApiStub.fixture("activities-1.json")),
        JSON.readTree(dir.resolve("loginActivities/page-00001.json").toFile()));
    assertEquals(NOW, TenantFolder.of(dir).observedAt(Instant.EPOCH));
    assertEquals(
        PosixFilePermissions.fromString("rw-------"),
        Files.getPosixFilePermissions(dir.resolve("users/page-00001.json")));

    SourceResult read = new GoogleSnapshotReader().read(dir, TenantFolder.of(dir).observedAt(NOW));
    Map<String, Account> accounts = byName(read.accounts(), Account::name);
    assertEquals(
        List.of(
            "alice.admin@" + DOMAIN,
            "bob.builder@" + DOMAIN,
            "carol.casual@" + DOMAIN,
            "dave.dormant@" + DOMAIN,
            "erin.exited@" + DOMAIN),
        read.accounts().stream().map(Account::name).toList());

    Account alice = accounts.get("alice.admin@" + DOMAIN);
    // The audit's sign-in is later than users.list lastLoginTime, and wins.
    assertEquals(
        Activity.usedAt(
            Instant.parse("2026-11-27T08:00:00Z"), "Google login audit: last login_success"),
        alice.lastActivity());
    assertEquals(Mfa.State.ENABLED, alice.mfa().state());
    assertEquals(
        List.of(new MfaFactor(MfaFactorType.SECURITY_KEY, "used at sign-in (login audit)", null)),
        alice.mfa().factors());
    assertEquals(
        List.of(
            new SignIn("203.0.113.10", Instant.parse("2026-11-27T08:00:00Z")),
            new SignIn("198.51.100.7", Instant.parse("2026-11-20T18:15:00Z"))),
        alice.signIns());
    assertNull(alice.tag("loginSourceIps"), "sign-ins are typed, not a tag");
    assertEquals(
        "password,security_key", alice.tag(GoogleDirectoryMapper.TAG_LOGIN_CHALLENGE_METHODS));

    Account bob = accounts.get("bob.builder@" + DOMAIN);
    assertEquals(Mfa.State.NOT_ENABLED, bob.mfa().state());
    assertEquals(Instant.parse("2026-11-26T12:00:00Z"), bob.lastActivity().at());

    // No enrolment field, but the audit shows an authenticator app used: enabled.
    Account carol = accounts.get("carol.casual@" + DOMAIN);
    assertEquals(Mfa.State.ENABLED, carol.mfa().state());
    assertEquals(MfaFactorType.VIRTUAL_TOTP, carol.mfa().factors().get(0).type());

    // Enrolled, never signed in during the window: the factor stays unspecified.
    Account dave = accounts.get("dave.dormant@" + DOMAIN);
    assertEquals(Activity.State.NEVER_USED, dave.lastActivity().state());
    assertEquals(MfaFactorType.UNSPECIFIED, dave.mfa().factors().get(0).type());
    assertTrue(dave.mfa().evidence().contains("login audit: no successful sign-in"));

    Account erin = accounts.get("erin.exited@" + DOMAIN);
    assertEquals(AccountStatus.DELETED, erin.status());

    Map<String, Identity> people = byName(read.people(), Identity::personId);
    assertEquals(5, people.size());
    Identity erinPerson = people.get("erin.exited@" + DOMAIN);
    assertEquals(PersonStatus.LEFT, erinPerson.status());
    assertEquals(Instant.parse("2026-11-25T17:00:00Z"), erinPerson.leftAt());
    // The group's addresses reach its members, so an account named for it is shared.
    assertTrue(people.get("alice.admin@" + DOMAIN).emails().contains("devops@" + DOMAIN));
    assertTrue(people.get("bob.builder@" + DOMAIN).emails().contains("ops@" + DOMAIN));
    assertFalse(people.get("carol.casual@" + DOMAIN).emails().contains("devops@" + DOMAIN));
  }

  @Test
  void asksForFullProjectionFieldMasksAndLargestPages() {
    api.serveTenant();

    pull(settings());

    api.server.verify(
        getRequestedFor(urlPathEqualTo(GoogleApiStub.USERS))
            .withQueryParam("customer", equalTo("my_customer"))
            .withQueryParam("projection", equalTo("full"))
            .withQueryParam("maxResults", equalTo("500"))
            .withQueryParam("fields", equalTo(GooglePuller.USER_FIELDS))
            .withQueryParam("showDeleted", absent())
            .withQueryParam("pageToken", absent()));
    api.server.verify(
        getRequestedFor(urlPathEqualTo(GoogleApiStub.USERS))
            .withQueryParam("pageToken", equalTo("page-two-token"))
            .withQueryParam("maxResults", equalTo("500")));
    api.server.verify(
        getRequestedFor(urlPathEqualTo(GoogleApiStub.USERS))
            .withQueryParam("showDeleted", equalTo("true")));
    api.server.verify(
        getRequestedFor(urlPathEqualTo(GoogleApiStub.DEVOPS_MEMBERS))
            .withQueryParam("includeDerivedMembership", equalTo("true"))
            .withQueryParam("fields", equalTo(GooglePuller.MEMBER_FIELDS)));
    api.server.verify(
        getRequestedFor(urlPathEqualTo(GoogleApiStub.LOGIN_ACTIVITIES))
            .withQueryParam("eventName", equalTo("login_success"))
            .withQueryParam("startTime", equalTo("2026-10-30T06:00:00Z"))
            .withQueryParam("endTime", equalTo("2026-11-29T06:00:00Z"))
            .withQueryParam("maxResults", equalTo("1000"))
            .withQueryParam("fields", equalTo(GooglePuller.ACTIVITY_FIELDS)));
  }

  @Test
  void optionalListingsAreLeftOutWhenNotAskedFor() {
    api.serveTenant();

    TenantPull result = pull(settings().withOptionalListings(false, false).withLoginAuditDays(0));

    assertEquals(PullStatus.COMPLETE, result.status());
    assertEquals(4, result.apiRequests());
    assertEquals(0, requestsTo(GoogleApiStub.GROUPS));
    assertEquals(0, requestsTo(GoogleApiStub.LOGIN_ACTIVITIES));
    SourceResult read = new GoogleSnapshotReader().read(tenantDir(), NOW);
    // Without the audit, enrolment alone: unspecified factor, never "no MFA".
    Account carol =
        read.accounts().stream().filter(a -> a.name().startsWith("carol")).findFirst().get();
    assertEquals(Mfa.State.UNKNOWN, carol.mfa().state());
    assertEquals(Activity.State.UNKNOWN, carol.lastActivity().state());
  }

  @Test
  void a403NamesTheScopeAndTheAdminToFix() {
    api.serveTenant();
    api.server.stubFor(
        get(urlPathEqualTo(GoogleApiStub.USERS))
            .willReturn(
                GoogleApiStub.error(
                    403, "forbidden", "Not Authorized to access this resource/api")));

    TenantPull result = pull(settings());

    assertEquals(PullStatus.FAILED, result.status());
    assertEquals(1, result.apiRequests(), "a 403 is not retried");
    String problem = result.problems().get(0);
    assertTrue(
        problem.startsWith("users.list page 1: Google refused access (HTTP 403 forbidden"),
        problem);
    assertTrue(problem.contains(GoogleServiceAccount.SCOPE_USERS), problem);
    assertTrue(problem.contains(ADMIN), problem);
    assertTrue(problem.contains("domain-wide delegation"), problem);
    assertFalse(Files.exists(tenantDir().resolve(TenantFolder.MANIFEST)));
  }

  @Test
  void a403QuotaErrorSaysTheQuotaRanOut() {
    api.serveTenant();
    api.server.stubFor(
        get(urlPathEqualTo(GoogleApiStub.ROLES))
            .willReturn(GoogleApiStub.error(403, "userRateLimitExceeded", "Quota exceeded")));

    TenantPull result = pull(settings());

    assertEquals(PullStatus.FAILED, result.status());
    assertEquals(3, requestsTo(GoogleApiStub.ROLES), "a quota 403 is retried");
    assertEquals(
        List.of(
            "roles.list page 1: quota exhausted (HTTP 403 userRateLimitExceeded: Quota exceeded,"
                + " still refused after 2 retries with exponential backoff); the pull is"
                + " incomplete. Run again later, or raise the Admin SDK quota of the service"
                + " account's Cloud project."),
        result.problems());
    assertFalse(Files.exists(tenantDir().resolve(TenantFolder.MANIFEST)));
  }

  @Test
  void a403RateLimitIsRetriedLikeA429() {
    api.serveTenant();
    api.server.stubFor(
        get(urlPathEqualTo(GoogleApiStub.GROUPS))
            .inScenario("rate limited")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(GoogleApiStub.error(403, "rateLimitExceeded", "Rate limit exceeded"))
            .willSetStateTo("quota back"));

    TenantPull result = pull(settings());

    assertEquals(PullStatus.COMPLETE, result.status(), String.valueOf(result.problems()));
    assertEquals(2, requestsTo(GoogleApiStub.GROUPS));
    assertEquals(11, result.apiRequests());
    assertEquals(1, sleeps.size());
  }

  @Test
  void a503IsRetriedWithBackoffThenTheListingGoesOn() {
    api.serveTenant();
    api.server.stubFor(
        get(urlPathEqualTo(GoogleApiStub.USERS))
            .withQueryParam("pageToken", equalTo("page-two-token"))
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(GoogleApiStub.error(503, "backendError", "Service unavailable"))
            .willSetStateTo("recovered"));

    TenantPull result = pull(settings());

    assertEquals(PullStatus.COMPLETE, result.status(), String.valueOf(result.problems()));
    assertEquals(11, result.apiRequests(), "the retry is counted");
    assertEquals(4, requestsTo(GoogleApiStub.USERS), "two pages, one retried, and deleted users");
    assertEquals(1, sleeps.size());
    assertTrue(sleeps.get(0) >= 5 && sleeps.get(0) <= 15, "10 ms ± 50%: " + sleeps);
    assertEquals(
        4,
        new GoogleSnapshotReader()
            .read(tenantDir(), NOW).accounts().stream()
                .filter(a -> a.status() == AccountStatus.ACTIVE)
                .count());
  }

  @Test
  void a500ThatNeverEndsFailsTheTenantWithoutAManifest() {
    api.serveTenant();
    api.server.stubFor(
        get(urlPathEqualTo(GoogleApiStub.ROLES))
            .willReturn(GoogleApiStub.error(500, "backendError", "Internal error")));

    TenantPull result = pull(settings());

    assertEquals(PullStatus.FAILED, result.status());
    assertEquals(3, requestsTo(GoogleApiStub.ROLES), "one try and maxRetries=2 retries");
    assertEquals(2 + 3, result.apiRequests());
    assertEquals(
        List.of(
            "roles.list page 1: HTTP 500 backendError: Internal error, still failing after 2"
                + " retries with exponential backoff"),
        result.problems());
    assertEquals(2, sleeps.size());
    assertTrue(sleeps.stream().allMatch(ms -> ms <= 40), "bounded by maxBackoff: " + sleeps);
    assertFalse(Files.exists(tenantDir().resolve(TenantFolder.MANIFEST)));
  }

  @Test
  void aThrottledLoginAuditMakesThePullPartialAndLeavesNoHalfAudit() {
    api.serveTenant();
    api.server.stubFor(
        get(urlPathEqualTo(GoogleApiStub.LOGIN_ACTIVITIES))
            .withQueryParam("pageToken", equalTo("activities-page-two"))
            .willReturn(aResponse().withStatus(429).withBody("Too many requests")));

    TenantPull result = pull(settings());

    assertEquals(PullStatus.PARTIAL, result.status());
    assertEquals(1, result.problems().size());
    String problem = result.problems().get(0);
    assertTrue(problem.startsWith("login audit not pulled"), problem);
    assertTrue(problem.contains("activities.list applicationName=login page 2: HTTP 429"), problem);
    Path dir = tenantDir();
    assertTrue(Files.exists(dir.resolve(TenantFolder.MANIFEST)));
    assertFalse(Files.exists(dir.resolve("loginActivities")));
    SourceResult read = new GoogleSnapshotReader().read(dir, NOW);
    Account alice = read.accounts().get(0);
    assertEquals(MfaFactorType.UNSPECIFIED, alice.mfa().factors().get(0).type());
    assertEquals("Google isEnrolledIn2Sv=true, isEnforcedIn2Sv=true", alice.mfa().evidence());
  }

  @Test
  void aMalformedBodyFailsTheTenant() {
    api.serveTenant();
    api.server.stubFor(
        get(urlPathEqualTo(GoogleApiStub.ROLE_ASSIGNMENTS))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"kind\": \"admin#directory#roleAssignments\", \"items\": [")));

    TenantPull result = pull(settings());

    assertEquals(PullStatus.FAILED, result.status());
    assertTrue(
        result
            .problems()
            .get(0)
            .startsWith("roleAssignments.list page 1: the response is not valid JSON"),
        result.problems().get(0));
    assertFalse(Files.exists(tenantDir().resolve(TenantFolder.MANIFEST)));
  }

  @Test
  void aResponseOfTheWrongKindFailsTheTenant() {
    api.serveTenant();
    api.server.stubFor(
        get(urlPathEqualTo(GoogleApiStub.ROLES)).willReturn(GoogleApiStub.json("groups.json")));

    TenantPull result = pull(settings());

    assertEquals(PullStatus.FAILED, result.status());
    assertTrue(
        result.problems().get(0).contains("field 'kind' is not 'admin#directory#roles'"),
        result.problems().get(0));
  }

  @Test
  void credentialsThatCannotSignInFailTheTenantInsteadOfTheRun() {
    api.serveTenant();
    GoogleCredentials expired =
        GoogleCredentials.create(
            new AccessToken(GoogleApiStub.TOKEN, Date.from(NOW.minus(Duration.ofDays(1)))));

    List<TenantPull> pulls =
        new GooglePuller(settings(), expired, Clock.fixed(NOW, ZoneOffset.UTC))
            .pull(snapshot.resolve("google"));

    assertEquals(PullStatus.FAILED, pulls.get(0).status());
    assertTrue(pulls.get(0).problems().get(0).startsWith("unexpected failure: "), pulls.toString());
    assertEquals(0, api.server.getAllServeEvents().size());
    assertFalse(Files.exists(tenantDir().resolve(TenantFolder.MANIFEST)));
  }

  @Test
  void aFailedRerunRemovesTheEarlierManifestAndPages() {
    api.serveTenant();
    assertEquals(PullStatus.COMPLETE, pull(settings()).status());
    assertTrue(Files.exists(tenantDir().resolve("users/page-00002.json")));

    api.server.stubFor(
        get(urlPathEqualTo(GoogleApiStub.USERS))
            .withQueryParam("pageToken", equalTo("page-two-token"))
            .willReturn(GoogleApiStub.error(500, "backendError", "Internal error")));
    TenantPull rerun = pull(settings());

    assertEquals(PullStatus.FAILED, rerun.status());
    assertFalse(Files.exists(tenantDir().resolve(TenantFolder.MANIFEST)));
    assertFalse(Files.exists(tenantDir().resolve("users/page-00002.json")));
    assertFalse(Files.exists(tenantDir().resolve("loginActivities")));
  }

  @Test
  void logsTheRequestCountPerTenantAndNoToken() {
    api.serveTenant();
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    StringWriter log = new StringWriter();
    WriterAppender appender =
        WriterAppender.newBuilder()
            .setName("capture")
            .setTarget(log)
            .setLayout(PatternLayout.newBuilder().setPattern("%p %m%n").build())
            .build();
    appender.start();
    LoggerConfig root = context.getConfiguration().getRootLogger();
    Level before = root.getLevel();
    root.addAppender(appender, Level.INFO, null);
    root.setLevel(Level.INFO);
    context.updateLoggers();
    try {
      pull(settings());
    } finally {
      root.removeAppender("capture");
      root.setLevel(before);
      context.updateLoggers();
      appender.stop();
    }

    String text = log.toString();
    assertTrue(text.contains("INFO google/" + DOMAIN + ": complete, 10 API requests in "), text);
    assertTrue(text.contains("4 users, 2 admin roles, 2 role assignments"), text);
    assertFalse(text.contains(GoogleApiStub.TOKEN), text);
  }

  private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
    return items.stream().collect(Collectors.toMap(name, i -> i));
  }

  private static List<String> files(Path dir) throws IOException {
    try (var tree = Files.walk(dir)) {
      return tree.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }
}
