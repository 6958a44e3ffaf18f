package dev.rollcall.jobs.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.auth.oauth2.GoogleCredentials;
import dev.rollcall.connectors.atlas.AtlasCredentials;
import dev.rollcall.connectors.atlas.AtlasSettings;
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
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The acceptance path of a live AWS source, against the moto server scripts/test starts: a run that
 * pulls live and saves the pull, and a run on that saved snapshot, find the same things.
 */
@ExtendWith(SharedSpark.class)
class LivePullTest {
  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
  private static URI moto;

  @TempDir Path dir;

  @BeforeAll
  static void emulator() {
    String value = System.getenv("ROLLCALL_MOTO_ENDPOINT");
    if (value == null || value.isBlank()) {
      if (Boolean.getBoolean("rollcall.emulators.required")) {
        throw new IllegalStateException("ROLLCALL_MOTO_ENDPOINT is not set under scripts/test");
      }
      Assumptions.abort("ROLLCALL_MOTO_ENDPOINT is not set: run scripts/test");
    }
    moto = URI.create(value.strip());
  }

  @Test
  void aSavedPullIsAuditedLikeTheLiveRun(SparkSession spark) throws IOException {
    String user = "console-no-mfa-" + UUID.randomUUID().toString().substring(0, 8);
    try (IamClient iam =
        IamClient.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(moto)
            .credentialsProvider(CREDENTIALS)
            .build()) {
      iam.createUser(r -> r.userName(user));
      iam.createLoginProfile(r -> r.userName(user).password("Correct-Horse-9!"));
    }
    Path live =
        write(
            "live.yaml",
            """
            organisation: Emulated Co
            domains: [example.test]
            output: out-live
            sources:
              - name: aws-emulator
                type: aws
                aws:
                  endpoint: %s
            """
                .formatted(moto));
    Path replay =
        write(
            "replay.yaml",
            """
            organisation: Emulated Co
            domains: [example.test]
            output: out-replay
            sources:
              - name: saved
                type: snapshot
                path: saved
            """);
    NightlyRun job = new NightlyRun(() -> spark, "test", new LivePulls(new AwsOnly()));

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

    for (SourcePull pull : direct.sources()) {
      assertEquals(PullStatus.COMPLETE, pull.status(), pull.source() + ": " + pull.errors());
    }
    Set<String> found = keys(direct);
    assertTrue(found.contains("interactive-login-without-mfa " + user), "not flagged: " + found);
    assertEquals(found, keys(replayed));
    assertEquals(
        direct.sources().stream().map(SourcePull::source).toList(),
        replayed.sources().stream().map(SourcePull::source).toList());

    RunOutcome unsaved =
        job.run(
            new RunOptions(
                ConfigLoader.load(live),
                Severity.HIGH,
                dir.resolve("out-unsaved"),
                Clock.systemUTC(),
                Map.of()));
    assertEquals(found, keys(unsaved));
    try (Stream<Path> left = Files.list(dir.resolve("out-unsaved"))) {
      assertFalse(
          left.anyMatch(p -> p.getFileName().toString().startsWith(".pull-")),
          "the temporary pull outlived the run");
    }
  }

  /** The emulator's AWS credentials; no other system is configured here. */
  private static final class AwsOnly implements LivePulls.Credentials {
    @Override
    public AwsCredentialsProvider aws(AwsSourceConfig config) {
      return CREDENTIALS;
    }

    @Override
    public GoogleCredentials google(GoogleSourceConfig config) {
      throw new AssertionError("no google source in this test");
    }

    @Override
    public AtlasCredentials atlas(AtlasSourceConfig config, AtlasSettings.Auth auth) {
      throw new AssertionError("no atlas source in this test");
    }
  }

  private static Set<String> keys(RunOutcome outcome) {
    return outcome.findings().stream()
        .map((Finding f) -> f.ruleId() + " " + f.accountName())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
