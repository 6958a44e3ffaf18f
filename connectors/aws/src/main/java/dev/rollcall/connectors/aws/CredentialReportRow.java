package dev.rollcall.connectors.aws;

import java.time.Instant;
import java.util.List;

/**
 * One row of the IAM credential report, with its special values resolved: {@code N/A} and {@code
 * not_supported} become null, booleans are booleans. Doc:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html
 *
 * @param line the row's line in the file, for messages
 * @param user the user name, or {@code <root_account>}
 * @param arn the user's ARN
 * @param created user_creation_time
 * @param passwordEnabled password_enabled; null for the root row (not_supported)
 * @param passwordLastUsed password_last_used, or null
 * @param passwordNoInformation true when password_last_used is {@code no_information} (never used
 *     since IAM began tracking)
 * @param passwordLastChanged password_last_changed, or null
 * @param mfaActive mfa_active
 * @param keys the two access key slots
 * @param certs the two signing certificate slots
 */
public record CredentialReportRow(
    long line,
    String user,
    String arn,
    Instant created,
    Boolean passwordEnabled,
    Instant passwordLastUsed,
    boolean passwordNoInformation,
    Instant passwordLastChanged,
    boolean mfaActive,
    List<KeySlot> keys,
    List<CertSlot> certs) {

  /** The name the report gives the account root user. */
  public static final String ROOT = "<root_account>";

  public boolean isRoot() {
    return ROOT.equals(user);
  }

  /**
   * An access key slot.
   *
   * @param slot 1 or 2
   * @param active whether the key is active
   * @param lastRotated when it was created or rotated; null when the slot is empty
   * @param lastUsed when it was last used; null when never used
   * @param lastUsedService the service of its last use, or null
   */
  public record KeySlot(
      int slot, boolean active, Instant lastRotated, Instant lastUsed, String lastUsedService) {
    /** True when a key exists in the slot (active or not). */
    public boolean exists() {
      return active || lastRotated != null;
    }
  }

  /**
   * A signing certificate slot.
   *
   * @param slot 1 or 2
   * @param active whether it is active
   * @param lastRotated when it was created or rotated, or null
   */
  public record CertSlot(int slot, boolean active, Instant lastRotated) {}
}
