package dev.rollcall.connectors.aws.pull;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CredentialReportExpiredException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotPresentException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotReadyException;
import software.amazon.awssdk.services.iam.model.GenerateCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.ReportStateType;

/**
 * Fetches a fresh credential report in two steps, so that IAM makes it while the pull reads the
 * rest of the account: {@link #start} asks IAM to generate one, and {@link Pending#fetch}, called
 * once the other listings are written, fetches it. A report still being made ({@code
 * ReportInProgress}) is fetched again after growing waits; one that is not present or has expired
 * sends the pull back to generating. IAM reuses a report made in the last four hours, so the report
 * can be up to four hours older than the pull (its GeneratedTime says when).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GenerateCredentialReport.html and
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetCredentialReport.html
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

  /** Asks IAM to generate a report; the timeout counts from here. */
  Pending start(String accountId) {
    Instant deadline = clock.get().plus(timeout);
    return new Pending(accountId, deadline, iam.generateCredentialReport().stateAsString());
  }

  /** A report IAM was asked for and that has not been fetched yet. */
  final class Pending {
    private final String accountId;
    private final Instant deadline;
    private String lastState;

    private Pending(String accountId, Instant deadline, String state) {
      this.accountId = accountId;
      this.deadline = deadline;
      this.lastState = state;
    }

    /** The decoded CSV text of the report. */
    String fetch() {
      Duration wait = FIRST_WAIT;
      boolean regeneratedSinceWait = false;
      while (true) {
        try {
          return iam.getCredentialReport().content().asUtf8String();
        } catch (CredentialReportNotReadyException e) {
          lastState = "IN_PROGRESS (" + code(e) + ")";
        } catch (CredentialReportNotPresentException | CredentialReportExpiredException e) {
          LOG.debug("aws/{}: credential report {}; generating again", accountId, code(e));
          GenerateCredentialReportResponse generated = iam.generateCredentialReport();
          lastState = generated.stateAsString();
          if (generated.state() == ReportStateType.COMPLETE && !regeneratedSinceWait) {
            regeneratedSinceWait = true;
            continue;
          }
        }
        if (!clock.get().plus(wait).isBefore(deadline)) {
          throw new PullFailure(
              "the credential report was not ready after "
                  + timeout.toSeconds()
                  + " s (last state: "
                  + lastState
                  + ")");
        }
        sleeper.sleep(wait);
        regeneratedSinceWait = false;
        wait =
            wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
      }
    }
  }

  private static String code(AwsServiceException e) {
    return e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorCode();
  }
}
