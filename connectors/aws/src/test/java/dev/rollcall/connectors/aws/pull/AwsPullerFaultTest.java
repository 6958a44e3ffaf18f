package dev.rollcall.connectors.aws.pull;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.rollcall.connectors.aws.AwsSnapshotReader;
import dev.rollcall.connectors.pull.DoctorCheck;
import dev.rollcall.connectors.pull.TenantPull;
import dev.rollcall.connectors.snapshot.TenantFolder;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.SourceResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throttling, a report still being made, and a server that fails for good, from a local HTTP server
 * speaking IAM's and STS's query protocol, through the real SDK clients.
 */
class AwsPullerFaultTest {
  private static final String IAM = "https://iam.amazonaws.com/doc/2010-05-08/";
  private static final String ACCOUNT = "111122223333";
  private static final String HEADER =
      "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
          + "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
          + "access_key_1_last_used_date,access_key_1_last_used_region,"
          + "access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
          + "access_key_2_last_used_date,access_key_2_last_used_region,"
          + "access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,"
          + "cert_2_last_rotated";
  private static final String REPORT =
      HEADER
          + "\n<root_account>,arn:aws:iam::"
          + ACCOUNT
          + ":root,2021-05-30T06:00:00+00:00,not_supported,no_information,not_supported,"
          + "not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n";

  private static WireMockServer server;
  @TempDir Path snapshot;

  @BeforeAll
  static void start() {
    server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void reset() {
    server.resetAll();
    answer(
        "GetCallerIdentity",
        200,
        "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
            + "<GetCallerIdentityResult><Arn>arn:aws:iam::"
            + ACCOUNT
            + ":user/auditor</Arn><UserId>AIDAEXAMPLE</UserId><Account>"
            + ACCOUNT
            + "</Account></GetCallerIdentityResult>"
            + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
            + "</GetCallerIdentityResponse>");
  }

  @Test
  void throttlingAndAReportInProgressAreRiddenOut() {
    String throttled = "throttled";
    String started = "started";
    String notReady = "not-ready";
    String generate = "Action=GenerateCredentialReport";
    server.stubFor(
        post(urlEqualTo("/"))
            .withRequestBody(containing(generate))
            .inScenario("generate")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(xml(400, error("Sender", "Throttling", "Rate exceeded")))
            .willSetStateTo(throttled));
    server.stubFor(
        post(urlEqualTo("/"))
            .withRequestBody(containing(generate))
            .inScenario("generate")
            .whenScenarioStateIs(throttled)
            .willReturn(xml(200, generated("STARTED")))
            .willSetStateTo(started));
    server.stubFor(
        post(urlEqualTo("/"))
            .withRequestBody(containing(generate))
            .inScenario("generate")
            .whenScenarioStateIs(started)
            .willReturn(xml(200, generated("COMPLETE"))));
    String get = "Action=GetCredentialReport";
    server.stubFor(
        post(urlEqualTo("/"))
            .withRequestBody(containing(get))
            .inScenario("get")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(xml(410, error("Sender", "ReportInProgress", "Report is being generated")))
            .willSetStateTo(notReady));
    server.stubFor(
        post(urlEqualTo("/"))
            .withRequestBody(containing(get))
            .inScenario("get")
            .whenScenarioStateIs(notReady)
            .willReturn(xml(200, report())));
    emptyAccount();

    TenantPull pull = puller(AwsPullSettings.Retry.DEFAULT).pull(snapshot.resolve("aws")).get(0);

    assertEquals(PullStatus.COMPLETE, pull.status(), pull.problems().toString());
    server.verify(4, postRequestedFor(urlEqualTo("/")).withRequestBody(containing(generate)));
    server.verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(containing(get)));
    // GetCallerIdentity + 4 generate + 2 get + details + virtual MFA + password policy + summary
    assertEquals(11, pull.apiRequests());
    Path dir = snapshot.resolve("aws").resolve(ACCOUNT);
    assertFalse(Files.exists(dir.resolve("get-account-password-policy.json")));
    SourceResult read = new AwsSnapshotReader().read(dir, TenantFolder.observedAt(dir, null));
    assertEquals(List.of("root"), read.accounts().stream().map(a -> a.name()).toList());
  }

