package dev.rollcall.connectors.aws.pull;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an AWS source pulls and how.
 *
 * @param region the region for STS, Organizations and Identity Center calls (IAM is global)
 * @param endpoint an endpoint for every service (an emulator); null for AWS itself
 * @param organization list the organisation's active member accounts and audit each one
 * @param memberRoleName the read-only role assumed in each member account (organization mode, or
 *     the accounts listed in {@code accounts})
 * @param externalId the external id the member role's trust policy demands; null for none
 * @param accounts member account ids to audit through the role without listing the organisation;
 *     empty for none
 * @param identityCenter also pull IAM Identity Center users, groups and assignments
 * @param parallelism how many accounts are pulled at once
 * @param retry how throttling and server errors are retried
 * @param reportTimeout how long to wait for AWS to generate a credential report
 */
public record AwsPullSettings(
    String region,
    URI endpoint,
    boolean organization,
    String memberRoleName,
    String externalId,
    List<String> accounts,
    boolean identityCenter,
    int parallelism,
    Retry retry,
    Duration reportTimeout) {
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

  /** The defaults for the caller's own account only. */
  public static AwsPullSettings ownAccount() {
    return new AwsPullSettings(
        "us-east-1", null, false, null, null, List.of(), false, 4, Retry.DEFAULT, null);
  }

  public AwsPullSettings {
    region = region == null || region.isBlank() ? "us-east-1" : region.strip();
    accounts = List.copyOf(accounts == null ? List.of() : accounts);
    for (String id : accounts) {
      if (!ACCOUNT_ID.matcher(id).matches()) {
        throw new IllegalArgumentException("accounts: '" + id + "' is not a 12-digit account id");
      }
    }
    if ((organization || !accounts.isEmpty())
        && (memberRoleName == null || memberRoleName.isBlank())) {
      throw new IllegalArgumentException(
          "memberRole is required to audit member accounts (organization: true or accounts)");
    }
    if (parallelism < 1 || parallelism > 64) {
      throw new IllegalArgumentException("parallelism must be 1 to 64, not " + parallelism);
    }
    retry = retry == null ? Retry.DEFAULT : retry;
    reportTimeout = reportTimeout == null ? Duration.ofMinutes(5) : reportTimeout;
  }

  /** The same settings with another endpoint (an emulator). */
  public AwsPullSettings withEndpoint(URI newEndpoint) {
    return new AwsPullSettings(
        region,
        newEndpoint,
        organization,
        memberRoleName,
        externalId,
        accounts,
        identityCenter,
        parallelism,
        retry,
        reportTimeout);
  }

  /**
   * Retries of throttled and failed requests: exponential backoff with full jitter, bounded.
   *
   * @param maxAttempts attempts per request, the first included
   * @param baseDelay the first backoff
   * @param maxDelay the longest backoff
   */
  public record Retry(int maxAttempts, Duration baseDelay, Duration maxDelay) {
    /** Eight attempts from 200 ms up to 20 s: rides out IAM's throttling of a busy account. */
    public static final Retry DEFAULT =
        new Retry(8, Duration.ofMillis(200), Duration.ofSeconds(20));

    public Retry {
      if (maxAttempts < 1 || maxAttempts > 20) {
        throw new IllegalArgumentException("maxAttempts must be 1 to 20, not " + maxAttempts);
      }
      Objects.requireNonNull(baseDelay, "baseDelay");
      Objects.requireNonNull(maxDelay, "maxDelay");
    }
  }
}
