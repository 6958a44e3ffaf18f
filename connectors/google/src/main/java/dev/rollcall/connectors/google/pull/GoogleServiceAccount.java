package dev.rollcall.connectors.google.pull;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Builds the credentials of a live pull: a service account key with domain-wide delegation,
 * narrowed to {@link #READ_ONLY_SCOPES} and impersonating an admin
 * (https://developers.google.com/identity/protocols/oauth2/service-account#delegatingauthority).
 * The key never leaves this class's caller's memory: it is not logged and not written anywhere.
 */
public final class GoogleServiceAccount {

  /** The environment variable that holds the path of the service account's JSON key file. */
  public static final String KEY_FILE_ENV = "ROLLCALL_GOOGLE_KEY_FILE";

  /** Users and deleted users: users.list. */
  public static final String SCOPE_USERS =
      "https://www.googleapis.com/auth/admin.directory.user.readonly";

  /** Admin roles: roles.list and roleAssignments.list. */
  public static final String SCOPE_ROLES =
      "https://www.googleapis.com/auth/admin.directory.rolemanagement.readonly";

  /** Groups: groups.list and members.list. */
  public static final String SCOPE_GROUPS =
      "https://www.googleapis.com/auth/admin.directory.group.readonly";

  /** Login audit: Reports API activities.list. */
  public static final String SCOPE_AUDIT =
      "https://www.googleapis.com/auth/admin.reports.audit.readonly";

  /** Every scope a pull asks for, all read-only. */
  public static final List<String> READ_ONLY_SCOPES =
      List.of(SCOPE_USERS, SCOPE_ROLES, SCOPE_GROUPS, SCOPE_AUDIT);

  private GoogleServiceAccount() {}

  /**
   * Reads a service account key file and returns credentials scoped to {@link #READ_ONLY_SCOPES}
   * that act as {@code adminSubject}.
   *
   * @throws IllegalArgumentException when the file is not a service account key
   * @throws UncheckedIOException when it cannot be read
   */
  public static GoogleCredentials fromKeyFile(Path keyFile, String adminSubject) {
    GoogleCredentials credentials;
    try (InputStream in = Files.newInputStream(keyFile)) {
      credentials = GoogleCredentials.fromStream(in);
    } catch (IOException e) {
      // The message of a parse error names a field, never the key's value.
      throw new UncheckedIOException(
          keyFile + ": cannot read the Google service account key: " + e.getMessage(), e);
    }
    if (!(credentials instanceof ServiceAccountCredentials)) {
      throw new IllegalArgumentException(
          keyFile
              + ": not a service account key (\"type\": \"service_account\"); domain-wide"
              + " delegation needs one");
    }
    return credentials.createScoped(READ_ONLY_SCOPES).createDelegated(adminSubject);
  }

  /**
   * Keyless credentials: Application Default Credentials sign the delegation JWT as {@code
   * serviceAccount} through the IAM Credentials API (see {@link KeylessDelegatedCredentials}).
   *
   * @throws UncheckedIOException when no Application Default Credentials are found
   */
  public static GoogleCredentials keyless(String serviceAccount, String adminSubject) {
    GoogleCredentials source;
    try {
      source = GoogleCredentials.getApplicationDefault();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "no Application Default Credentials to impersonate "
              + serviceAccount
              + " with (GOOGLE_APPLICATION_CREDENTIALS, workload identity, a VM's service"
              + " account, or gcloud auth application-default login): "
              + e.getMessage(),
          e);
    }
    return new KeylessDelegatedCredentials(source, serviceAccount, adminSubject, READ_ONLY_SCOPES);
  }

  /**
   * As {@link #fromKeyFile}, with the key file named by {@value #KEY_FILE_ENV} in {@code env}.
   *
   * @throws IllegalArgumentException when the variable is not set
   */
  public static GoogleCredentials fromEnvironment(Map<String, String> env, String adminSubject) {
    String path = env.get(KEY_FILE_ENV);
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException(
          KEY_FILE_ENV + " is not set: it must hold the path of the service account's JSON key");
    }
    return fromKeyFile(Path.of(path.strip()), adminSubject);
  }
}
