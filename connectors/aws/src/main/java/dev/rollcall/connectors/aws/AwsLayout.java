package dev.rollcall.connectors.aws;

/**
 * The files of an AWS account folder in a snapshot, each named for the AWS CLI call whose output it
 * holds: what the live pull writes and {@link AwsSnapshotReader} reads.
 */
public final class AwsLayout {
  /** {@code get-account-authorization-details.json}, or a folder of its pages. */
  public static final String DETAILS = "get-account-authorization-details";

  /** The decoded output of {@code aws iam get-credential-report}. */
  public static final String REPORT = "credential-report.csv";

  /** {@code list-virtual-mfa-devices.json}, or a folder of its pages. */
  public static final String VIRTUAL_MFA = "list-virtual-mfa-devices";

  /** A folder of {@code <user>.json}: each user's {@code list-mfa-devices}. */
  public static final String MFA_DEVICES = "list-mfa-devices";

  /** Absent when the account has no password policy. */
  public static final String PASSWORD_POLICY = "get-account-password-policy.json";

  /** Saved for people who read the snapshot; the reader does not need it. */
  public static final String SUMMARY = "get-account-summary.json";

  private AwsLayout() {}
}
