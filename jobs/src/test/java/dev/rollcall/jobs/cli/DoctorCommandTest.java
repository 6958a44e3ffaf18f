package dev.rollcall.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.connectors.atlas.pull.FakeAtlas;
import dev.rollcall.connectors.google.pull.GoogleApiStub;
import dev.rollcall.jobs.ingest.LivePulls;
import dev.rollcall.jobs.ingest.TestCredentials;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DoctorCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();

  private int doctor(LivePulls pulls, Path config) {
    CommandLine cli = new CommandLine(new DoctorCommand(pulls));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    return cli.execute("--config", config.toString());
  }

  @Test
  void theDemoConfigurationIsHealthy() {
    int code = doctor(new LivePulls(Map.of()), Path.of("..", "examples", "demo", "rollcall.yaml"));
    assertEquals(0, code, out.toString());
    assertTrue(out.toString().contains("ok   demo-snapshot"), out.toString());
    assertTrue(out.toString().contains("mapping file"), out.toString());
  }

  @Test
  void missingCredentialsAreNamedAndFailTheCheck() throws IOException {
    Path config =
        write(
            """
            organisation: X
            sources:
              - name: workspace
                type: google
                google: {domain: example.test, adminSubject: reader@example.test}
              - name: atlas
                type: atlas
            """);
    int code = doctor(new LivePulls(Map.of()), config);
    assertEquals(4, code, out.toString());
    assertTrue(out.toString().contains("ROLLCALL_GOOGLE_KEY_FILE"), out.toString());
    assertTrue(out.toString().contains("ROLLCALL_ATLAS_CLIENT_ID"), out.toString());
    assertTrue(out.toString().contains("FAIL workspace"), out.toString());
  }

  @Test
  void liveSourcesAreCheckedScopeByScope() throws IOException {
    try (GoogleApiStub google = new GoogleApiStub().serveTenant();
        FakeAtlas atlas = FakeAtlas.forServiceAccount().serveAnyPaging()) {
      Path config =
          write(
              """
              organisation: X
              sources:
                - name: workspace
                  type: google
                  google:
                    domain: example-health.test
                    adminSubject: rollcall-reader@example-health.test
                    rootUrl: %s
                - name: atlas
                  type: atlas
                  atlas: {organizations: [%s], baseUrl: %s}
              """
                  .formatted(google.rootUrl(), FakeAtlas.ORG, atlas.url()));
      int code = doctor(TestCredentials.livePulls(), config);
      assertEquals(0, code, out.toString());
      assertTrue(out.toString().contains("admin.directory.user.readonly"), out.toString());
      assertTrue(out.toString().contains("ok   atlas"), out.toString());
    }
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("rollcall.yaml"), yaml);
  }
}
