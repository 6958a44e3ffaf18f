package dev.rollcall.jobs.config;

import java.util.List;

/**
 * How an AWS source is pulled. Credentials come from the AWS SDK's default chain (environment,
 * shared profiles, SSO, container or instance role), or from the named profile; never from this
 * file.
 *
 * @param profile a named profile of the shared AWS config files; null for the default chain
 * @param region the region for STS, Organizations and Identity Center (IAM is global)
 * @param endpoint an endpoint for every service, for AWS emulators only; null for AWS
 * @param organization list the organisation's active accounts and audit each through memberRole
 * @param memberRole the read-only role name in every member account (infra/aws/)
 * @param externalId the external id the member role's trust policy requires, if any
 * @param accounts member accounts to audit through memberRole without listing the organisation
 * @param identityCenter also pull IAM Identity Center users and their assignments
 * @param parallelism how many accounts are pulled at once (default 4)
 * @param maxAttempts attempts per request when AWS throttles or fails (default 8)
 */
public record AwsSourceConfig(
    String profile,
    String region,
    String endpoint,
    Boolean organization,
    String memberRole,
    String externalId,
    List<String> accounts,
    Boolean identityCenter,
    Integer parallelism,
    Integer maxAttempts) {
  public AwsSourceConfig {
    accounts = accounts == null ? List.of() : List.copyOf(accounts);
    organization = organization != null && organization;
    identityCenter = identityCenter != null && identityCenter;
    parallelism = parallelism == null ? 4 : parallelism;
    maxAttempts = maxAttempts == null ? 8 : maxAttempts;
    if (parallelism < 1 || parallelism > 64) {
      throw new IllegalArgumentException("parallelism must be 1 to 64, was " + parallelism);
    }
    if (maxAttempts < 1 || maxAttempts > 20) {
      throw new IllegalArgumentException("maxAttempts must be 1 to 20, was " + maxAttempts);
    }
    if (endpoint != null && !endpoint.startsWith("http://") && !endpoint.startsWith("https://")) {
      throw new IllegalArgumentException("endpoint must be an http:// or https:// URL");
    }
  }

  public static AwsSourceConfig defaults() {
    return new AwsSourceConfig(null, null, null, null, null, null, null, null, null, null);
  }
}
