package dev.rollcall.jobs.config;

import dev.rollcall.connectors.aws.pull.AwsConnector;
import dev.rollcall.connectors.aws.pull.AwsPullSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;

/** Sources of type aws: credentials from the SDK's default chain, or the configured profile. */
public final class AwsSource {
  public static final LiveSource<AwsSourceConfig, AwsPullSettings, AwsCredentialsProvider> LIVE =
      new LiveSource<>(
          new AwsConnector(),
          AwsSourceConfig.class,
          AwsSourceConfig::defaults,
          AwsSource::settings,
          AwsSource::credentials);

  private AwsSource() {}

  private static AwsPullSettings settings(AwsSourceConfig aws) {
    return new AwsPullSettings(
        aws.region(),
        aws.endpoint() == null ? null : URI.create(aws.endpoint()),
        aws.organization(),
        aws.memberRole(),
        aws.externalId(),
        aws.accounts(),
        aws.identityCenter(),
        aws.parallelism(),
        new AwsPullSettings.Retry(
            aws.maxAttempts(),
            AwsPullSettings.Retry.DEFAULT.baseDelay(),
            AwsPullSettings.Retry.DEFAULT.maxDelay()),
        Duration.ofMinutes(5));
  }

  private static AwsCredentialsProvider credentials(
      AwsSourceConfig aws, AwsPullSettings settings, Map<String, String> environment) {
    return aws.profile() != null
        ? ProfileCredentialsProvider.create(aws.profile())
        : DefaultCredentialsProvider.builder().build();
  }
}
