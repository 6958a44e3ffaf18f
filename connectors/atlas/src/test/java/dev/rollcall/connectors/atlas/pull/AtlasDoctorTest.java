package dev.rollcall.connectors.atlas.pull;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.rollcall.connectors.atlas.pull.FakeAtlas.CLIENT_ID;
import static dev.rollcall.connectors.atlas.pull.FakeAtlas.CLIENT_SECRET;
import static dev.rollcall.connectors.atlas.pull.FakeAtlas.PROJECT_PATH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.connectors.pull.DoctorCheck;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AtlasDoctorTest {
  private FakeAtlas atlas;

  @AfterEach
  void stop() {
    if (atlas != null) {
      atlas.close();
    }
  }

  private FakeAtlas serve() {
    atlas = FakeAtlas.forServiceAccount().serveAnyPaging();
    return atlas;
  }

  private List<DoctorCheck> run() {
    return new AtlasDoctor(
            atlas.settings(AtlasSettings.Auth.SERVICE_ACCOUNT, List.of()),
            new AtlasCredentials.ServiceAccount(CLIENT_ID, CLIENT_SECRET))
        .run();
  }

  @Test
  void passesWhenEveryRoleIsThere() {
    serve();
    List<DoctorCheck> checks = run();
    assertEquals(9, checks.size(), checks.toString());
    assertTrue(checks.stream().allMatch(DoctorCheck::ok), checks.toString());
    assertEquals("2 in all", checks.get(2).detail());
  }

  @Test
  void namesAMissingOptionalRole() {
    serve()
        .server
        .stubFor(
            atlas
                .request(PROJECT_PATH + "/dbAccessHistory/clusters/prod-0", "2023-01-01")
                .willReturn(
                    FakeAtlas.apiError(403, "FORBIDDEN", "Needs Project Monitoring Admin.")));
    List<DoctorCheck> failed = run().stream().filter(c -> !c.ok()).toList();
    assertEquals(1, failed.size(), failed.toString());
    assertEquals(
        "project prod database access history (Project Monitoring Admin)", failed.get(0).what());
    assertFalse(failed.get(0).required());
    assertTrue(failed.get(0).detail().contains("HTTP 403 FORBIDDEN"), failed.get(0).detail());
  }

  @Test
  void stopsAtAFailedSignIn() {
    serve()
        .server
        .stubFor(
            FakeAtlas.tokenRequest()
                .willReturn(
                    aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_client\"}")));
    List<DoctorCheck> checks = run();
    assertEquals(1, checks.size());
    assertFalse(checks.get(0).ok());
    assertTrue(checks.get(0).required());
    assertTrue(checks.get(0).detail().contains("HTTP 401 invalid_client"), checks.get(0).detail());
  }
}
