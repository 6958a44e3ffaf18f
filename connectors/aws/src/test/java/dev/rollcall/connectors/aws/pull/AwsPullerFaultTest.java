package dev.rollcall.connectors.aws.pull;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.rollcall.connectors.aws.AwsSnapshotReader;
import dev.rollcall.connectors.pull.DoctorCheck;
import dev.rollcall.connectors.pull.TenantPull;
import dev.rollcall.connectors.snapshot.TenantFolder;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.SourceResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
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
  private static final String ACCOUNT = FakeAws.ACCOUNT;

  private static FakeAws aws;
  private static WireMockServer server;
  @TempDir Path snapshot;

  @BeforeAll
  static void start() {
    aws = new FakeAws();
    server = aws.server;
  }

  @AfterAll
  static void stop() {
    aws.close();
  }

  @BeforeEach
  void reset() {
    aws.reset();
  }

  @Test
  void throttlingAndAReportInProgressAreRiddenOut() throws IOException {
    inTurn(
        "GenerateCredentialReport",
        FakeAws.xml(400, FakeAws.error("Sender", "Throttling", "Rate exceeded")),
        FakeAws.xml(200, FakeAws.generated("STARTED")),
        FakeAws.xml(200, FakeAws.generated("COMPLETE")));
    inTurn(
        "GetCredentialReport",
        FakeAws.xml(410, FakeAws.error("Sender", "ReportInProgress", "Report is being generated")),
        FakeAws.xml(200, FakeAws.report(FakeAws.REPORT)));
    String generate = "Action=GenerateCredentialReport";
    String get = "Action=GetCredentialReport";
    aws.emptyAccount();

    TenantPull pull = puller(AwsPullSettings.Retry.DEFAULT).pull(snapshot.resolve("aws")).get(0);

    assertEquals(PullStatus.COMPLETE, pull.status(), pull.problems().toString());
    // Generate: throttled, then STARTED; the report is fetched once the rest is read: in
    // progress, then (after a wait) ready. Nothing generates it again while it is being made.
    server.verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(containing(generate)));
    server.verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(containing(get)));
    // GetCallerIdentity + 2 generate + 2 get + details + virtual MFA + password policy + summary
    assertEquals(9, pull.apiRequests());
    Path dir = snapshot.resolve("aws").resolve(ACCOUNT);
    // AWS answered NoSuchEntity: the snapshot records that it asked, and that none is set.
    assertTrue(
        Files.readString(dir.resolve("get-account-password-policy.json")).contains("NoSuchEntity"));
    SourceResult read = new AwsSnapshotReader().read(dir, TenantFolder.of(dir).observedAt(null));
    assertTrue(read.settings().passwordPolicyKnown());
    assertNull(read.settings().passwordPolicy());
    assertEquals(List.of("root"), read.accounts().stream().map(a -> a.name()).toList());
  }

  @Test
  void aReportThatExpiredBeforeItWasFetchedIsGeneratedAgainAndFetchedAtOnce() {
    inTurn(
        "GetCredentialReport",
        FakeAws.xml(410, FakeAws.error("Sender", "ReportExpired", "Credential report expired")),
        FakeAws.xml(200, FakeAws.report(FakeAws.REPORT)));
    String get = "Action=GetCredentialReport";
    aws.emptyAccount();
    aws.answer("GenerateCredentialReport", 200, FakeAws.generated("COMPLETE"));
    List<Duration> waits = new ArrayList<>();

    TenantPull pull =
        new AwsPuller(
                settings(AwsPullSettings.Retry.DEFAULT),
                AwsPullerContract.CREDENTIALS,
                waits::add,
                Instant::now)
            .pull(snapshot.resolve("aws"))
            .get(0);

    assertEquals(PullStatus.COMPLETE, pull.status(), pull.problems().toString());
    server.verify(
        2,
        postRequestedFor(urlEqualTo("/"))
            .withRequestBody(containing("Action=GenerateCredentialReport")));
    server.verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(containing(get)));
    assertEquals(List.of(), waits, "a report generated again as COMPLETE is fetched at once");
  }

  @Test
  void aReportThatIsNeverReadyFailsTheTenantAfterTheTimeoutWithItsLastState() {
    aws.emptyAccount();
    aws.answer("GenerateCredentialReport", 200, FakeAws.generated("STARTED"));
    aws.answer(
        "GetCredentialReport",
        410,
        FakeAws.error("Sender", "ReportInProgress", "Report is being generated"));
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T00:00:00Z"));
    List<Duration> waits = new ArrayList<>();

    TenantPull pull =
        new AwsPuller(
                settings(AwsPullSettings.Retry.DEFAULT),
                AwsPullerContract.CREDENTIALS,
                wait -> {
                  waits.add(wait);
                  now.set(now.get().plus(wait));
                },
                now::get)
            .pull(snapshot.resolve("aws"))
            .get(0);

    assertEquals(PullStatus.FAILED, pull.status());
    String problem = pull.problems().get(0);
    assertTrue(
        problem.contains("not ready after 60 s")
            && problem.contains("IN_PROGRESS (ReportInProgress)"),
        problem);
    // 0.5 + 1 + 2 + 4 + 8 + 4 × 10 = 55.5 s; the next 10 s wait would pass the minute.
    assertEquals(9, waits.size(), waits.toString());
    assertEquals(Duration.ofSeconds(10), waits.get(waits.size() - 1));
    server.verify(
        1,
        postRequestedFor(urlEqualTo("/"))
            .withRequestBody(containing("Action=GenerateCredentialReport")));
    server.verify(
        10,
        postRequestedFor(urlEqualTo("/"))
            .withRequestBody(containing("Action=GetCredentialReport")));
  }

  @Test
  void aServerThatKeepsFailingFailsTheTenantWithTheReasonAndNoManifest() {
    aws.answer("GenerateCredentialReport", 200, FakeAws.generated("COMPLETE"));
    aws.answer("GetCredentialReport", 200, FakeAws.report(FakeAws.REPORT));
    aws.answer(
        "GetAccountAuthorizationDetails",
        500,
        FakeAws.error("Receiver", "ServiceUnavailable", "Service is unavailable"));

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
    aws.answer(
        "GenerateCredentialReport",
        403,
        FakeAws.error(
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
    aws.emptyAccount();
    aws.answer("GenerateCredentialReport", 200, FakeAws.generated("COMPLETE"));
    aws.answer("GetCredentialReport", 200, FakeAws.report(FakeAws.REPORT));
    aws.answer(
        "AssumeRole",
        403,
        "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender"
            + "</Type><Code>AccessDenied</Code><Message>not authorized to perform: sts:AssumeRole"
            + "</Message></Error><RequestId>r</RequestId></ErrorResponse>");
    List<TenantPull> pulls = withMember("ext-1").pull(snapshot.resolve("aws"));

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
  void aReportMissingAColumnFailsThatAccountAloneAndTheMemberGoesOn() {
    List<TenantPull> pulls =
        pullWithReports(
            FakeAws.REPORT.replace(",mfa_active,", ",mfa,"),
            FakeAws.HEADER + "\n" + FakeAws.rootRow(FakeAws.MEMBER, "true") + "\n");

    assertFailedWithoutManifest(
        pulls.get(0), "credential-report.csv: header (row 1)", "column 'mfa_active' is missing");
    assertEquals(PullStatus.COMPLETE, pulls.get(1).status(), pulls.get(1).problems().toString());
    assertTrue(Files.exists(manifest(FakeAws.MEMBER)));
  }

  @Test
  void aMemberReportWithARowThatDoesNotParseFailsThatMemberAloneAndTheCallerGoesOn() {
    List<TenantPull> pulls =
        pullWithReports(
            FakeAws.REPORT,
            FakeAws.HEADER + "\n" + FakeAws.rootRow(FakeAws.MEMBER, "maybe") + "\n");

    assertEquals(PullStatus.COMPLETE, pulls.get(0).status(), pulls.get(0).problems().toString());
    assertTrue(Files.exists(manifest(ACCOUNT)));
    assertFailedWithoutManifest(
        pulls.get(1), "credential-report.csv: row 2: column 'mfa_active' is not true or false");
  }

  /** Pulls the caller's account and the member, each serving its own credential report. */
  private List<TenantPull> pullWithReports(String callerReport, String memberReport) {
    aws.emptyAccount().memberRole().reportReady(callerReport);
    aws.answerMember("GetCredentialReport", 200, FakeAws.report(memberReport));

    List<TenantPull> pulls = withMember(null).pull(snapshot.resolve("aws"));

    assertEquals(List.of(ACCOUNT, FakeAws.MEMBER), pulls.stream().map(TenantPull::tenant).toList());
    return pulls;
  }

  private void assertFailedWithoutManifest(TenantPull pull, String... problemSays) {
    assertEquals(PullStatus.FAILED, pull.status(), pull.toString());
    String problem = pull.problems().get(0);
    for (String says : problemSays) {
      assertTrue(problem.contains(says), problem);
    }
    assertFalse(Files.exists(manifest(pull.tenant())), "a failed pull must not look complete");
  }

  private Path manifest(String account) {
    return snapshot.resolve("aws").resolve(account).resolve(TenantFolder.MANIFEST);
  }

  @Test
  void theDoctorNamesEachRefusedPermission() {
    aws.emptyAccount();
    aws.answer("GenerateCredentialReport", 200, FakeAws.generated("COMPLETE"));
    aws.answer(
        "GetCredentialReport",
        410,
        FakeAws.error("Sender", "ReportNotPresent", "Credential report not present"));
    aws.answer(
        "GetAccountAuthorizationDetails",
        403,
        FakeAws.error(
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

  /** Answers {@code action} with each answer in turn, and with the last from then on. */
  private static void inTurn(String action, ResponseDefinitionBuilder... answers) {
    for (int i = 0; i < answers.length; i++) {
      ScenarioMappingBuilder stub =
          post(urlEqualTo("/"))
              .withRequestBody(containing("Action=" + action))
              .inScenario(action)
              .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer " + i)
              .willReturn(answers[i]);
      server.stubFor(i + 1 < answers.length ? stub.willSetStateTo("answer " + (i + 1)) : stub);
    }
  }

  private AwsPuller puller(AwsPullSettings.Retry retry) {
    return new AwsPuller(settings(retry), AwsPullerContract.CREDENTIALS, d -> {}, Instant::now);
  }

  /** The caller's own account and {@link FakeAws#MEMBER} through the member role. */
  private AwsPuller withMember(String externalId) {
    AwsPullSettings base = settings(AwsPullSettings.Retry.DEFAULT);
    AwsPullSettings settings =
        new AwsPullSettings(
            base.region(),
            base.endpoint(),
            false,
            "rollcall-audit",
            externalId,
            List.of(FakeAws.MEMBER),
            false,
            2,
            base.retry(),
            base.reportTimeout());
    return new AwsPuller(settings, AwsPullerContract.CREDENTIALS, d -> {}, Instant::now);
  }

  private static AwsPullSettings settings(AwsPullSettings.Retry retry) {
    return new AwsPullSettings(
        "us-east-1",
        aws.endpoint(),
        false,
        null,
        null,
        List.of(),
        false,
        1,
        retry,
        Duration.ofMinutes(1));
  }
}
