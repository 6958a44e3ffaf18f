package dev.rollcall.connectors.google.pull;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * What a live Google Workspace pull asks for. Plain values: the CLI reads its configuration and
 * builds one of these; secrets are not here (see {@link GoogleServiceAccount}).
 *
 * @param domain the primary domain: the tenant and its snapshot folder name
 * @param customer the customer the Directory API lists, {@value #MY_CUSTOMER} for the account the
 *     admin belongs to
 * @param adminSubject the admin the service account impersonates (domain-wide delegation); named in
 *     error messages
 * @param loginAuditDays how many days of login audit to pull, 0 to 180 (the Reports API keeps six
 *     months); 0 pulls none
 * @param includeDeleted also list the users deleted in the last 20 days (users.list
 *     showDeleted=true), so that their owners count as having left
 * @param includeGroups also list groups and their members
 * @param rootUrl the Admin SDK root URL, {@value #DEFAULT_ROOT_URL} unless testing
 * @param maxRetries how many times one request is retried on 429, 5xx or an I/O error, 0 to 10
 * @param initialBackoff the first wait before a retry; later waits grow 1.5 times, with jitter
 * @param maxBackoff the longest single wait
 * @param timeout the connect and read timeout of one request
 */
public record GooglePullSettings(
    String domain,
    String customer,
    String adminSubject,
    int loginAuditDays,
    boolean includeDeleted,
    boolean includeGroups,
    URI rootUrl,
    int maxRetries,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration timeout) {

  /** The customer alias for the admin's own account. */
  public static final String MY_CUSTOMER = "my_customer";

  /** The Admin SDK's root URL, for the Directory and Reports APIs alike. */
  public static final String DEFAULT_ROOT_URL = "https://admin.googleapis.com/";

  /** The Reports API keeps login audit events for six months. */
  public static final int MAX_LOGIN_AUDIT_DAYS = 180;

  public GooglePullSettings {
    domain = required(domain, "domain").toLowerCase(Locale.ROOT);
    if (domain.contains("/") || domain.contains("\\") || domain.startsWith(".")) {
      throw new IllegalArgumentException("domain '" + domain + "' is not a domain name");
    }
    customer = required(customer, "customer");
    adminSubject = required(adminSubject, "adminSubject");
    if (!adminSubject.contains("@")) {
      throw new IllegalArgumentException(
          "adminSubject '" + adminSubject + "' must be the email address of an admin");
    }
    if (loginAuditDays < 0 || loginAuditDays > MAX_LOGIN_AUDIT_DAYS) {
      throw new IllegalArgumentException(
          "loginAuditDays must be 0 to " + MAX_LOGIN_AUDIT_DAYS + ", not " + loginAuditDays);
    }
    Objects.requireNonNull(rootUrl, "rootUrl");
    if (!rootUrl.isAbsolute()
        || !("https".equals(rootUrl.getScheme()) || "http".equals(rootUrl.getScheme()))) {
      throw new IllegalArgumentException("rootUrl must be an http(s) URL: " + rootUrl);
    }
    if (!rootUrl.toString().endsWith("/")) {
      rootUrl = URI.create(rootUrl + "/");
    }
    if (maxRetries < 0 || maxRetries > 10) {
      throw new IllegalArgumentException("maxRetries must be 0 to 10, not " + maxRetries);
    }
    positive(initialBackoff, "initialBackoff");
    positive(maxBackoff, "maxBackoff");
    positive(timeout, "timeout");
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("maxBackoff must not be shorter than initialBackoff");
    }
  }

  /**
   * The settings for production: my_customer, 30 days of login audit, deleted users and groups
   * included, 5 retries from 1 s up to 32 s apart, 60 s timeouts.
   */
  public static GooglePullSettings defaults(String domain, String adminSubject) {
    return new GooglePullSettings(
        domain,
        MY_CUSTOMER,
        adminSubject,
        30,
        true,
        true,
        URI.create(DEFAULT_ROOT_URL),
        5,
        Duration.ofSeconds(1),
        Duration.ofSeconds(32),
        Duration.ofSeconds(60));
  }

  /** The same settings with another customer id. */
  public GooglePullSettings withCustomer(String value) {
    return new GooglePullSettings(
        domain,
        value,
        adminSubject,
        loginAuditDays,
        includeDeleted,
        includeGroups,
        rootUrl,
        maxRetries,
        initialBackoff,
        maxBackoff,
        timeout);
  }

  /** The same settings with another login audit window; 0 pulls no audit. */
  public GooglePullSettings withLoginAuditDays(int value) {
    return new GooglePullSettings(
        domain,
        customer,
        adminSubject,
        value,
        includeDeleted,
        includeGroups,
        rootUrl,
        maxRetries,
        initialBackoff,
        maxBackoff,
        timeout);
  }

  /** The same settings with deleted users and groups pulled or not. */
  public GooglePullSettings withOptionalListings(boolean deletedUsers, boolean groups) {
    return new GooglePullSettings(
        domain,
        customer,
        adminSubject,
        loginAuditDays,
        deletedUsers,
        groups,
        rootUrl,
        maxRetries,
        initialBackoff,
        maxBackoff,
        timeout);
  }

  /** The same settings against another root URL (a local test server). */
  public GooglePullSettings withRootUrl(URI value) {
    return new GooglePullSettings(
        domain,
        customer,
        adminSubject,
        loginAuditDays,
        includeDeleted,
        includeGroups,
        value,
        maxRetries,
        initialBackoff,
        maxBackoff,
        timeout);
  }

  /** The same settings with another retry policy. */
  public GooglePullSettings withRetries(int retries, Duration initial, Duration max) {
    return new GooglePullSettings(
        domain,
        customer,
        adminSubject,
        loginAuditDays,
        includeDeleted,
        includeGroups,
        rootUrl,
        retries,
        initial,
        max,
        timeout);
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value.strip();
  }

  private static void positive(Duration value, String field) {
    Objects.requireNonNull(value, field);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be positive");
    }
  }
}
