package dev.rollcall.model;

/** The ways into an account. Interactive ones are those a person types or taps at a login page. */
public enum CredentialType {
  /** A password that signs in to a console or web UI (AWS console, Google, Atlas UI). */
  CONSOLE_PASSWORD(true),
  /** Single sign-on through an identity provider (Identity Center, Atlas federated login). */
  FEDERATED_LOGIN(true),
  /** A long-lived API key pair (AWS access key, Atlas programmatic API key). */
  ACCESS_KEY(false),
  /** A database user's SCRAM password. */
  DATABASE_PASSWORD(false),
  /** An X.509 certificate (AWS signing certificate, Atlas X.509 database user). */
  X509_CERTIFICATE(false),
  /** Authentication delegated to AWS IAM, LDAP or OIDC for a database user. */
  EXTERNAL_AUTH(false);

  private final boolean interactive;

  CredentialType(boolean interactive) {
    this.interactive = interactive;
  }

  public boolean interactive() {
    return interactive;
  }
}
