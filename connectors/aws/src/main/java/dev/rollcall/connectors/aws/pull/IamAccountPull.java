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
import dev.rollcall.connectors.aws.CredentialReportRow;
import dev.rollcall.connectors.pull.SnapshotFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.ListMfaDevicesResponse;
import software.amazon.awssdk.services.iam.model.ListVirtualMfaDevicesResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * Pulls one AWS account's IAM data into its snapshot folder, in the shapes the AWS CLI prints: the
 * credential report, {@code get-account-authorization-details} page by page (walked once), {@code
 * list-virtual-mfa-devices}, {@code list-mfa-devices} only for the users whose credential report
 * row says MFA is active (nothing bulk tells a FIDO key or a hardware token apart), the password
 * policy and the account summary.
 */
final class IamAccountPull {
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
    String report =
        new CredentialReportFetcher(iam, reportTimeout, sleeper, clock).fetch(accountId);
    Path reportFile = dir.resolve(REPORT);
    SnapshotFiles.writeText(reportFile, report);
    CredentialReport parsed = CredentialReportParser.parse(report, reportFile);

    int page = 0;
    for (GetAccountAuthorizationDetailsResponse response :
        iam.getAccountAuthorizationDetailsPaginator(r -> r.maxItems(1000))) {
      SnapshotFiles.writeJson(
          SnapshotFiles.page(dir.resolve(DETAILS), ++page), SdkJson.of(response));
    }
    page = 0;
    for (ListVirtualMfaDevicesResponse response :
        iam.listVirtualMFADevicesPaginator(r -> r.maxItems(1000))) {
      SnapshotFiles.writeJson(
          SnapshotFiles.page(dir.resolve(VIRTUAL_MFA), ++page), SdkJson.of(response));
    }
    for (String user : usersWithMfa(parsed)) {
      ObjectNode devices = null;
      for (ListMfaDevicesResponse response :
          iam.listMFADevicesPaginator(r -> r.userName(user).maxItems(1000))) {
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
    }
    try {
      SnapshotFiles.writeJson(
          dir.resolve(PASSWORD_POLICY), SdkJson.of(iam.getAccountPasswordPolicy()));
    } catch (NoSuchEntityException e) {
      // AWS answers NoSuchEntity when the account has no password policy: the snapshot records
      // that it asked and what it heard, so that a missing file means "not captured".
      // https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountPasswordPolicy.html
      SnapshotFiles.writeJson(dir.resolve(PASSWORD_POLICY), AwsLayout.noPasswordPolicy());
    }
    SnapshotFiles.writeJson(dir.resolve(SUMMARY), SdkJson.of(iam.getAccountSummary()));
  }

  private static Set<String> usersWithMfa(CredentialReport report) {
    Set<String> users = new TreeSet<>();
    for (CredentialReportRow row : report.rows()) {
      if (row.mfaActive() && !CredentialReportRow.ROOT.equals(row.user())) {
        users.add(row.user());
      }
    }
    return users;
  }
}