  @Test
  void aServerThatKeepsFailingFailsTheTenantWithTheReasonAndNoManifest() {
    answer("GenerateCredentialReport", 200, generated("COMPLETE"));
    answer("GetCredentialReport", 200, report());
    answer(
        "GetAccountAuthorizationDetails",
        500,
        error("Receiver", "ServiceUnavailable", "Service is unavailable"));

    TenantPull pull =
        puller(new AwsPullSettings.Retry(3, Duration.ofMillis(1), Duration.ofMillis(5)))
            .pull(snapshot.resolve("aws"))
            .get(0);

    assertEquals(PullStatus.FAILED, pull.status());
    String problem = pull.problems().get(0);
    assertTrue(problem.contains("ServiceUnavailable") && problem.contains("500"), problem);
    server.verify(
        3,
        postRequestedFor(urlEqualTo("/"))
            .withRequestBody(containing("Action=GetAccountAuthorizationDetails")));
    assertFalse(
        Files.exists(snapshot.resolve("aws").resolve(ACCOUNT).resolve(TenantFolder.MANIFEST)),
        "a failed pull must not look complete");
  }

  @Test
  void accessDeniedSaysWhichPolicyToCheck() {
    answer(
        "GenerateCredentialReport",
        403,
        error(
            "Sender",
            "AccessDenied",
            "User is not authorized to perform iam:GenerateCredentialReport"));

    TenantPull pull = puller(AwsPullSettings.Retry.DEFAULT).pull(snapshot.resolve("aws")).get(0);

    assertEquals(PullStatus.FAILED, pull.status());
    String problem = pull.problems().get(0);
    assertTrue(problem.contains("iam:GenerateCredentialReport"), problem);
    assertTrue(problem.contains("infra/aws/"), problem);
    assertEquals(2, pull.apiRequests(), "GetCallerIdentity, then the refused request: not retried");
  }

  @Test
  void aMemberWhoseRoleCannotBeAssumedFailsAloneAndTheRestGoOn() {
    emptyAccount();
    answer("GenerateCredentialReport", 200, generated("COMPLETE"));
    answer("GetCredentialReport", 200, report());
    answer(
        "AssumeRole",
        403,
        "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender"
            + "</Type><Code>AccessDenied</Code><Message>not authorized to perform: sts:AssumeRole"
            + "</Message></Error><RequestId>r</RequestId></ErrorResponse>");
    AwsPullSettings base = settings(AwsPullSettings.Retry.DEFAULT);
    AwsPullSettings settings =
        new AwsPullSettings(
            base.region(),
            base.endpoint(),
            false,
            "rollcall-audit",
            "ext-1",
            List.of("444455556666"),
            false,
            2,
            base.retry(),
            base.reportTimeout());

    List<TenantPull> pulls =
        new AwsPuller(settings, AwsPullerContract.CREDENTIALS, d -> {}, Instant::now)
            .pull(snapshot.resolve("aws"));

    assertEquals(List.of(ACCOUNT, "444455556666"), pulls.stream().map(TenantPull::tenant).toList());
    assertEquals(PullStatus.COMPLETE, pulls.get(0).status(), pulls.get(0).problems().toString());
    assertEquals(PullStatus.FAILED, pulls.get(1).status());
    String problem = pulls.get(1).problems().get(0);
    assertTrue(
        problem.startsWith("cannot assume arn:aws:iam::444455556666:role/rollcall-audit"), problem);
    server.verify(
        postRequestedFor(urlEqualTo("/"))
            .withRequestBody(containing("Action=AssumeRole"))
            .withRequestBody(containing("ExternalId=ext-1")));
    assertFalse(Files.exists(snapshot.resolve("aws").resolve("444455556666")));
  }

