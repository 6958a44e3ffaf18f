package dev.rollcall.connectors.aws;

import dev.rollcall.connectors.aws.CredentialReportRow.AccessKeySlot;
import dev.rollcall.connectors.aws.CredentialReportRow.CertificateSlot;
import dev.rollcall.connectors.aws.CredentialReportRow.Special;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Credential;
import dev.rollcall.model.CredentialType;
import java.util.ArrayList;
import java.util.List;

/** The credentials of a credential report row and the account's last use, with their evidence. */
final class ReportCredentials {
  private static final String SOURCE = "credential report ";

  private ReportCredentials() {}

  /**
   * The console password, the access keys that exist and the active signing certificates. A user
   * without a password gets a console password credential only when the report shows one once
   * existed (a last use or change); it is then inactive. The root user always has an active one:
   * the report says not_supported, and the root user can sign in unless its credentials were
   * removed centrally, which the report does not show.
   */
  static List<Credential> of(CredentialReportRow row) {
    List<Credential> credentials = new ArrayList<>();
    boolean hasPassword = row.isRoot() || Boolean.TRUE.equals(row.passwordEnabled());
    if (hasPassword || row.passwordLastUsed() != null || row.passwordLastChanged() != null) {
      credentials.add(
          new Credential(
              CredentialType.CONSOLE_PASSWORD,
              "console password",
              hasPassword,
              row.passwordLastChanged(),
              row.passwordLastUsed(),
              passwordUsage(row)));
    }
    for (AccessKeySlot key : row.accessKeys()) {
      if (key.exists()) {
        credentials.add(
            new Credential(
                CredentialType.ACCESS_KEY,
                "access key " + key.slot(),
                key.active(),
                key.lastRotated(),
                key.lastUsed(),
                // N/A: the key has never been used (or not since April 2015, when IAM began).
                key.lastUsed() != null ? Activity.State.USED : Activity.State.NEVER_USED));
      }
    }
    for (CertificateSlot certificate : row.certificates()) {
      if (certificate.active()) {
        credentials.add(
            new Credential(
                CredentialType.X509_CERTIFICATE,
                "signing certificate " + certificate.slot(),
                true,
                certificate.lastRotated(),
                null,
                Activity.State.UNKNOWN));
      }
    }
    return credentials;
  }

  /**
   * The latest use of the password or either access key (inactive keys included: a use is a use);
   * never used when the report records none.
   */
  static Activity lastActivity(CredentialReportRow row) {
    Activity latest = Activity.neverUsed(SOURCE.strip() + ": no password or key use recorded");
    if (row.passwordLastUsed() != null) {
      latest =
          latest.latest(Activity.usedAt(row.passwordLastUsed(), SOURCE + "password_last_used"));
    }
    for (AccessKeySlot key : row.accessKeys()) {
      if (key.lastUsed() != null) {
        latest =
            latest.latest(
                Activity.usedAt(
                    key.lastUsed(), SOURCE + "access_key_" + key.slot() + "_last_used_date"));
      }
    }
    return latest;
  }

  private static Activity.State passwordUsage(CredentialReportRow row) {
    if (row.passwordLastUsed() != null) {
      return Activity.State.USED;
    }
    // no_information: never used; N/A: there was no password to use; not_supported: cannot tell.
    return row.passwordLastUsedSpecial() == Special.NOT_SUPPORTED
        ? Activity.State.UNKNOWN
        : Activity.State.NEVER_USED;
  }
}
