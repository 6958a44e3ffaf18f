package dev.rollcall.connectors.aws.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rollcall.connectors.pull.TenantPull;
import dev.rollcall.model.PullStatus;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

/**
 * How many API requests a pull of one AWS account costs, held to the README's formula on a moto
 * server: an account of N users, V of them with a virtual MFA device and H with MFA but no virtual
 * device (a hardware token here), costs
 *
 * <pre>
 *   1  GetCallerIdentity
 * + 2  credential report: GenerateCredentialReport (STARTED) first, GetCredentialReport once the
 *      rest is read (moto has made it by then)
 * + ⌈(N + groups + roles + policies) / 1000⌉  GetAccountAuthorizationDetails pages
 * + ⌈V / 1000⌉  ListVirtualMFADevices pages (at least one page)
 * + H  ListMFADevices, one per user whose report row says MFA is active and who holds no
 *      virtual device
 * + 2  GetAccountSummary, GetAccountPasswordPolicy
 * </pre>
 *
 * The account is a fresh one of its own (see {@link MotoAccounts}), so the count is exact. {@code
 * -Drollcall.requestCount.users=1000} measures a larger account (the README's figure).
 */
class AwsRequestCountMotoTest {
  private static final int USERS = Integer.getInteger("rollcall.requestCount.users", 36);

  @TempDir Path snapshot;

  @Test
  void aPullCostsTheDocumentedNumberOfRequests() {
    URI endpoint = Emulators.motoEndpoint();
    String account = MotoAccounts.freshId();
    StaticCredentialsProvider inAccount = MotoAccounts.credentialsIn(endpoint, account);
    int withVirtual = USERS / 3;
    int withToken = USERS / 9;
    try (IamClient iam = MotoAccounts.iam(endpoint, inAccount)) {
      for (int i = 0; i < USERS; i++) {
        String user = String.format("user-%04d", i);
        iam.createUser(r -> r.userName(user));
        if (i < withVirtual) {
          VirtualMFADevice device =
              iam.createVirtualMFADevice(r -> r.virtualMFADeviceName(user)).virtualMFADevice();
          enable(iam, user, device.serialNumber());
        } else if (i < withVirtual + withToken) {
          enable(iam, user, String.format("GAHT%08d", i));
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
    long expected = 1 + 2 + pages(USERS) + pages(withVirtual) + withToken + 2;
    System.out.printf(
        "AWS account of %d users, %d with a virtual MFA device, %d with a token only: %d API"
            + " requests (formula: %d)%n",
        USERS, withVirtual, withToken, pull.apiRequests(), expected);
    assertEquals(expected, pull.apiRequests());
  }

  private static void enable(IamClient iam, String user, String serial) {
    iam.enableMFADevice(
        r ->
            r.userName(user)
                .serialNumber(serial)
                .authenticationCode1("123456")
                .authenticationCode2("654321"));
  }

  private static long pages(int items) {
    return Math.max(1, (items + 999) / 1000);
  }
}
