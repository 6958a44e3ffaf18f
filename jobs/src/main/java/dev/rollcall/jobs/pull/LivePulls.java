package dev.rollcall.jobs.pull;

import dev.rollcall.connectors.aws.pull.AwsPullSettings;
import dev.rollcall.connectors.aws.pull.AwsPuller;
import dev.rollcall.connectors.aws.pull.IdentityCenterPuller;
import dev.rollcall.connectors.pull.SnapshotPuller;
import dev.rollcall.connectors.pull.TenantPull;
import dev.rollcall.jobs.config.AwsSourceConfig;
import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.jobs.config.SourceConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;

/**
 * Pulls the live sources of a configuration into a snapshot folder, in the shapes the snapshot
 * readers read, so that a live run and a replay of its snapshot are audited by the same code.
 */
public final class LivePulls {
  /**
   * One pulled tenant of a live source.
   *
   * @param source the configured source
   * @param folder the system folder under the snapshot root (aws, google, atlas)
   * @param tenant how the tenant's pull went
   */
  public record Pulled(SourceConfig source, String folder, TenantPull tenant) {}

  private final Function<AwsSourceConfig, AwsCredentialsProvider> awsCredentials;

  /** Pulls with the AWS SDK's default credential chain, or the configured profile. */
  public LivePulls() {
    this(
        aws ->
            aws.profile() != null
                ? ProfileCredentialsProvider.create(aws.profile())
                : DefaultCredentialsProvider.builder().build());
  }

  /** Pulls with the credentials {@code awsCredentials} gives for each AWS source (tests). */
  public LivePulls(Function<AwsSourceConfig, AwsCredentialsProvider> awsCredentials) {
    this.awsCredentials = awsCredentials;
  }

  /** Checks every live source's settings before anything is pulled or written. */
  public static void check(List<SourceConfig> sources) {
    for (SourceConfig source : sources) {
      if (source.type() == SourceConfig.SourceType.AWS) {
        awsSettings(source);
      }
    }
  }

  /** Pulls every live source into {@code snapshotRoot}; snapshot sources are skipped. */
  public List<Pulled> pull(List<SourceConfig> sources, Path snapshotRoot) {
    List<Pulled> pulled = new ArrayList<>();
    for (SourceConfig source : sources) {
      if (!source.type().live()) {
        continue;
      }
      for (SnapshotPuller puller : pullers(source)) {
        for (TenantPull tenant : puller.pull(snapshotRoot.resolve(puller.folder()))) {
          pulled.add(new Pulled(source, puller.folder(), tenant));
        }
      }
    }
    return pulled;
  }

  private List<SnapshotPuller> pullers(SourceConfig source) {
    return switch (source.type()) {
      case AWS -> {
        AwsPullSettings settings = awsSettings(source);
        AwsCredentialsProvider credentials = awsCredentials.apply(source.aws());
        yield settings.identityCenter()
            ? List.of(
                new AwsPuller(settings, credentials),
                new IdentityCenterPuller(settings, credentials))
            : List.of(new AwsPuller(settings, credentials));
      }
      case SNAPSHOT -> throw new IllegalArgumentException(source.name() + " is not live");
    };
  }

  static AwsPullSettings awsSettings(SourceConfig source) {
    AwsSourceConfig aws = source.aws();
    try {
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
    } catch (IllegalArgumentException e) {
      throw new ConfigException("source " + source.name() + ": aws: " + e.getMessage(), e);
    }
  }
}
