package dev.rollcall.connectors.aws.pull;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Builds the SDK clients of one pull: one shared HTTP client, the configured retry strategy (the
 * SDK's standard strategy: throttling and 5xx retried with exponential backoff and full jitter,
 * bounded), the endpoint override for emulators, and a request counter.
 */
final class AwsClients {
  private final AwsPullSettings settings;
  private final SdkHttpClient http;

  AwsClients(AwsPullSettings settings, SdkHttpClient http) {
    this.settings = settings;
    this.http = http;
  }

  IamClient iam(AwsCredentialsProvider credentials, RequestCounter counter) {
    // IAM is global: its endpoint and signing region come from the aws-global pseudo-region.
    Region region = settings.endpoint() == null ? Region.AWS_GLOBAL : Region.of(settings.region());
    return configure(IamClient.builder(), region, credentials, counter).build();
  }

  StsClient sts(AwsCredentialsProvider credentials, RequestCounter counter) {
    return configure(StsClient.builder(), regional(), credentials, counter).build();
  }

  OrganizationsClient organizations(AwsCredentialsProvider credentials, RequestCounter counter) {
    return configure(OrganizationsClient.builder(), regional(), credentials, counter).build();
  }

  SsoAdminClient ssoAdmin(AwsCredentialsProvider credentials, RequestCounter counter) {
    return configure(SsoAdminClient.builder(), regional(), credentials, counter).build();
  }

  IdentitystoreClient identityStore(AwsCredentialsProvider credentials, RequestCounter counter) {
    return configure(IdentitystoreClient.builder(), regional(), credentials, counter).build();
  }

  /** The ARN of the read-only role rollcall assumes in a member account. */
  String memberRoleArn(String accountId) {
    return "arn:aws:iam::" + accountId + ":role/" + settings.memberRoleName();
  }

  /**
   * The member role's credentials, assumed through {@code sts} when first resolved, with the
   * external id its trust policy demands.
   */
  StsAssumeRoleCredentialsProvider memberRole(StsClient sts, String accountId, String session) {
    return StsAssumeRoleCredentialsProvider.builder()
        .stsClient(sts)
        .refreshRequest(
            r -> {
              r.roleArn(memberRoleArn(accountId)).roleSessionName(session);
              if (settings.externalId() != null) {
                r.externalId(settings.externalId());
              }
            })
        .build();
  }

  private Region regional() {
    return Region.of(settings.region());
  }

  private <
          B extends
              AwsClientBuilder<B, ?>
                  & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>>
      B configure(
          B builder, Region region, AwsCredentialsProvider credentials, RequestCounter counter) {
    builder
        .region(region)
        .credentialsProvider(credentials)
        .httpClient(http)
        .overrideConfiguration(
            ClientOverrideConfiguration.builder()
                .retryStrategy(retryStrategy(settings.retry()))
                .addExecutionInterceptor(counter)
                .build());
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint());
    }
    return builder;
  }

  static RetryStrategy retryStrategy(AwsPullSettings.Retry retry) {
    BackoffStrategy backoff = BackoffStrategy.exponentialDelay(retry.baseDelay(), retry.maxDelay());
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(retry.maxAttempts())
        .backoffStrategy(backoff)
        .throttlingBackoffStrategy(backoff)
        .circuitBreakerEnabled(false)
        .build();
  }
}
