package dev.rollcall.connectors.aws;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One row of the IAM credential report with its cells decoded: dates as instants, booleans as
 * booleans, and the report's special values ({@code N/A}, {@code no_information}, {@code
 * not_supported}) as null, except where the difference matters (see {@link
 * #passwordLastUsedSpecial}). Doc:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html
 *
 * @param row the row number as a spreadsheet shows it (the header is row 1), for messages
 * @param user the user name, or {@value #ROOT} for the account root user
 * @param arn the user's ARN
 * @param created user_creation_time
 * @param passwordEnabled password_enabled; null only on the root row, where it is not_supported
 * @param passwordLastUsed password_last_used, or null when the cell holds a special value
 * @param passwordLastUsedSpecial the special value of password_last_used, or null when it is a date
 * @param passwordLastChanged password_last_changed, or null (N/A: no password; not_supported: root)
 * @param mfaActive mfa_active
 * @param accessKeys the two access key slots, in slot order
 * @param certificates the two signing certificate slots, in slot order
 */
public record CredentialReportRow(
    int row,
    String user,
    String arn,
    Instant created,
    Boolean passwordEnabled,
    Instant passwordLastUsed,
    Special passwordLastUsedSpecial,
    Instant passwordLastChanged,
    boolean mfaActive,
    List<AccessKeySlot> accessKeys,
    List<CertificateSlot> certificates) {

  /** The user name the report gives the account root user. */
  public static final String ROOT = "<root_account>";

  public CredentialReportRow {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(arn, "arn of " + user);
    Objects.requireNonNull(created, "created of " + user);
    if ((passwordLastUsed == null) == (passwordLastUsedSpecial == null)) {
      throw new IllegalArgumentException(
          user + ": password_last_used is either a date or a special value");
    }
    accessKeys = List.copyOf(accessKeys);
    certificates = List.copyOf(certificates);
  }

  /** True for the account root user's row. */
  public boolean isRoot() {
    return ROOT.equals(user);
  }

  /** The special values the report writes instead of a date or a boolean. */
  public enum Special {
    /** {@code N/A}: the credential does not exist (no password, no key in the slot). */
    NOT_APPLICABLE("N/A"),
    /** {@code no_information}: the password has never been used since IAM began tracking. */
    NO_INFORMATION("no_information"),
    /** {@code not_supported}: the column does not apply to the root user. */
    NOT_SUPPORTED("not_supported");

    private final String cell;

    Special(String cell) {
      this.cell = cell;
    }

    /** The text the report writes. */
    public String cell() {
      return cell;
    }

    /** The special value a cell holds, compared without regard to case, or null. */
    static Special of(String cell) {
      for (Special special : values()) {
        if (special.cell.toLowerCase(Locale.ROOT).equals(cell.toLowerCase(Locale.ROOT))) {
          return special;
        }
      }
      return null;
    }
  }

  /**
   * An access key slot.
   *
   * @param slot 1 or 2
   * @param active access_key_N_active
   * @param lastRotated when the key was created or rotated; null when the slot is empty
   * @param lastUsed when it last signed a request; null when never used (N/A)
   */
  public record AccessKeySlot(int slot, boolean active, Instant lastRotated, Instant lastUsed) {
    /** True when the slot holds a key, active or not. */
    public boolean exists() {
      return active || lastRotated != null || lastUsed != null;
    }
  }

  /**
   * A signing (X.509) certificate slot.
   *
   * @param slot 1 or 2
   * @param active cert_N_active
   * @param lastRotated when it was uploaded or rotated, or null
   */
  public record CertificateSlot(int slot, boolean active, Instant lastRotated) {}
}
