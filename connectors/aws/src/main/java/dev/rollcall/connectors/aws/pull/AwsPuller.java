package dev.rollcall.connectors.aws.pull;

import dev.rollcall.connectors.pull.SnapshotFiles;
import dev.rollcall.connectors.pull.SnapshotPuller;
import dev.rollcall.connectors.pull.TenantPull;
import dev.rollcall.connectors.pull.TenantPulls;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.SideBySide;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountState;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Pulls AWS accounts into a snapshot: the caller's own account, and with organization mode (or a
 * list of accounts) every active member account through a read-only role assumed in it, several at
 * once. Each account is one tenant: one that cannot be assumed or pulled comes back failed with the
 * reason, and the others go on.
 */
public final class AwsPuller implements SnapshotPuller {
  private static final Logger LOG = LogManager.getLogger(AwsPuller.class);
  private static final String SESSION_NAME = "rollcall-audit";
  private static final TenantPulls TENANTS =
      new TenantPulls("aws", "rollcall aws pull", AwsErrors.FAILURES);

  private final AwsPullSettings settings;
  private final AwsCredentialsProvider credentials;
  private final Sleeper sleeper;
  private final Supplier<Instant> clock;
  private final Set<String> operations = ConcurrentHashMap.newKeySet();

  /**
   * A puller.
   *
   * @param settings what to pull
   * @param credentials the caller's credentials: the SDK's default chain in production
   */
  public AwsPuller(AwsPullSettings settings, AwsCredentialsProvider credentials) {
    this(settings, credentials, Sleeper.REAL, Instant::now);
  }

  AwsPuller(
      AwsPullSettings settings,
      AwsCredentialsProvider credentials,
      Sleeper sleeper,
      Supplier<Instant> clock) {
    this.settings = settings;
    this.credentials = credentials;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  /** The actions ({@code service:Operation}) this puller has called so far. */
  Set<String> actionsCalled() {
    return Set.copyOf(operations);
  }

  @Override
  public String folder() {
    return "aws";
  }

  @Override
  public List<TenantPull> pull(Path systemDir) {
    SnapshotFiles.ownerOnlyFolder(systemDir);
    try (SdkHttpClient http = ApacheHttpClient.builder().maxConnections(32).build()) {
      AwsClients clients = new AwsClients(settings, http);
      RequestCounter callerRequests = new RequestCounter(operations);
      String callerAccount;
      Set<String> members = new LinkedHashSet<>(settings.accounts());
      try (StsClient sts = clients.sts(credentials, callerRequests)) {
        callerAccount = sts.getCallerIdentity().account();
        if (settings.organization()) {
          members.addAll(activeMemberAccounts(clients, callerRequests));
        }
      } catch (SdkException e) {
        String why = "cannot start the AWS pull: " + AwsErrors.describe(e);
        LOG.error("aws: {}", why);
        return List.of(
            new TenantPull(
                "caller", PullStatus.FAILED, clock.get(), callerRequests.requests(), List.of(why)));
      }
      members.remove(callerAccount);
      List<TenantPull> results = new ArrayList<>();
      // The caller's own account also pays for finding out who the caller is (and, in
      // organisation mode, for listing the members), so that every request is counted somewhere.
      results.add(
          pullAccount(
              callerAccount,
              systemDir,
              callerRequests,
              (dir, counter) -> pullIam(clients, callerAccount, credentials, counter, dir)));
      results.addAll(pullMembers(clients, members, systemDir));
      return results;
    }
  }

  private List<String> activeMemberAccounts(AwsClients clients, RequestCounter counter) {
    List<String> ids = new ArrayList<>();
    try (OrganizationsClient organizations = clients.organizations(credentials, counter)) {
      for (ListAccountsResponse page : organizations.listAccountsPaginator(r -> r.maxResults(20))) {
        for (Account account : page.accounts()) {
          if (account.state() == AccountState.ACTIVE) {
            ids.add(account.id());
          } else {
            LOG.info(
                "aws: organisation account {} is {}: not audited",
                account.id(),
                account.stateAsString());
          }
        }
      }
    }
    LOG.info("aws: the organisation has {} active accounts", ids.size());
    return ids;
  }

  private List<TenantPull> pullMembers(AwsClients clients, Set<String> members, Path systemDir) {
    if (members.isEmpty()) {
      return List.of();
    }
    // Each member's own failures are its TenantPull; what escapes is thrown here as it was.
    return SideBySide.inOrder(
        List.copyOf(members),
        settings.parallelism(),
        (a, b) -> 0,
        accountId -> pullMember(clients, accountId, systemDir),
        "rollcall-aws-pull");
  }

  /** Assumes the member role, then pulls the account through it; a refusal fails the account. */
  private TenantPull pullMember(AwsClients clients, String accountId, Path systemDir) {
    RequestCounter stsRequests = new RequestCounter(operations);
    return pullAccount(
        accountId,
        systemDir,
        stsRequests,
        (dir, counter) -> {
          try (StsClient sts = clients.sts(credentials, stsRequests);
              StsAssumeRoleCredentialsProvider role =
                  clients.memberRole(sts, accountId, SESSION_NAME)) {
            try {
              role.resolveCredentials();
            } catch (SdkException e) {
              throw new PullFailure(
                  "cannot assume "
                      + clients.memberRoleArn(accountId)
                      + ": "
                      + AwsErrors.describe(e),
                  e);
            }
            pullIam(clients, accountId, role, counter, dir);
          }
        });
  }

  /**
   * Pulls one account through {@link TenantPulls}.
   *
   * @param earlier the requests made for the account before its IAM pull (who the caller is, the
   *     role assumed), counted with it
   */
  private TenantPull pullAccount(
      String accountId,
      Path systemDir,
      RequestCounter earlier,
      BiConsumer<Path, RequestCounter> work) {
    Instant started = clock.get();
    RequestCounter counter = new RequestCounter(operations);
    TenantPull pull =
        TENANTS.pull(
            accountId,
            systemDir.resolve(accountId),
            started,
            () -> earlier.requests() + counter.requests(),
            dir -> {
              work.accept(dir, counter);
              return List.of();
            });
    if (pull.status() == PullStatus.FAILED) {
      LOG.error(
          "aws/{}: failed after {} API requests: {}",
          accountId,
          pull.apiRequests(),
          pull.problems().get(0));
    } else {
      LOG.info(
          "aws/{}: pulled with {} API requests in {} ms",
          accountId,
          pull.apiRequests(),
          Duration.between(started, clock.get()).toMillis());
    }
    return pull;
  }

  private void pullIam(
      AwsClients clients,
      String accountId,
      AwsCredentialsProvider as,
      RequestCounter counter,
      Path dir) {
    try (IamClient iam = clients.iam(as, counter)) {
      new IamAccountPull(iam, settings.reportTimeout(), sleeper, clock).pull(accountId, dir);
    }
  }
}
