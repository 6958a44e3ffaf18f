package dev.rollcall.connectors.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

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

  /**
   * The output of {@code aws iam get-account-password-policy}, or {@link #NO_PASSWORD_POLICY} when
   * AWS answered that none is set. Absent: not captured, so the policy is not judged.
   */
  public static final String PASSWORD_POLICY = "get-account-password-policy.json";

  /** The error code AWS answers when the account has no password policy. */
  public static final String NO_PASSWORD_POLICY = "NoSuchEntity";

  /**
   * Saved for people who read the snapshot; the reader does not need it (the live pull reads its
   * {@code MFADevicesInUse} to decide whose MFA devices to list, see {@code MfaDeviceLookups}).
   */
  public static final String SUMMARY = "get-account-summary.json";

  private AwsLayout() {}

  /**
   * What {@link #PASSWORD_POLICY} holds when AWS said there is none: its error, as AWS words it.
   */
  public static ObjectNode noPasswordPolicy() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.putObject("Error")
        .put("Code", NO_PASSWORD_POLICY)
        .put(
            "Message",
            "GetAccountPasswordPolicy: the account has no password policy set (NoSuchEntity)");
    return root;
  }

  /** True when a password policy file holds AWS's answer that none is set. */
  public static boolean saysNoPasswordPolicy(JsonNode body) {
    return NO_PASSWORD_POLICY.equals(body.path("Error").path("Code").asText(null));
  }
}
