package dev.rollcall.rules;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.Credential;
import dev.rollcall.model.CredentialType;
import dev.rollcall.model.SourceSystem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The concrete commands that retire, rotate or reset one credential of an account, so that the
 * credential rules end with a fix an SRE can run; taking a whole account away is {@link Remedies}.
 * Values from the source are written by {@link Shell#quote}, credential labels by {@link
 * Shell#oneLine}.
 */
final class CredentialRemedies {
  /** The label {@code ApiKeyMapper} gives an Atlas programmatic API key's only credential. */
  static final String ATLAS_API_KEY = "programmatic API key";

  private CredentialRemedies() {}

  /** How to take away one credential nobody uses. */
  static String retire(Account account, Credential credential) {
    AccountKey key = account.key();
    String name = Shell.quote(account.name());
    String tenant = Shell.quote(key.tenant());
    if (key.system() == SourceSystem.AWS_IAM && credential.type() == CredentialType.ACCESS_KEY) {
      return account.isAwsRoot()
          ? rootKey(account, credential)
          : "In account "
              + tenant
              + ": aws iam list-access-keys --user-name "
              + name
              + " ("
              + created(credential)
              + ": find its KEY_ID by CreateDate); aws iam update-access-key --user-name "
              + name
              + " --access-key-id KEY_ID --status Inactive; once nothing breaks, aws iam"
              + " delete-access-key --user-name "
              + name
              + " --access-key-id KEY_ID.";
    }
    if (key.system() == SourceSystem.AWS_IAM
        && credential.type() == CredentialType.CONSOLE_PASSWORD) {
      return "In account "
          + tenant
          + ": aws iam delete-login-profile --user-name "
          + name
          + " (IAM > Users > "
          + name
          + " > Security credentials > Console sign-in > Disable).";
    }
    if (key.system() == SourceSystem.ATLAS_ORG && credential.type() == CredentialType.ACCESS_KEY) {
      // A service account has up to two secrets, each deleted on its own:
      // https://www.mongodb.com/docs/api/doc/atlas-admin-api-v2/operation/operation-deleteserviceaccountsecret
      return credential.label().equals(ATLAS_API_KEY)
          ? "atlas organizations apiKeys delete "
              + Shell.quote(key.nativeId())
              + " --orgId "
              + tenant
              + " (Atlas > Organization Access Manager > Applications > API Keys)."
          : "Atlas > Organization Access Manager > Applications > Service Accounts > "
              + name
              + ": delete "
              + Shell.oneLine(credential.label())
              + " (Admin API: DELETE "
              + serviceAccount(key)
              + "/secrets/SECRET_ID).";
    }
    // A Google or Atlas UI password, or a database user's password, is the account's only way in.
    return Remedies.disable(account);
  }

  /** How to replace a key that has lived longer than the rotation period. */
  static String rotate(Account account, Credential credential) {
    AccountKey key = account.key();
    String name = Shell.quote(account.name());
    String tenant = Shell.quote(key.tenant());
    if (key.system() == SourceSystem.AWS_IAM) {
      return account.isAwsRoot()
          ? rootKey(account, credential)
          : "In account "
              + tenant
              + ": aws iam create-access-key --user-name "
              + name
              + " (a user holds at most two keys: retire an unused one first); move every"
              + " client of the old key ("
              + created(credential)
              + ") to the new one; aws iam update-access-key --user-name "
              + name
              + " --access-key-id OLD_KEY_ID --status Inactive; once nothing breaks, aws iam"
              + " delete-access-key --user-name "
              + name
              + " --access-key-id OLD_KEY_ID. Better still, replace the key with a role and"
              + " temporary credentials.";
    }
    if (key.system() == SourceSystem.ATLAS_ORG && !credential.label().equals(ATLAS_API_KEY)) {
      String secrets = serviceAccount(key);
      return "Atlas > Organization Access Manager > Applications > Service Accounts > "
          + name
          + ": generate a new secret (Admin API: POST "
          + secrets
          + "/secrets), move every client to it, then delete "
          + Shell.oneLine(credential.label())
          + " (DELETE "
          + secrets
          + "/secrets/SECRET_ID).";
    }
    if (key.system() == SourceSystem.ATLAS_ORG) {
      return "Create a new Atlas API key with the same roles and access list, move every client to"
          + " it, then: atlas organizations apiKeys delete "
          + Shell.quote(key.nativeId())
          + " --orgId "
          + tenant
          + ".";
    }
    return "Create a new "
        + Shell.oneLine(credential.label())
        + " for "
        + name
        + " and retire the old one.";
  }

  /**
   * How to get back to one active key.
   *
   * @param keys the active keys, least recently used first; the last is the one to keep
   */
  static String keepOneKey(Account account, List<Credential> keys) {
    Credential keep = keys.get(keys.size() - 1);
    String retire =
        keys.subList(0, keys.size() - 1).stream()
            .map(k -> Shell.oneLine(k.label()) + (CredentialFacts.used(k) ? "" : " (never used)"))
            .collect(Collectors.joining(", "));
    return "Retire "
        + retire
        + " and keep "
        + Shell.oneLine(keep.label())
        + ", the most recently used, once you have checked that no client still needs the others: "
        + retire(account, keys.get(0))
        + " A second key is for a rotation in progress only.";
  }

  /** How to make a person choose a new console password now, and have the account enforce it. */
  static String resetPassword(Account account) {
    // update-account-password-policy resets every setting it is not given to its default:
    // https://docs.aws.amazon.com/cli/latest/reference/iam/update-account-password-policy.html
    AccountKey key = account.key();
    return "In account "
        + Shell.quote(key.tenant())
        + ": aws iam update-login-profile --user-name "
        + Shell.quote(account.name())
        + " --password-reset-required (a new password at the next sign-in); enforce the"
        + " policy's maximum age with aws iam update-account-password-policy --max-password-age"
        + " DAYS, passing your other current settings too, since that call resets any it is not"
        + " given. The account-wide maximum applies to everyone: a shorter age for"
        + " administrators needs this reset, or federated sign-in through the identity provider.";
  }

  private static String rootKey(Account account, Credential credential) {
    return "Sign in as root to account "
        + Shell.quote(account.key().tenant())
        + " > Security credentials > Access keys: delete the key ("
        + created(credential)
        + "; root keys cannot be managed with the IAM CLI; use a role instead).";
  }

  private static String created(Credential credential) {
    String label = Shell.oneLine(credential.label());
    return credential.created() == null
        ? label
        : label + ", created " + Facts.day(credential.created());
  }

  /** The Admin API path of an Atlas service account. */
  private static String serviceAccount(AccountKey key) {
    return "/api/atlas/v2/orgs/"
        + UrlPath.segment(key.tenant())
        + "/serviceAccounts/"
        + UrlPath.segment(key.nativeId());
  }
}
