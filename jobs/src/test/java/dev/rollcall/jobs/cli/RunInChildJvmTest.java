package dev.rollcall.jobs.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.rollcall.connectors.atlas.pull.FakeAtlas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rollcall run} on the demo in a JVM of its own, as the scheduler starts it: with
 * ROLLCALL_LOG_FORMAT=json every stderr line is one JSON object, the short summary reaches the
 * webhook, and none of the secrets in its environment shows in the logs, the console or any file of
 * the output folder (reports and state store).
 */
class RunInChildJvmTest {
  private static final Path DEMO = Path.of("..", "examples", "demo").toAbsolutePath().normalize();
  private static final String HOOK_PATH = "/services/T0001/B0002/webhookS3cr3tPath";
  private static final String ATLAS_KEY = "atlasPrivateKeyS3cr3t-5e1d";
  private static final String AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYawsS3cr3t";
  private static final String GOOGLE_KEY = "MIIEvQIBADANBgkqhkiG9w0BAQEFAAgoogleKeyS3cr3t";

  @TempDir Path dir;

  @Test
  void jsonLogsTheWebhookAndNoSecretAnywhere() throws Exception {
    WireMockServer hook = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    hook.start();
    try (FakeAtlas atlas = FakeAtlas.forServiceAccount().serveOrganisation()) {
      Path config =
          Files.writeString(
              dir.resolve("rollcall.yaml"),
              """
              organisation: Meridian Health
              domains: [meridianhealth.example, meridian-care.example]
              sources:
                - name: demo-snapshot
                  type: snapshot
                  path: %s
                - name: atlas
                  type: atlas
                  atlas:
                    organizations: [%s]
                    baseUrl: %s
              correlation:
                mapping: %s
              notify:
                reportUrl: https://reports.example.com/rollcall/runs/{runId}/report.html
              """
                  .formatted(
                      DEMO.resolve("snapshot"),
                      FakeAtlas.ORG,
                      atlas.url(),
                      DEMO.resolve("mapping.csv")));
      hook.stubFor(post(urlEqualTo(HOOK_PATH)).willReturn(aResponse().withStatus(200)));
      String hookUrl = "http://127.0.0.1:" + hook.port() + HOOK_PATH;
      Path googleKey = dir.resolve("google-key.json");
      Files.writeString(
          googleKey,
          "{\"type\": \"service_account\", \"private_key\": \"-----BEGIN PRIVATE KEY-----\\n"
              + GOOGLE_KEY
              + "\\n-----END PRIVATE KEY-----\\n\"}");
      Path out = dir.resolve("out");
      Path stdout = dir.resolve("stdout.txt");
      Path stderr = dir.resolve("stderr.txt");

      List<String> command =
          ChildRollcall.command(
              List.of(),
              List.of(
                  "run",
                  "--config",
                  config.toString(),
                  "--out",
                  out.toString(),
                  "--save-snapshot",
                  out.resolve("snapshot").toString()));
      ProcessBuilder builder = new ProcessBuilder(command);
      builder
          .environment()
          .putAll(
              Map.of(
                  "ROLLCALL_LOG_FORMAT",
                  "json",
                  "ROLLCALL_WEBHOOK_URL",
                  hookUrl,
                  "ROLLCALL_ATLAS_PUBLIC_KEY",
                  "atlaspub",
                  "ROLLCALL_ATLAS_PRIVATE_KEY",
                  ATLAS_KEY,
                  "ROLLCALL_ATLAS_CLIENT_ID",
                  FakeAtlas.CLIENT_ID,
                  "ROLLCALL_ATLAS_CLIENT_SECRET",
                  FakeAtlas.CLIENT_SECRET,
                  "AWS_ACCESS_KEY_ID",
                  "AKIAIOSFODNN7EXAMPLE",
                  "AWS_SECRET_ACCESS_KEY",
                  AWS_SECRET,
                  "ROLLCALL_GOOGLE_KEY_FILE",
                  googleKey.toString()));
      builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
      Process process = builder.start();
      assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the run did not end in 5 minutes");

      String err = Files.readString(stderr);
      assertEquals(3, process.exitValue(), "the demo has high findings\n" + err);
      assertTrue(
          Files.isDirectory(out.resolve("snapshot").resolve("atlas").resolve(FakeAtlas.ORG)),
          "the live Atlas organisation was pulled and saved\n" + err);

      ObjectMapper json = new ObjectMapper();
      List<JsonNode> events = new ArrayList<>();
      for (String line : err.split("\n")) {
        if (!line.isBlank()) {
          JsonNode event = json.readTree(line);
          assertTrue(event.isObject(), line);
          events.add(event);
        }
      }
      assertTrue(events.size() >= 5, err);
      for (JsonNode e : events) {
        assertTrue(e.has("@timestamp") && e.has("log.level") && e.has("message"), e.toString());
        assertEquals("rollcall", e.get("service.name").asText(), e.toString());
      }
      assertTrue(
          events.stream()
              .anyMatch(
                  e ->
                      e.get("message")
                          .asText()
                          .equals("webhook: posted the summary to 127.0.0.1 (HTTP 200)")),
          err);

      assertEquals(1, hook.getAllServeEvents().size());
      JsonNode body = json.readTree(hook.getAllServeEvents().get(0).getRequest().getBodyAsString());
      String runId = json.readTree(out.resolve("findings.json").toFile()).at("/run/id").asText();
      assertEquals(
          Files.readString(out.resolve("summary-short.md"))
              + "\nReport: https://reports.example.com/rollcall/runs/"
              + runId
              + "/report.html",
          body.get("text").asText(),
          "the short summary, then the link to this run's report");

      List<String> secrets =
          List.of(
              hookUrl,
              HOOK_PATH,
              "webhookS3cr3t",
              ATLAS_KEY,
              FakeAtlas.CLIENT_SECRET,
              AWS_SECRET,
              GOOGLE_KEY);
      List<Path> everything = new ArrayList<>(List.of(stdout, stderr));
      try (Stream<Path> files = Files.walk(out)) {
        files.filter(Files::isRegularFile).forEach(everything::add);
      }
      assertTrue(everything.size() >= 8, everything.toString());
      for (Path file : everything) {
        String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        for (String secret : secrets) {
          assertFalse(content.contains(secret), secret + " found in " + file);
        }
      }
    } finally {
      hook.stop();
    }
  }
}
