package dev.rollcall.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.jobs.config.ConfigLoader;
import dev.rollcall.jobs.run.NightlyRun;
import dev.rollcall.jobs.run.RunOptions;
import dev.rollcall.jobs.run.RunOutcome;
import dev.rollcall.jobs.spark.SharedSpark;
import dev.rollcall.jobs.spark.SparkStart;
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
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The acceptance path of a live AWS source, against the moto server scripts/test starts: a run that
 * pulls live and saves the pull, and a run on that saved snapshot, find the same things; a run that
 * does not save leaves no pull behind.
 */
@ExtendWith(SharedSpark.class)
class LivePullTest {
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
            .credentialsProvider(TestCredentials.EMULATOR)
            .build()) {
      iam.createUser(r -> r.userName(user));
      iam.createLoginProfile(r -> r.userName(user).password("Correct-Horse-9!"));
    }
    String sources =
        """
          - name: aws-emulator
            type: aws
            aws:
              endpoint: %s
        """
            .formatted(moto);

    LiveAndReplay runs = LiveAndReplay.run(spark, dir, sources);

    for (SourcePull pull : runs.live().sources()) {
      assertEquals(PullStatus.COMPLETE, pull.status(), pull.source() + ": " + pull.errors());
    }
    Set<String> found = LiveAndReplay.keys(runs.live());
    assertTrue(
        runs.live().findings().stream()
            .anyMatch(
                f ->
                    f.ruleId().equals("interactive-login-without-mfa")
                        && f.accountName().equals(user)),
        user + " not flagged: " + found);
    assertEquals(found, LiveAndReplay.keys(runs.replayed()));
    assertEquals(
        runs.live().sources().stream().map(SourcePull::source).toList(),
        runs.replayed().sources().stream().map(SourcePull::source).toList());

    RunOutcome unsaved =
        new NightlyRun(SparkStart.of(spark), "test", TestCredentials.livePulls())
            .run(
                new RunOptions(
                    ConfigLoader.load(dir.resolve("live.yaml")),
                    Severity.HIGH,
                    dir.resolve("out-unsaved"),
                    Clock.systemUTC(),
                    Map.of()));
    assertEquals(found, LiveAndReplay.keys(unsaved));
    try (Stream<Path> left = Files.list(dir.resolve("out-unsaved"))) {
      assertFalse(
          left.anyMatch(p -> p.getFileName().toString().startsWith(".pull-")),
          "the temporary pull outlived the run");
    }
  }
}
