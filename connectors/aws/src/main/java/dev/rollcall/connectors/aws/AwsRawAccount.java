package dev.rollcall.connectors.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The raw IAM data of one AWS account as a snapshot holds it; the input of {@link AwsIamMapper}.
 *
 * @param accountId the 12-digit account id
 * @param authorizationDetails the {@code aws iam get-account-authorization-details} pages
 * @param credentialReport the decoded credential report
 * @param virtualMfaDevices the {@code aws iam list-virtual-mfa-devices} pages; empty when absent
 * @param mfaDevices {@code aws iam list-mfa-devices --user-name X} output, by user name; the live
 *     pull lists only users whose MFA is active and who hold no virtual device, so a user missing
 *     here may still have devices in {@code virtualMfaDevices}
 * @param passwordPolicy {@code aws iam get-account-password-policy} output, or null when the
 *     account has no password policy set
 */
public record AwsRawAccount(
    String accountId,
    List<Page> authorizationDetails,
    CredentialReport credentialReport,
    List<Page> virtualMfaDevices,
    Map<String, Page> mfaDevices,
    Page passwordPolicy) {

  /** One JSON document and the file it was read from, so that messages can name the file. */
  public record Page(Path file, JsonNode body) {
    public Page {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(body, "body of " + file);
    }
  }

  public AwsRawAccount {
    Objects.requireNonNull(accountId, "accountId");
    authorizationDetails = List.copyOf(authorizationDetails);
    Objects.requireNonNull(credentialReport, "credentialReport");
    virtualMfaDevices = List.copyOf(virtualMfaDevices);
    mfaDevices = Collections.unmodifiableMap(new TreeMap<>(mfaDevices));
  }
}
