package dev.rollcall.rules;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;

/**
 * The concrete steps that give an account a stronger second factor, per system; values from the
 * source are written by {@link Shell#quote}.
 */
final class MfaRemedies {
  private MfaRemedies() {}

  /** How to register a phishing-resistant factor on the account and retire the weaker ones. */
  static String strongerFactor(Account account) {
    AccountKey key = account.key();
    String name = Shell.quote(account.name());
    return switch (key.system()) {
      case AWS_IAM ->
          account.isAwsRoot()
              ? "Sign in as root to account "
                  + Shell.quote(key.tenant())
                  + " > Security credentials > Multi-factor authentication > Assign MFA device:"
                  + " a passkey or security key (FIDO) or a hardware TOTP token, kept in the"
                  + " break-glass safe; then remove the weaker device from the same page."
              : "IAM > Users > "
                  + name
                  + " > Security credentials > Assign MFA device > Passkey or security key (or"
                  + " Hardware TOTP token); then remove the weaker device: aws iam"
                  + " deactivate-mfa-device --user-name "
                  + name
                  + " --serial-number SERIAL (and aws iam delete-virtual-mfa-device"
                  + " --serial-number SERIAL for a virtual one).";
      case AWS_IDENTITY_CENTER ->
          "IAM Identity Center > Settings > Authentication > Multi-factor authentication: allow"
              + " only security keys and built-in authenticators; then have "
              + name
              + " register one (Users > "
              + name
              + " > MFA devices > Register MFA device).";
      case GOOGLE_WORKSPACE ->
          "Have "
              + name
              + " add a security key or passkey (myaccount.google.com > Security > 2-Step"
              + " Verification), then allow only it: Admin console > Security > Authentication >"
              + " 2-step verification > Allowed methods > Only security key, for the OU or group"
              + " that holds "
              + name
              + ".";
      case ATLAS_ORG ->
          "Have "
              + name
              + " register a security key or biometric in Atlas (Account > Multi-factor"
              + " Authentication), or federate the organisation with an identity provider that"
              + " requires a phishing-resistant factor (Atlas > Organization Settings > Federation"
              + " Management).";
      case ATLAS_DATABASE ->
          "Database users have no second factor: move "
              + name
              + " to AWS IAM or OIDC authentication through an identity provider that requires a"
              + " security key.";
    };
  }
}
