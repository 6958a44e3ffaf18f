package dev.rollcall.rules;

import static dev.rollcall.rules.Fixtures.CAPTURED;
import static dev.rollcall.rules.Fixtures.daysAgo;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Credential;
import dev.rollcall.model.CredentialType;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.SourceSystem;
import java.time.Instant;
import java.util.List;

/** Credentials and non-AWS accounts for the credential and activity rule tests. */
final class CredentialFixtures {
  static final String ATLAS_ORG = "5f1a2b3c4d5e6f7a8b9c0d1e";
  static final String ATLAS_PROJECT = "6a1b2c3d4e5f6a7b8c9d0e1f";

  private CredentialFixtures() {}

  /** An active credential created {@code createdDaysAgo} ago, used {@code usedDaysAgo} ago. */
  static Credential used(CredentialType type, String label, long createdDaysAgo, long usedDaysAgo) {
    return new Credential(
        type, label, true, daysAgo(createdDaysAgo), daysAgo(usedDaysAgo), Activity.State.USED);
  }

  /** An active credential never used; {@code createdDaysAgo} null when the source gives no date. */
  static Credential neverUsed(CredentialType type, String label, Long createdDaysAgo) {
    Instant created = createdDaysAgo == null ? null : daysAgo(createdDaysAgo);
    return new Credential(type, label, true, created, null, Activity.State.NEVER_USED);
  }

  /** An active credential whose last use the source cannot tell. */
  static Credential unknownUse(CredentialType type, String label, long createdDaysAgo) {
    return new Credential(type, label, true, daysAgo(createdDaysAgo), null, Activity.State.UNKNOWN);
  }

  static Credential inactive(Credential credential) {
    return new Credential(
        credential.type(),
        credential.label(),
        false,
        credential.created(),
        credential.lastUsed(),
        credential.usage());
  }

  static Credential accessKey(int slot, long createdDaysAgo, long usedDaysAgo) {
    return used(CredentialType.ACCESS_KEY, "access key " + slot, createdDaysAgo, usedDaysAgo);
  }

  static Credential consolePassword(long changedDaysAgo, long usedDaysAgo) {
    return used(CredentialType.CONSOLE_PASSWORD, "console password", changedDaysAgo, usedDaysAgo);
  }

  static Account.Builder awsRoot() {
    return Account.builder(
            new AccountKey(SourceSystem.AWS_IAM, "111122223333", "root"), "root", CAPTURED)
        .lastActivity(Activity.usedAt(daysAgo(400), "password_last_used"))
        .mfa(Mfa.notEnabled("mfa_active=false"));
  }

  static Account.Builder atlasDatabaseUser(String name) {
    return Account.builder(
            new AccountKey(SourceSystem.ATLAS_DATABASE, ATLAS_PROJECT, "admin/" + name),
            name,
            CAPTURED)
        .kind(AccountKind.SERVICE, "SCRAM user")
        .lastActivity(Activity.unknown("no access history"))
        .mfa(Mfa.unknown("database users have no second factor"));
  }

  static Account.Builder atlasServiceAccount(String clientId) {
    return Account.builder(
            new AccountKey(SourceSystem.ATLAS_ORG, ATLAS_ORG, clientId), "etl-loader", CAPTURED)
        .kind(AccountKind.SERVICE, "Atlas service account")
        .created(daysAgo(400))
        .lastActivity(Activity.usedAt(daysAgo(1), "Atlas service account secret lastUsedAt"))
        .mfa(Mfa.unknown("service accounts have no second factor"));
  }

  static Account.Builder atlasApiKey(String id) {
    return Account.builder(
            new AccountKey(SourceSystem.ATLAS_ORG, ATLAS_ORG, id), "abcdefgh", CAPTURED)
        .kind(AccountKind.SERVICE, "Atlas programmatic API key")
        .lastActivity(Activity.unknown("Atlas API key access list not in snapshot"))
        .mfa(Mfa.unknown("programmatic API keys sign in with a key pair"));
  }

  static List<Credential> list(Credential... credentials) {
    return List.of(credentials);
  }
}
