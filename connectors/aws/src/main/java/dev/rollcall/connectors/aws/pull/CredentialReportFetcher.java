package dev.rollcall.connectors.aws.pull;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CredentialReportExpiredException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotPresentException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotReadyException;
import software.amazon.awssdk.services.iam.model.GenerateCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.ReportStateType;

/**
 * Fetches a fresh credential report: asks IAM to generate one, polls with growing waits until it is
 * COMPLETE, then fetches it. A report that is not present, has expired or is still being made when
 * fetched sends the loop back to generating. IAM reuses a report made in the last four hours, so
 * the report can be up to four hours older than the pull (its GeneratedTime says when).
 */
final class CredentialReportFetcher {
  private static final Logger LOG = LogManager.getLogger(CredentialReportFetcher.class);
  private static final Duration FIRST_WAIT = Duration.ofMillis(500);
  private static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

  private final IamClient iam;
  private final Duration timeout;
  private final Sleeper sleeper;
  private final Supplier<Instant> clock;

  CredentialReportFetcher(
      IamClient iam, Duration timeout, Sleeper sleeper, Supplier<Instant> clock) {
    this.iam = iam;
    this.timeout = timeout;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  /** The decoded CSV text of the report. */
  String fetch(String accountId) {
    Instant deadline = clock.get().plus(timeout);
    Duration wait = FIRST_WAIT;
    while (true) {
      GenerateCredentialReportResponse generated = iam.generateCredentialReport();
      if (generated.state() == ReportStateType.COMPLETE) {
        try {
          return iam.getCredentialReport().content().asUtf8String();
        } catch (CredentialReportNotPresentException
            | CredentialReportExpiredException
            | CredentialReportNotReadyException e) {
          LOG.debug(
              "aws/{}: credential report not fetched yet ({}); generating again",
              accountId,
              e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorCode());
        }
      }
      if (!clock.get().plus(wait).isBefore(deadline)) {
        throw new PullFailure(
            "the credential report was not ready after "
                + timeout.toSeconds()
                + " s (last state: "
                + generated.stateAsString()
                + ")");
      }
      sleeper.sleep(wait);
      wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
    }
  }
}
