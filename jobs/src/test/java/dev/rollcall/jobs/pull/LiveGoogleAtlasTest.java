package dev.rollcall.jobs.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.rollcall.connectors.atlas.AtlasCredentials;
import dev.rollcall.connectors.atlas.AtlasSettings;
import dev.rollcall.connectors.atlas.FakeAtlas;
import dev.rollcall.connectors.google.GoogleApiStub;
import dev.rollcall.jobs.config.AtlasSourceConfig;
import dev.rollcall.jobs.config.AwsSourceConfig;
import dev.rollcall.jobs.config.ConfigLoader;
import dev.rollcall.jobs.config.GoogleSourceConfig;
import dev.rollcall.jobs.run.NightlyRun;
import dev.rollcall.jobs.run.RunOptions;
import dev.rollcall.jobs.run.RunOutcome;
import dev.rollcall.jobs.spark.SharedSpark;
import dev.rollcall.model.Finding;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourcePull;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The acceptance path of live Google Workspace and Atlas sources: rollcall run pulls both from
 * local servers speaking the documented APIs (the connectors' own test servers) and keeps the pull
 * as a snapshot; a run on that snapshot finds exactly the same things.
 */
@ExtendWith(SharedSpark.class)
class LiveGoogleAtlasTest {
  @TempDir Path dir;

  @Test
  void aSavedPullIsAuditedLikeTheLiveRun(SparkSession spark) throws IOException {
    try (GoogleApiStub google = new GoogleApiStub().serveTenant();
        FakeAtlas atlas = FakeAtlas.forServiceAccount().serveOrganisation()) {
      Path live =
          write(
              "live.yaml",
              """
              organisation: Fake Co
              domains: [example-health.test]
              output: out-live
              sources:
                - name: workspace
                  type: google
                  google:
                    domain: example-health.test
                    adminSubject: rollcall-reader@example-health.test
                    rootUrl: %s
                - name: atlas
                  type: atlas
                  atlas:
                    organizations: [%s]
                    baseUrl: %s
              """
                  .formatted(google.rootUrl(), FakeAtlas.ORG, atlas.url()));
      Path replay =
          write(
              "replay.yaml",
              """
              organisation: Fake Co
              domains: [example-health.test]
              output: out-replay
              sources:
                - name: saved
                  type: snapshot
                  path: saved
              """);
      NightlyRun job = new NightlyRun(() -> spark, "test", new LivePulls(new Fakes()));

      RunOutcome direct =
          job.run(
              new RunOptions(
                  ConfigLoader.load(live),
                  Severity.HIGH,
                  dir.resolve("out-live"),
                  Clock.systemUTC(),
                  Map.of(),
                  dir.resolve("saved")));
      RunOutcome replayed =
          job.run(
              new RunOptions(
                  ConfigLoader.load(replay),
                  Severity.HIGH,
                  dir.resolve("out-replay"),
                  Clock.systemUTC(),
                  Map.of()));

      assertEquals(2, direct.sources().size(), direct.sources().toString());
      for (SourcePull pull : direct.sources()) {
        assertEquals(PullStatus.COMPLETE, pull.status(), pull.source() + ": " + pull.errors());
        assertTrue(pull.accounts() > 0, pull.source());
      }
      assertTrue(
          Files.isDirectory(dir.resolve("saved").resolve("google").resolve("example-health.test")));
      assertTrue(Files.isDirectory(dir.resolve("saved").resolve("atlas").resolve(FakeAtlas.ORG)));
      Set<String> found = keys(direct);
      assertFalse(found.isEmpty(), "the fake organisations have problems to find");
      assertEquals(found, keys(replayed));
      assertEquals(
          direct.sources().stream().map(p -> p.source() + " " + p.accounts()).toList(),
          replayed.sources().stream().map(p -> p.source() + " " + p.accounts()).toList());
    }
  }

  /** The fakes' credentials; no AWS source here. */
  private static final class Fakes implements LivePulls.Credentials {
    @Override
    public AwsCredentialsProvider aws(AwsSourceConfig config) {
      throw new AssertionError("no aws source in this test");
    }

    @Override
    public GoogleCredentials google(GoogleSourceConfig config) {
      return GoogleCredentials.create(
          new AccessToken(
              GoogleApiStub.TOKEN, Date.from(Instant.now().plus(Duration.ofDays(3650)))));
    }

    @Override
    public AtlasCredentials atlas(AtlasSourceConfig config, AtlasSettings.Auth auth) {
      return new AtlasCredentials.ServiceAccount(FakeAtlas.CLIENT_ID, FakeAtlas.CLIENT_SECRET);
    }
  }

  private static Set<String> keys(RunOutcome outcome) {
    return outcome.findings().stream()
        .map((Finding f) -> f.ruleId() + " " + f.account().id())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
