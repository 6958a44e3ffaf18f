package dev.rollcall.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.connectors.aws.pull.FakeAws;
import dev.rollcall.jobs.config.ConfigLoader;
import dev.rollcall.jobs.run.ExitCode;
import dev.rollcall.jobs.run.NightlyRun;
import dev.rollcall.jobs.run.RunOptions;
import dev.rollcall.jobs.run.RunOutcome;
import dev.rollcall.jobs.spark.SharedSpark;
import dev.rollcall.jobs.spark.SparkStart;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourcePull;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live AWS source of two accounts, pulled by rollcall run through the real SDK from a local
 * IAM/STS server, where the member's credential report is malformed: that account fails alone, the
 * caller's account is audited, and the run ends with exit code 4 rather than breaking.
 */
@ExtendWith(SharedSpark.class)
class LiveAwsFaultTest {
  @TempDir Path dir;

  @Test
  void aMalformedReportFailsThatAccountAloneAndTheRunSaysSo(SparkSession spark) throws IOException {
    try (FakeAws aws = new FakeAws()) {
      aws.reset().emptyAccount().memberRole().reportReady(FakeAws.REPORT);
      aws.answerMember(
          "GetCredentialReport",
          200,
          FakeAws.report(FakeAws.REPORT.replace(",mfa_active,", ",mfa,")));
      Path config =
          Files.writeString(
              dir.resolve("rollcall.yaml"),
              """
              organisation: Test Co
              domains: [example.test]
              sources:
                - name: aws-accounts
                  type: aws
                  aws:
                    endpoint: %s
                    memberRole: rollcall-audit
                    accounts: ["%s"]
              """
                  .formatted(aws.endpoint(), FakeAws.MEMBER));

      RunOutcome outcome =
          new NightlyRun(SparkStart.of(spark), "test", TestCredentials.livePulls())
              .run(
                  new RunOptions(
                      ConfigLoader.load(config),
                      Severity.HIGH,
                      dir.resolve("out"),
                      Clock.systemUTC(),
                      Map.of()));

      assertEquals(ExitCode.SOURCE_FAILED, outcome.exitCode());
      Map<String, SourcePull> pulls =
          outcome.sources().stream()
              .collect(Collectors.toMap(SourcePull::source, Function.identity()));
      assertEquals(
          PullStatus.COMPLETE, pulls.get("aws/" + FakeAws.ACCOUNT).status(), pulls.toString());
      SourcePull member = pulls.get("aws/" + FakeAws.MEMBER);
      assertEquals(PullStatus.FAILED, member.status(), pulls.toString());
      String error = member.errors().get(0);
      assertTrue(error.contains("credential-report.csv"), error);
      assertTrue(error.contains("column 'mfa_active' is missing"), error);
    }
  }
}