  @Test
  void theDoctorNamesEachRefusedPermission() {
    emptyAccount();
    answer("GenerateCredentialReport", 200, generated("COMPLETE"));
    answer(
        "GetCredentialReport",
        410,
        error("Sender", "ReportNotPresent", "Credential report not present"));
    answer(
        "GetAccountAuthorizationDetails",
        403,
        error(
            "Sender",
            "AccessDenied",
            "not authorized to perform iam:GetAccountAuthorizationDetails"));

    List<DoctorCheck> checks =
        new AwsDoctor(settings(AwsPullSettings.Retry.DEFAULT), AwsPullerContract.CREDENTIALS).run();

    List<String> failed = checks.stream().filter(c -> !c.ok()).map(DoctorCheck::what).toList();
    assertEquals(List.of("iam:GetAccountAuthorizationDetails"), failed, checks.toString());
    DoctorCheck refused = checks.stream().filter(c -> !c.ok()).findFirst().orElseThrow();
    assertTrue(refused.detail().contains("infra/aws/"), refused.detail());
    DoctorCheck report =
        checks.stream()
            .filter(c -> c.what().equals("iam:GetCredentialReport"))
            .findFirst()
            .orElseThrow();
    assertTrue(report.detail().contains("no report ready yet"), report.detail());
  }

  private AwsPuller puller(AwsPullSettings.Retry retry) {
    return new AwsPuller(settings(retry), AwsPullerContract.CREDENTIALS, d -> {}, Instant::now);
  }

  private static AwsPullSettings settings(AwsPullSettings.Retry retry) {
    return new AwsPullSettings(
        "us-east-1",
        URI.create(server.baseUrl()),
        false,
        null,
        null,
        List.of(),
        false,
        1,
        retry,
        Duration.ofMinutes(1));
  }

  private static void emptyAccount() {
    answer(
        "GetAccountAuthorizationDetails",
        200,
        wrap(
            "GetAccountAuthorizationDetails",
            "<UserDetailList/><GroupDetailList/><RoleDetailList/><Policies/>"
                + "<IsTruncated>false</IsTruncated>"));
    answer(
        "ListVirtualMFADevices",
        200,
        wrap("ListVirtualMFADevices", "<VirtualMFADevices/><IsTruncated>false</IsTruncated>"));
    answer(
        "GetAccountPasswordPolicy",
        404,
        error(
            "Sender",
            "NoSuchEntity",
            "The Password Policy with domain name " + ACCOUNT + " cannot be found."));
    answer(
        "GetAccountSummary",
        200,
        wrap(
            "GetAccountSummary",
            "<SummaryMap><entry><key>Users</key><value>0</value></entry>"
                + "<entry><key>AccountMFAEnabled</key><value>1</value></entry></SummaryMap>"));
  }

  private static void answer(String action, int status, String body) {
    server.stubFor(
        post(urlEqualTo("/"))
            .withRequestBody(containing("Action=" + action + "&"))
            .willReturn(xml(status, body)));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(
      int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body);
  }

  private static String generated(String state) {
    return wrap(
        "GenerateCredentialReport",
        "<State>" + state + "</State><Description>report</Description>");
  }

  private static String report() {
    String content = Base64.getEncoder().encodeToString(REPORT.getBytes(StandardCharsets.UTF_8));
    return wrap(
        "GetCredentialReport",
        "<Content>"
            + content
            + "</Content><ReportFormat>text/csv</ReportFormat>"
            + "<GeneratedTime>2026-11-29T00:00:00Z</GeneratedTime>");
  }

  private static String wrap(String action, String result) {
    return "<"
        + action
        + "Response xmlns=\""
        + IAM
        + "\"><"
        + action
        + "Result>"
        + result
        + "</"
        + action
        + "Result><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></"
        + action
        + "Response>";
  }

  private static String error(String type, String code, String message) {
    return "<ErrorResponse xmlns=\""
        + IAM
        + "\"><Error><Type>"
        + type
        + "</Type><Code>"
        + code
        + "</Code><Message>"
        + message
        + "</Message></Error><RequestId>r</RequestId></ErrorResponse>";
  }
}
