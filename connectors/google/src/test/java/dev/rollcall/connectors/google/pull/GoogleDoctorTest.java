package dev.rollcall.connectors.google.pull;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.rollcall.connectors.google.Resources;
import dev.rollcall.connectors.pull.DoctorCheck;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GoogleDoctorTest {
  private static final String ADMIN = "rollcall-reader@" + Resources.DOMAIN;
  private static final Instant NOW = Instant.parse("2026-11-29T06:00:00Z");

  private GoogleApiStub api;

  @BeforeEach
  void start() {
    api = new GoogleApiStub().serveTenant();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private List<DoctorCheck> run() {
    return new GoogleDoctor(
            GooglePullSettings.defaults(Resources.DOMAIN, ADMIN).withRootUrl(api.rootUrl()),
            GoogleCredentials.create(
                new AccessToken(
                    GoogleApiStub.TOKEN, Date.from(NOW.plus(java.time.Duration.ofDays(3650))))),
            Clock.fixed(NOW, ZoneOffset.UTC),
            new NetHttpTransport())
        .run();
  }

  @Test
  void checksEveryListingWithOneItemPages() {
    List<DoctorCheck> checks = run();

    assertEquals(
        List.of(
            "users.list (admin.directory.user.readonly)",
            "roles.list (admin.directory.rolemanagement.readonly)",
            "roleAssignments.list (admin.directory.rolemanagement.readonly)",
            "groups.list (admin.directory.group.readonly)",
            "activities.list applicationName=login (admin.reports.audit.readonly)"),
        checks.stream().map(DoctorCheck::what).toList());
    assertTrue(checks.stream().allMatch(DoctorCheck::ok), checks.toString());
    assertEquals(
        List.of(true, true, true, false, false),
        checks.stream().map(DoctorCheck::required).toList());
    api.server.verify(
        getRequestedFor(urlPathEqualTo(GoogleApiStub.USERS))
            .withQueryParam("maxResults", equalTo("1")));
    assertEquals(5, api.server.getAllServeEvents().size(), "one request per check, nothing saved");
  }

  @Test
  void aScopeNotDelegatedFailsItsCheckOnlyAndSaysWhatToFix() {
    api.server.stubFor(
        get(urlPathEqualTo(GoogleApiStub.GROUPS))
            .willReturn(
                GoogleApiStub.error(
                    403, "forbidden", "Not Authorized to access this resource/api")));

    List<DoctorCheck> checks = run();

    DoctorCheck groups = checks.get(3);
    assertFalse(groups.ok());
    assertTrue(groups.detail().contains(GoogleServiceAccount.SCOPE_GROUPS), groups.detail());
    assertTrue(groups.detail().contains("Admin API > Groups > Read"), groups.detail());
    assertEquals(4, checks.stream().filter(DoctorCheck::ok).count());
  }
}
