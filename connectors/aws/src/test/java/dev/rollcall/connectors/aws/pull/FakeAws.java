package dev.rollcall.connectors.aws.pull;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A local HTTP server on 127.0.0.1 speaking IAM's and STS's query protocol, for what the emulators
 * cannot do: throttle, keep a report in progress, fail for good, or serve a malformed credential
 * report. The real SDK clients talk to it. Requests signed with the member role's session are the
 * member account's, so one server can answer a caller and a member differently.
 */
public final class FakeAws implements AutoCloseable {
  public static final String ACCOUNT = "111122223333";
  public static final String MEMBER = "444455556666";

  /** The access key of the member role's session that {@link #memberRole} hands out. */
  static final String MEMBER_KEY = "ASIAMEMBEREXAMPLE";

  private static final String IAM = "https://iam.amazonaws.com/doc/2010-05-08/";
  private static final String STS = "https://sts.amazonaws.com/doc/2011-06-15/";

  /** Every column of a credential report, in the order IAM writes them. */
  public static final String HEADER =
      "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
          + "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
          + "access_key_1_last_used_date,access_key_1_last_used_region,"
          + "access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
          + "access_key_2_last_used_date,access_key_2_last_used_region,"
          + "access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,"
          + "cert_2_last_rotated";

  /** A report of an account with its root user only. */
  public static final String REPORT = HEADER + "\n" + rootRow(ACCOUNT, "true") + "\n";

  public final WireMockServer server =
      new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());

  public FakeAws() {
    server.start();
  }

  /** The endpoint for every service. */
  public URI endpoint() {
    return URI.create(server.baseUrl());
  }

  /** Forgets every answer and request, then answers who the caller is. */
  public FakeAws reset() {
    server.resetAll();
    answer(
        "GetCallerIdentity",
        200,
        "<GetCallerIdentityResponse xmlns=\""
            + STS
            + "\"><GetCallerIdentityResult><Arn>arn:aws:iam::"
            + ACCOUNT
            + ":user/auditor</Arn><UserId>AIDAEXAMPLE</UserId><Account>"
            + ACCOUNT
            + "</Account></GetCallerIdentityResult>"
            + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
            + "</GetCallerIdentityResponse>");
    return this;
  }

  /** Answers an action, to the caller and the member alike unless the member has its own. */
  public void answer(String action, int status, String body) {
    server.stubFor(
        post(urlEqualTo("/"))
            .withRequestBody(containing("Action=" + action + "&"))
            .willReturn(xml(status, body)));
  }

  /** Answers an action sent from inside the member account only. */
  public void answerMember(String action, int status, String body) {
    server.stubFor(
        post(urlEqualTo("/"))
            .atPriority(1)
            .withHeader("Authorization", containing("Credential=" + MEMBER_KEY + "/"))
            .withRequestBody(containing("Action=" + action + "&"))
            .willReturn(xml(status, body)));
  }

  /** Lets the caller assume the member role, handing out a session signed as the member. */
  public FakeAws memberRole() {
    answer(
        "AssumeRole",
        200,
        "<AssumeRoleResponse xmlns=\""
            + STS
            + "\"><AssumeRoleResult><Credentials><AccessKeyId>"
            + MEMBER_KEY
            + "</AccessKeyId><SecretAccessKey>member-secret</SecretAccessKey>"
            + "<SessionToken>member-session</SessionToken>"
            + "<Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>"
            + "<AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:rollcall-audit</AssumedRoleId>"
            + "<Arn>arn:aws:sts::"
            + MEMBER
            + ":assumed-role/rollcall-audit/rollcall-audit</Arn></AssumedRoleUser>"
            + "</AssumeRoleResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
            + "</AssumeRoleResponse>");
    return this;
  }

  /** An account with no users, groups, roles, policies or password policy. */
  public FakeAws emptyAccount() {
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
    return this;
  }

  /** A credential report that is ready at once and holds {@code csv}. */
  public FakeAws reportReady(String csv) {
    answer("GenerateCredentialReport", 200, generated("COMPLETE"));
    answer("GetCredentialReport", 200, report(csv));
    return this;
  }

  /** The root user's row of a credential report; {@code mfaActive} as the report would say it. */
  public static String rootRow(String account, String mfaActive) {
    return "<root_account>,arn:aws:iam::"
        + account
        + ":root,2021-05-30T06:00:00+00:00,not_supported,no_information,not_supported,"
        + "not_supported,"
        + mfaActive
        + ",false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";
  }

  public static ResponseDefinitionBuilder xml(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body);
  }

  public static String generated(String state) {
    return wrap(
        "GenerateCredentialReport",
        "<State>" + state + "</State><Description>report</Description>");
  }

  /** A GetCredentialReport answer holding {@code csv}, base64-encoded as IAM sends it. */
  public static String report(String csv) {
    String content = Base64.getEncoder().encodeToString(csv.getBytes(StandardCharsets.UTF_8));
    return wrap(
        "GetCredentialReport",
        "<Content>"
            + content
            + "</Content><ReportFormat>text/csv</ReportFormat>"
            + "<GeneratedTime>2026-11-29T00:00:00Z</GeneratedTime>");
  }

  public static String wrap(String action, String result) {
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

  public static String error(String type, String code, String message) {
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

  @Override
  public void close() {
    server.stop();
  }
}
