package dev.rollcall.connectors.google.pull;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A local Admin SDK on 127.0.0.1 serving the documented response shapes from
 * src/test/resources/live/. Only loopback: nothing a test does reaches beyond this machine.
 */
public final class GoogleApiStub implements AutoCloseable {
  /** The bearer token the stub answers; a credential carrying it is signed in. */
  public static final String TOKEN = "test-token";

  static final String USERS = "/admin/directory/v1/users";
  static final String ROLES = "/admin/directory/v1/customer/my_customer/roles";
  static final String ROLE_ASSIGNMENTS = "/admin/directory/v1/customer/my_customer/roleassignments";
  static final String GROUPS = "/admin/directory/v1/groups";
  static final String DEVOPS_MEMBERS = "/admin/directory/v1/groups/03ep43zb2k1ia5x/members";
  static final String EMPTY_MEMBERS = "/admin/directory/v1/groups/01baon6m1mz5pr2/members";
  static final String LOGIN_ACTIVITIES = "/admin/reports/v1/activity/users/all/applications/login";

  final WireMockServer server;

  /** Starts the stub on a free port of 127.0.0.1. */
  public GoogleApiStub() {
    server =
        new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
  }

  /** The root URL to give the Admin SDK client. */
  public URI rootUrl() {
    return URI.create("http://127.0.0.1:" + server.port() + "/");
  }

  /** Every listing answers with its fixture pages. */
  public GoogleApiStub serveTenant() {
    server.stubFor(
        authorised(get(urlPathEqualTo(USERS)))
            .withQueryParam("showDeleted", absent())
            .withQueryParam("pageToken", absent())
            .willReturn(json("users-1.json")));
    server.stubFor(
        authorised(get(urlPathEqualTo(USERS)))
            .withQueryParam("showDeleted", absent())
            .withQueryParam("pageToken", equalTo("page-two-token"))
            .willReturn(json("users-2.json")));
    server.stubFor(
        authorised(get(urlPathEqualTo(USERS)))
            .withQueryParam("showDeleted", equalTo("true"))
            .willReturn(json("deleted-users.json")));
    server.stubFor(authorised(get(urlPathEqualTo(ROLES))).willReturn(json("roles.json")));
    server.stubFor(
        authorised(get(urlPathEqualTo(ROLE_ASSIGNMENTS)))
            .willReturn(json("role-assignments.json")));
    server.stubFor(authorised(get(urlPathEqualTo(GROUPS))).willReturn(json("groups.json")));
    server.stubFor(
        authorised(get(urlPathEqualTo(DEVOPS_MEMBERS))).willReturn(json("members-devops.json")));
    server.stubFor(
        authorised(get(urlPathEqualTo(EMPTY_MEMBERS))).willReturn(json("members-empty.json")));
    server.stubFor(
        authorised(get(urlPathEqualTo(LOGIN_ACTIVITIES)))
            .withQueryParam("pageToken", absent())
            .willReturn(json("activities-1.json")));
    server.stubFor(
        authorised(get(urlPathEqualTo(LOGIN_ACTIVITIES)))
            .withQueryParam("pageToken", equalTo("activities-page-two"))
            .willReturn(json("activities-2.json")));
    return this;
  }

  /** Only requests carrying the test credential's token are answered. */
  static MappingBuilder authorised(MappingBuilder request) {
    return request.withHeader("Authorization", equalTo("Bearer " + TOKEN));
  }

  static ResponseDefinitionBuilder json(String fixture) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json; charset=UTF-8")
        .withBody(fixture(fixture));
  }

  /** A Google JSON error body, as the Admin SDK sends it. */
  static ResponseDefinitionBuilder error(int status, String reason, String message) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json; charset=UTF-8")
        .withBody(
            "{\"error\": {\"code\": "
                + status
                + ", \"message\": \""
                + message
                + "\", \"errors\": [{\"message\": \""
                + message
                + "\", \"domain\": \"global\", \"reason\": \""
                + reason
                + "\"}]}}");
  }

  static String fixture(String name) {
    try (InputStream in = GoogleApiStub.class.getResourceAsStream("/live/" + name)) {
      if (in == null) {
        throw new IllegalStateException("test fixture missing: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop();
  }
}
