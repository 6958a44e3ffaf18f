package dev.rollcall.rules;

import dev.rollcall.model.Account;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Credential;
import dev.rollcall.model.CredentialType;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.SourceSystem;
import java.time.Instant;

/** The evidence lines the credential rules show about one credential, worded once. */
final class CredentialFacts {
  private CredentialFacts() {}

  /** A day and how long before the capture it was, e.g. {@code 2026-05-01 (203 days before…)}. */
  static String dayAndAge(Instant at, Account account) {
    return Facts.day(at)
        + " ("
        + Facts.daysBetween(at, account.observedAt())
        + " days "
        + Facts.beforeCapture(account)
        + ")";
  }

  /** The credential's creation (or last rotation) and its last use, labelled with its name. */
  static Evidence of(Credential credential, Account account) {
    String created =
        credential.created() == null
            ? "created: not recorded"
            // Only the AWS credential report dates a password's last change
            // (password_last_changed);
            // other sources date the account's creation.
            : (credential.type() == CredentialType.CONSOLE_PASSWORD
                        && account.key().system() == SourceSystem.AWS_IAM
                    ? "last changed "
                    : "created ")
                + dayAndAge(credential.created(), account);
    String used =
        switch (credential.usage()) {
          case USED -> "last used " + dayAndAge(credential.lastUsed(), account);
          case NEVER_USED -> "never used";
          case UNKNOWN -> "last use unknown";
        };
    return new Evidence(credential.label(), created + "; " + used);
  }

  /** True for a credential whose source says it has been used, and when. */
  static boolean used(Credential credential) {
    return credential.usage() == Activity.State.USED;
  }
}
