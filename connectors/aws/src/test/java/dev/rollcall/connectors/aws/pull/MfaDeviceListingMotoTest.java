package dev.rollcall.connectors.aws.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.connectors.aws.AwsSnapshotReader;
import dev.rollcall.connectors.aws.CredentialReport;
import dev.rollcall.connectors.aws.CredentialReportParser;
import dev.rollcall.connectors.aws.CredentialReportRow;
import dev.rollcall.connectors.pull.SnapshotFiles;
import dev.rollcall.connectors.snapshot.TenantFolder;
import dev.rollcall.model.Account;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.MfaFactor;
import dev.rollcall.model.MfaFactorType;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.SourceResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ListMfaDevicesRequest;

/**
 * Which users the pull lists MFA devices for, counted request by request on a moto server, and
 * proof that the snapshot it writes gives every account the MFA facts that listing every MFA user
 * would have given: the snapshot is read back beside a copy of it completed with a {@code
 * list-mfa-devices} file for every user whose MFA is active.
 */
class MfaDeviceListingMotoTest {
  private static final Instant OBSERVED = Instant.parse("2026-12-01T00:00:00Z");

  @TempDir Path temp;
  private URI endpoint;
  private String account;
  private StaticCredentialsProvider credentials;

  @BeforeEach
  void freshAccount() {
    endpoint = Emulators.motoEndpoint();
    account = MotoAccounts.freshId();
    credentials = MotoAccounts.credentialsIn(endpoint, account);
  }

  @Test
  void onlyUsersWithMfaAndNoVirtualDeviceAreListedAndTheFactsAreThoseOfAFullListing() {
    try (IamClient iam = MotoAccounts.iam(endpoint, credentials)) {
      for (int i = 0; i < 5; i++) {
        virtualUser(iam, "virtual-" + i);
      }
      user(iam, "token-0", "GAHT00000001");
      user(iam, "token-1", "GAHT00000002");
      user(iam, "key-0", "arn:aws:iam::" + account + ":u2f/user/key-0/yubikey-ABCDEFGH");
      for (int i = 0; i < 4; i++) {
        user(iam, "none-" + i);
      }
    }

    Calls calls = new Calls();
    Path dir = pull(calls);

    assertEquals(List.of("key-0", "token-0", "token-1"), calls.mfaListings());
    assertEquals(3, calls.count("ListMFADevices"), calls.operations.toString());
    assertEquals(1, calls.count("ListVirtualMFADevices"), calls.operations.toString());
    Map<String, Mfa> pulled = mfaByUser(dir);
    assertEquals(mfaByUser(fullListing(dir)), pulled);
    assertEquals(List.of(MfaFactorType.VIRTUAL_TOTP), types(pulled.get("virtual-3")));
    assertEquals(List.of(MfaFactorType.HARDWARE_TOTP), types(pulled.get("token-1")));
    assertEquals(List.of(MfaFactorType.SECURITY_KEY), types(pulled.get("key-0")));
    assertEquals(Mfa.State.NOT_ENABLED, pulled.get("none-2").state());
  }

  @Test
  void aTokenBesideAVirtualDeviceIsFoundThroughTheAccountSummary() {
    try (IamClient iam = MotoAccounts.iam(endpoint, credentials)) {
      // Listed in name order among the holders of virtual devices: "both" comes first.
      String serial = virtualUser(iam, "both");
      iam.enableMFADevice(
          r ->
              r.userName("both")
                  .serialNumber("GAHT00000009")
                  .authenticationCode1("123456")
                  .authenticationCode2("654321"));
      virtualUser(iam, "virtual-0");
      virtualUser(iam, "virtual-1");
      user(iam, "token-0", "GAHT00000001");
      assertTrue(serial.contains(":mfa/"), serial);
    }

    Calls calls = new Calls();
    Path dir = pull(calls);

    assertEquals(List.of("token-0", "both"), calls.mfaListings());
    Map<String, Mfa> pulled = mfaByUser(dir);
    assertEquals(mfaByUser(fullListing(dir)), pulled);
    assertEquals(
        List.of(MfaFactorType.VIRTUAL_TOTP, MfaFactorType.HARDWARE_TOTP),
        types(pulled.get("both")));
  }

  /** Pulls the account through a client whose requests {@code calls} records. */
  private Path pull(Calls calls) {
    Path dir = temp.resolve("pulled").resolve(account);
    try (IamClient iam =
        IamClient.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(endpoint)
            .credentialsProvider(credentials)
            .overrideConfiguration(
                ClientOverrideConfiguration.builder().addExecutionInterceptor(calls).build())
            .build()) {
      new IamAccountPull(iam, Duration.ofMinutes(1), Sleeper.REAL, Instant::now).pull(account, dir);
    }
    return dir;
  }

  /**
   * A copy of the pulled folder with {@code list-mfa-devices} for every user whose report row says
   * MFA is active: what the pull wrote when it listed them all.
   */
  private Path fullListing(Path pulled) {
    Path full = temp.resolve("full").resolve(account);
    copy(pulled, full);
    Path reportFile = pulled.resolve("credential-report.csv");
    CredentialReport report =
        CredentialReportParser.parse(TenantFolder.of(pulled).text(reportFile), reportFile);
    try (IamClient iam = MotoAccounts.iam(endpoint, credentials)) {
      for (CredentialReportRow row : report.rows()) {
        if (row.mfaActive() && !row.isRoot()) {
          SnapshotFiles.writeJson(
              full.resolve("list-mfa-devices").resolve(row.user() + ".json"),
              SdkJson.of(iam.listMFADevices(r -> r.userName(row.user()))));
        }
      }
    }
    return full;
  }

  private static Map<String, Mfa> mfaByUser(Path dir) {
    SourceResult result = new AwsSnapshotReader().read(dir, OBSERVED);
    assertEquals(PullStatus.COMPLETE, result.pull().status(), result.pull().errors().toString());
    Map<String, Mfa> byUser = new TreeMap<>();
    for (Account a : result.accounts()) {
      byUser.put(a.name(), a.mfa());
    }
    return byUser;
  }

  private static List<MfaFactorType> types(Mfa mfa) {
    return mfa.factors().stream().map(MfaFactor::type).toList();
  }

  private static String virtualUser(IamClient iam, String name) {
    iam.createUser(r -> r.userName(name));
    String serial =
        iam.createVirtualMFADevice(r -> r.virtualMFADeviceName(name))
            .virtualMFADevice()
            .serialNumber();
    enable(iam, name, serial);
    return serial;
  }

  private static void user(IamClient iam, String name, String... serials) {
    iam.createUser(r -> r.userName(name));
    for (String serial : serials) {
      enable(iam, name, serial);
    }
  }

  private static void enable(IamClient iam, String user, String serial) {
    iam.enableMFADevice(
        r ->
            r.userName(user)
                .serialNumber(serial)
                .authenticationCode1("123456")
                .authenticationCode2("654321"));
  }

  private static void copy(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every operation sent, and the user of every ListMFADevices, in order. */
  private static final class Calls implements ExecutionInterceptor {
    final List<String> operations = Collections.synchronizedList(new ArrayList<>());
    private final List<String> users = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void beforeTransmission(
        Context.BeforeTransmission context, ExecutionAttributes attributes) {
      operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
      if (context.request() instanceof ListMfaDevicesRequest listing) {
        users.add(listing.userName());
      }
    }

    List<String> mfaListings() {
      return List.copyOf(users);
    }

    long count(String operation) {
      return operations.stream().filter(operation::equals).count();
    }
  }
}
