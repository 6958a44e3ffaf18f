package dev.rollcall.connectors.aws.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rollcall.connectors.pull.TenantPull;
import dev.rollcall.model.PullStatus;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * How many API requests a pull of one AWS account costs, held to the README's formula on a moto
 * server: an account of N users, M of them with MFA, costs
 *
 * <pre>
 *   1  GetCallerIdentity
 * + 3  credential report: GenerateCredentialReport (STARTED), again after 0.5 s (COMPLETE),
 *      GetCredentialReport
 * + ⌈(N + groups + roles + policies) / 1000⌉  GetAccountAuthorizationDetails pages
 * + ⌈V / 1000⌉  ListVirtualMFADevices pages (V virtual devices; at least one page)
 * + M  ListMFADevices, one per user whose report row says MFA is active
 * + 2  GetAccountPasswordPolicy, GetAccountSummary
 * </pre>
 *
 * The account is a fresh one of its own (moto keeps each account apart: the test assumes a role in
 * an account id nobody else uses), so the count is exact. {@code
 * -Drollcall.requestCount.users=1000} measures a larger account (the README's figure).
 */
class AwsRequestCountMotoTest {
  private static final int USERS = Integer.getInteger("rollcall.requestCount.users", 36);

  @TempDir Path snapshot;

  @Test
  void aPullCostsTheDocumentedNumberOfRequests() {
    URI endpoint = Emulators.motoEndpoint();
    String account =
        String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
    StaticCredentialsProvider inAccount = credentialsIn(endpoint, account);
    int withMfa = USERS / 3;
    try (IamClient iam =
        IamClient.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(endpoint)
            .credentialsProvider(inAccount)
            .build()) {
      for (int i = 0; i < USERS; i++) {
        String user = String.format("user-%04d", i);
        iam.createUser(r -> r.userName(user));
        if (i < withMfa) {
          VirtualMFADevice device =
              iam.createVirtualMFADevice(r -> r.virtualMFADeviceName(user)).virtualMFADevice();
          iam.enableMFADevice(
              r ->
                  r.userName(user)
                      .serialNumber(device.serialNumber())
                      .authenticationCode1("123456")
                      .authenticationCode2("654321"));
        }
      }
    }

    List<TenantPull> pulls =
        new AwsPuller(AwsPullSettings.ownAccount().withEndpoint(endpoint), inAccount)
            .pull(snapshot.resolve("aws"));

    assertEquals(1, pulls.size(), pulls.toString());
    TenantPull pull = pulls.get(0);
    assertEquals(account, pull.tenant());
    assertEquals(PullStatus.COMPLETE, pull.status(), pull.problems().toString());
    long expected = 1 + 3 + pages(USERS) + pages(withMfa) + withMfa + 2;
    System.out.printf(
        "AWS account of %d users, %d with MFA: %d API requests (formula: %d)%n",
        USERS, withMfa, pull.apiRequests(), expected);
    assertEquals(expected, pull.apiRequests());
  }

  private static long pages(int items) {
    return Math.max(1, (items + 999) / 1000);
  }

  /** Credentials of a role in {@code account}: moto then answers every request in that account. */
  private static StaticCredentialsProvider credentialsIn(URI endpoint, String account) {
    try (StsClient sts =
        StsClient.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(endpoint)
            .credentialsProvider(AwsPullerContract.CREDENTIALS)
            .build()) {
      Credentials c =
          sts.assumeRole(
                  r ->
                      r.roleArn("arn:aws:iam::" + account + ":role/rollcall-count")
                          .roleSessionName("rollcall-count"))
              .credentials();
      return StaticCredentialsProvider.create(
          AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
    }
  }
}
