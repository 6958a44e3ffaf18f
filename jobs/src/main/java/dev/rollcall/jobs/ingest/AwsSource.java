package dev.rollcall.jobs.ingest;

import dev.rollcall.connectors.aws.pull.AwsConnector;
import dev.rollcall.connectors.aws.pull.AwsPullSettings;
import dev.rollcall.jobs.config.AwsSourceConfig;
import dev.rollcall.jobs.config.SourceConfig;
import dev.rollcall.jobs.config.SourceConfig.SourceType;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;

/** Sources of type aws: credentials from the SDK's default chain, or the configured profile. */
final class AwsSource {
  static final LiveSource<AwsPullSettings, AwsCredentialsProvider> LIVE =
      new LiveSource<>(
          SourceType.AWS, new AwsConnector(), AwsSource::settings, AwsSource::credentials);

  private AwsSource() {}

  private static AwsPullSettings settings(SourceConfig source) {
    AwsSourceConfig aws = source.aws();
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
      SourceConfig source, AwsPullSettings settings, Map<String, String> environment) {
    return source.aws().profile() != null
        ? ProfileCredentialsProvider.create(source.aws().profile())
        : DefaultCredentialsProvider.builder().build();
  }
}
