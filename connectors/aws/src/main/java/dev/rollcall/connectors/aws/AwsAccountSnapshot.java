package dev.rollcall.connectors.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The raw IAM data of one AWS account as the snapshot holds it.
 *
 * @param accountId the 12-digit account id
 * @param authorizationDetails get-account-authorization-details pages
 * @param credentialReport the credential report rows and the file they came from
 * @param reportFile the credential report file
 * @param virtualMfa list-virtual-mfa-devices output, or null
 * @param mfaDevices list-mfa-devices output per user name
 * @param passwordPolicy get-account-password-policy output, or null when no policy is set
 */
public record AwsAccountSnapshot(
    String accountId,
    List<Page> authorizationDetails,
    List<CredentialReportRow> credentialReport,
    Path reportFile,
    Page virtualMfa,
    Map<String, Page> mfaDevices,
    Page passwordPolicy) {

  /** One JSON document and its file, so that errors can name the file. */
  public record Page(Path file, JsonNode body) {}

  public AwsAccountSnapshot {
    authorizationDetails = List.copyOf(authorizationDetails);
    credentialReport = List.copyOf(credentialReport);
    mfaDevices = Map.copyOf(mfaDevices);
  }
}
