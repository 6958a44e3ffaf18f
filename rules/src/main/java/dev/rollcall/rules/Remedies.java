package dev.rollcall.rules;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.AccountKind;

/**
 * The concrete commands that remove or disable an account in each system, so that every finding
 * ends with a fix an SRE can run. Every value from the source is written by {@link Shell#quote}, in
 * the commands and in the prose around them, so that the fix is safe to paste.
 */
final class Remedies {
  private Remedies() {}

  /** How to take away an account's access. */
  static String disable(Account account) {
    AccountKey key = account.key();
    String name = Shell.quote(account.name());
    String tenant = Shell.quote(key.tenant());
    return switch (key.system()) {
      case AWS_IAM ->
          account.isAwsRoot()
              ? "Sign in as root to account "
                  + tenant
                  + ", delete any root access keys (IAM > Security credentials) and keep the root"
                  + " password and MFA device in the break-glass safe; with AWS Organizations,"
                  + " remove root credentials centrally (aws iam delete-login-profile is not"
                  + " available for root)."
              : account.kind() == AccountKind.ROLE
                  ? disableRole(tenant, name)
                  : "In account "
                      + tenant
                      + ": aws iam delete-login-profile --user-name "
                      + name
                      + "; for each key in aws iam list-access-keys --user-name "
                      + name
                      + ": aws iam update-access-key --user-name "
                      + name
                      + " --access-key-id KEY_ID --status Inactive; then, once confirmed,"
                      + " aws iam delete-user (after removing keys, MFA devices, groups and policies).";
      case AWS_IDENTITY_CENTER ->
          "IAM Identity Center > Users > "
              + name
              + " > Disable user access (aws identitystore has no disable call; remove its"
              + " account assignments with aws sso-admin delete-account-assignment).";
      case GOOGLE_WORKSPACE ->
          "Google Admin console > Directory > Users > "
              + name
              + " > Suspend user (or: gam update user "
              + name
              + " suspended on).";
      case ATLAS_ORG ->
          "Atlas > Organization "
              + tenant
              + " > Access Manager > Users > remove "
              + name
              + " (Admin API: DELETE /api/atlas/v2/orgs/"
              + UrlPath.segment(key.tenant())
              + "/users/"
              + UrlPath.segment(key.nativeId())
              + ").";
      case ATLAS_DATABASE ->
          "atlas dbusers delete "
              + name
              + " --projectId "
              + tenant
              // Users authenticated outside Atlas (AWS IAM, X.509, LDAP, OIDC) live in $external.
              + (key.nativeId().startsWith("$external/") ? " --authDB '$external'" : "")
              + " (Atlas > Database Access in the project).";
    };
  }

  /**
   * A role has no password or keys to switch off: new sessions stop when its trust admits nobody,
   * and sessions already issued (valid up to 12 hours) only when they are revoked.
   *
   * @param tenant the account id, quoted
   * @param role the role's name, quoted
   */
  private static String disableRole(String tenant, String role) {
    return "In account "
        + tenant
        + ": stop new sessions by replacing the trust policy of "
        + role
        + " with one that allows nobody: aws iam update-assume-role-policy --role-name "
        + role
        + " --policy-document"
        + " '{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
        + "\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\"}]}'"
        + "; revoke its active sessions (IAM > Roles > "
        + role
        + " > Revoke active sessions, which adds the AWSRevokeOlderSessions inline policy); then,"
        + " once confirmed, detach and delete its policies (aws iam detach-role-policy, aws iam"
        + " delete-role-policy), remove it from its instance profiles (aws iam"
        + " remove-role-from-instance-profile) and aws iam delete-role --role-name "
        + role
        + ".";
  }

  /** How to turn on a second factor. */
  static String enableMfa(Account account) {
    AccountKey key = account.key();
    String name = Shell.quote(account.name());
    return switch (key.system()) {
      case AWS_IAM ->
          account.isAwsRoot()
              ? "Sign in as root to account "
                  + Shell.quote(key.tenant())
                  + " > Security credentials > Assign MFA device (a FIDO security key or a"
                  + " hardware TOTP kept in the break-glass safe)."
              : "IAM > Users > "
                  + name
                  + " > Security credentials > Assign MFA device; enforce it with a policy that"
                  + " denies all but MFA setup when aws:MultiFactorAuthPresent is false.";
      case GOOGLE_WORKSPACE ->
          "Have "
              + name
              + " enrol in 2-Step Verification, then enforce it: Admin console > Security >"
              + " Authentication > 2-step verification > Enforcement, for the user's OU.";
      case ATLAS_ORG ->
          "Atlas > Organization Settings > Require Multi-Factor Authentication, or federate"
              + " Atlas with the identity provider that enforces MFA.";
      default -> "Require a second factor for " + name + " at its sign-in.";
    };
  }
}
