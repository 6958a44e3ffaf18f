package dev.rollcall.jobs.config;

/**
 * How a Google Workspace source is pulled: a service account with domain-wide delegation acting as
 * {@code adminSubject}. The service account's JSON key is read from the file whose path is in the
 * environment variable ROLLCALL_GOOGLE_KEY_FILE, never from this file.
 *
 * @param domain the primary domain (the tenant)
 * @param adminSubject the admin the service account acts as (read-only custom role)
 * @param customer the customer id (default my_customer)
 * @param loginAuditDays days of login audit to read, 0 to 180 (default 30; 0 reads none)
 * @param includeDeleted also list users deleted in the last 20 days (default true)
 * @param includeGroups also list groups and their members (default true)
 * @param rootUrl the Admin SDK's root URL, for tests only; null for Google
 * @param serviceAccount the service account's email for keyless access: Application Default
 *     Credentials sign its delegation JWT through the IAM Credentials API (no key file); null to
 *     use the key file named by ROLLCALL_GOOGLE_KEY_FILE
 */
public record GoogleSourceConfig(
    String domain,
    String adminSubject,
    String customer,
    Integer loginAuditDays,
    Boolean includeDeleted,
    Boolean includeGroups,
    String rootUrl,
    String serviceAccount) {
  public GoogleSourceConfig {
    if (domain == null || domain.isBlank()) {
      throw new IllegalArgumentException("domain is required (the primary domain)");
    }
    if (adminSubject == null || adminSubject.isBlank()) {
      throw new IllegalArgumentException(
          "adminSubject is required (the admin the service account acts as)");
    }
    serviceAccount =
        serviceAccount == null || serviceAccount.isBlank() ? null : serviceAccount.strip();
    if (serviceAccount != null && !serviceAccount.contains("@")) {
      throw new IllegalArgumentException(
          "serviceAccount must be the service account's email"
              + " (NAME@PROJECT.iam.gserviceaccount.com)");
    }
    includeDeleted = includeDeleted == null || includeDeleted;
    includeGroups = includeGroups == null || includeGroups;
  }
}
