package dev.rollcall.connectors.aws.pull;

import static dev.rollcall.connectors.aws.AwsLayout.DETAILS;
import static dev.rollcall.connectors.aws.AwsLayout.MFA_DEVICES;
import static dev.rollcall.connectors.aws.AwsLayout.PASSWORD_POLICY;
import static dev.rollcall.connectors.aws.AwsLayout.REPORT;
import static dev.rollcall.connectors.aws.AwsLayout.SUMMARY;
import static dev.rollcall.connectors.aws.AwsLayout.VIRTUAL_MFA;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.connectors.aws.AwsLayout;
import dev.rollcall.connectors.aws.CredentialReport;
import dev.rollcall.connectors.aws.CredentialReportParser;
import dev.rollcall.connectors.pull.SnapshotFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GetAccountSummaryResponse;
import software.amazon.awssdk.services.iam.model.ListMfaDevicesResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * Pulls one AWS account's IAM data into its snapshot folder, in the shapes the AWS CLI prints: the
 * credential report (asked for first and fetched last, so that IAM makes it while the rest is
 * read), {@code get-account-authorization-details} page by page (walked once), {@code
 * list-virtual-mfa-devices}, the account summary, {@code list-mfa-devices} only for the users whose
 * credential report row says MFA is active and who hold no virtual device (nothing bulk tells a
 * FIDO key or a hardware token apart; see {@link MfaDeviceLookups}), and the password policy. So
 * the requests grow with pages, not with users.
 */
final class IamAccountPull {
  private static final Logger LOG = LogManager.getLogger(IamAccountPull.class);

  private final IamClient iam;
  private final Duration reportTimeout;
  private final Sleeper sleeper;
  private final Supplier<Instant> clock;

  IamAccountPull(IamClient iam, Duration reportTimeout, Sleeper sleeper, Supplier<Instant> clock) {
    this.iam = iam;
    this.reportTimeout = reportTimeout;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  /** Writes every file of the account folder except the manifest. */
  void pull(String accountId, Path dir) {
    CredentialReportFetcher.Pending pending =
        new CredentialReportFetcher(iam, reportTimeout, sleeper, clock).start(accountId);
    int page = 0;
    for (GetAccountAuthorizationDetailsResponse response :
        iam.getAccountAuthorizationDetailsPaginator(r -> r.maxItems(1000))) {
      SnapshotFiles.writeJson(
          SnapshotFiles.page(dir.resolve(DETAILS), ++page), SdkJson.of(response));
    }
    MfaDeviceLookups lookups =
        MfaDeviceLookups.of(
            PageWriter.write(
                dir, VIRTUAL_MFA, iam.listVirtualMFADevicesPaginator(r -> r.maxItems(1000))));
    GetAccountSummaryResponse summary = iam.getAccountSummary();
    SnapshotFiles.writeJson(dir.resolve(SUMMARY), SdkJson.of(summary));
    try {
      SnapshotFiles.writeJson(
          dir.resolve(PASSWORD_POLICY), SdkJson.of(iam.getAccountPasswordPolicy()));
    } catch (NoSuchEntityException e) {
      // AWS answers NoSuchEntity when the account has no password policy: the snapshot records
      // that it asked and what it heard, so that a missing file means "not captured".
      // https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountPasswordPolicy.html
      SnapshotFiles.writeJson(dir.resolve(PASSWORD_POLICY), AwsLayout.noPasswordPolicy());
    }
    // The report was being made while the rest was read: usually one GetCredentialReport now.
    String report = pending.fetch();
    Path reportFile = dir.resolve(REPORT);
    SnapshotFiles.writeText(reportFile, report);
    CredentialReport parsed = CredentialReportParser.parse(report, reportFile);
    listMfaDevices(accountId, parsed, lookups, summary, dir);
  }

  /**
   * Lists the devices of every MFA user without a virtual device, then, while the account summary
   * counts devices that no listing has shown, those of the virtual devices' holders too.
   */
  private void listMfaDevices(
      String accountId,
      CredentialReport report,
      MfaDeviceLookups lookups,
      GetAccountSummaryResponse summary,
      Path dir) {
    long listed = 0;
    for (String user : lookups.withoutVirtualDevice(report)) {
      listed += listMfaDevices(user, lookups, dir);
    }
    long unaccounted = lookups.unaccounted(summary, report, listed);
    if (unaccounted <= 0) {
      return;
    }
    Set<String> holders = lookups.withVirtualDevice(report);
    if (holders.isEmpty()) {
      return;
    }
    if (unaccounted == Long.MAX_VALUE) {
      LOG.info(
          "aws/{}: the account summary does not say how many MFA devices are in use; listing the"
              + " devices of all {} users with a virtual device",
          accountId,
          holders.size());
    } else {
      LOG.info(
          "aws/{}: the account summary counts {} MFA devices that no listing shows; listing the"
              + " devices of the {} users with a virtual device until they are found",
          accountId,
          unaccounted,
          holders.size());
    }
    for (String user : holders) {
      unaccounted -= listMfaDevices(user, lookups, dir);
      if (unaccounted <= 0) {
        return;
      }
    }
  }

  /**
   * Writes one user's {@code list-mfa-devices}; returns how many of its devices are not virtual.
   */
  private long listMfaDevices(String user, MfaDeviceLookups lookups, Path dir) {
    ObjectNode devices = null;
    long others = 0;
    for (ListMfaDevicesResponse response :
        iam.listMFADevicesPaginator(r -> r.userName(user).maxItems(1000))) {
      others +=
          response.mfaDevices().stream().filter(d -> !lookups.virtual(d.serialNumber())).count();
      ObjectNode json = SdkJson.of(response);
      if (devices == null) {
        devices = json;
      } else {
        devices.withArray("MFADevices").addAll(json.withArray("MFADevices"));
        devices.set("IsTruncated", json.get("IsTruncated"));
      }
    }
    if (devices != null) {
      SnapshotFiles.writeJson(dir.resolve(MFA_DEVICES).resolve(user + ".json"), devices);
    }
    return others;
  }
}
