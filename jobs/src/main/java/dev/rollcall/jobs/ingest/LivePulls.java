package dev.rollcall.jobs.ingest;

import com.google.auth.oauth2.GoogleCredentials;
import dev.rollcall.connectors.atlas.pull.AtlasCredentials;
import dev.rollcall.connectors.atlas.pull.AtlasDoctor;
import dev.rollcall.connectors.atlas.pull.AtlasPuller;
import dev.rollcall.connectors.atlas.pull.AtlasSettings;
import dev.rollcall.connectors.aws.pull.AwsDoctor;
import dev.rollcall.connectors.aws.pull.AwsPullSettings;
import dev.rollcall.connectors.aws.pull.AwsPuller;
import dev.rollcall.connectors.aws.pull.IdentityCenterPuller;
import dev.rollcall.connectors.google.pull.GoogleDoctor;
import dev.rollcall.connectors.google.pull.GooglePullSettings;
import dev.rollcall.connectors.google.pull.GooglePuller;
import dev.rollcall.connectors.google.pull.GoogleServiceAccount;
import dev.rollcall.connectors.pull.DoctorCheck;
import dev.rollcall.connectors.pull.SnapshotPuller;
import dev.rollcall.connectors.pull.TenantPull;
import dev.rollcall.jobs.config.AtlasSourceConfig;
import dev.rollcall.jobs.config.AwsSourceConfig;
import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.jobs.config.GoogleSourceConfig;
import dev.rollcall.jobs.config.SourceConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
   * @param folder the system folder under the snapshot root (aws, google, atlas …)
   * @param tenant how the tenant's pull went
   */
  public record Pulled(SourceConfig source, String folder, TenantPull tenant) {}

  /** Where each system's credentials come from. */
  public interface Credentials {
    AwsCredentialsProvider aws(AwsSourceConfig config);

    GoogleCredentials google(GoogleSourceConfig config);

    AtlasCredentials atlas(AtlasSourceConfig config, AtlasSettings.Auth auth);
  }

  private final Credentials credentials;

  /**
   * Pulls with each system's usual credentials: the AWS SDK's default chain (or the configured
   * profile), the Google key file named by ROLLCALL_GOOGLE_KEY_FILE, Atlas keys from the
   * environment.
   */
  public LivePulls(Map<String, String> environment) {
    this(
        new Credentials() {
          @Override
          public AwsCredentialsProvider aws(AwsSourceConfig config) {
            return config.profile() != null
                ? ProfileCredentialsProvider.create(config.profile())
                : DefaultCredentialsProvider.builder().build();
          }

          @Override
          public GoogleCredentials google(GoogleSourceConfig config) {
            return GoogleServiceAccount.fromEnvironment(environment, config.adminSubject());
          }

          @Override
          public AtlasCredentials atlas(AtlasSourceConfig config, AtlasSettings.Auth auth) {
            return AtlasCredentials.fromEnvironment(auth, environment);
          }
        });
  }

  /** Pulls with the given credentials (tests). */
  public LivePulls(Credentials credentials) {
    this.credentials = credentials;
  }

  /** Checks every live source's settings before anything is pulled or written. */
  public static void check(List<SourceConfig> sources) {
    for (SourceConfig source : sources) {
      switch (source.type()) {
        case AWS -> awsSettings(source);
        case GOOGLE -> googleSettings(source);
        case ATLAS -> atlasSettings(source);
        case SNAPSHOT -> {}
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

  /**
   * Checks a live source's credentials and permissions without pulling: {@code rollcall doctor}.
   * Credentials that cannot even be built (a variable not set, a key file that is not one) are one
   * failed check.
   */
  public List<DoctorCheck> doctor(SourceConfig source) {
    try {
      return switch (source.type()) {
        case AWS -> new AwsDoctor(awsSettings(source), credentials.aws(source.aws())).run();
        case GOOGLE ->
            new GoogleDoctor(googleSettings(source), credentials.google(source.google())).run();
        case ATLAS -> {
          AtlasSettings settings = atlasSettings(source);
          yield new AtlasDoctor(settings, credentials.atlas(source.atlas(), settings.auth())).run();
        }
        case SNAPSHOT -> List.of();
      };
    } catch (IllegalArgumentException | ConfigException e) {
      return List.of(new DoctorCheck("credentials", true, false, e.getMessage()));
    }
  }

  private List<SnapshotPuller> pullers(SourceConfig source) {
    try {
      return switch (source.type()) {
        case AWS -> {
          AwsPullSettings settings = awsSettings(source);
          AwsCredentialsProvider aws = credentials.aws(source.aws());
          yield settings.identityCenter()
              ? List.of(new AwsPuller(settings, aws), new IdentityCenterPuller(settings, aws))
              : List.of(new AwsPuller(settings, aws));
        }
        case GOOGLE ->
            List.of(new GooglePuller(googleSettings(source), credentials.google(source.google())));
        case ATLAS -> {
          AtlasSettings settings = atlasSettings(source);
          yield List.of(
              new AtlasPuller(settings, credentials.atlas(source.atlas(), settings.auth())));
        }
        case SNAPSHOT -> throw new IllegalArgumentException(source.name() + " is not live");
      };
    } catch (IllegalArgumentException e) {
      throw new ConfigException("source " + source.name() + ": " + e.getMessage(), e);
    }
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

  static GooglePullSettings googleSettings(SourceConfig source) {
    GoogleSourceConfig google = source.google();
    try {
      GooglePullSettings settings =
          GooglePullSettings.defaults(google.domain(), google.adminSubject())
              .withOptionalListings(google.includeDeleted(), google.includeGroups());
      if (google.customer() != null) {
        settings = settings.withCustomer(google.customer());
      }
      if (google.loginAuditDays() != null) {
        settings = settings.withLoginAuditDays(google.loginAuditDays());
      }
      if (google.rootUrl() != null) {
        settings = settings.withRootUrl(URI.create(google.rootUrl()));
      }
      return settings;
    } catch (IllegalArgumentException e) {
      throw new ConfigException("source " + source.name() + ": google: " + e.getMessage(), e);
    }
  }

  static AtlasSettings atlasSettings(SourceConfig source) {
    AtlasSourceConfig atlas = source.atlas();
    try {
      AtlasSettings settings =
          AtlasSettings.of(
              atlas.organizations(),
              atlas.auth().equals("apiKey")
                  ? AtlasSettings.Auth.API_KEY
                  : AtlasSettings.Auth.SERVICE_ACCOUNT);
      return atlas.baseUrl() == null ? settings : settings.withBaseUrl(URI.create(atlas.baseUrl()));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("source " + source.name() + ": atlas: " + e.getMessage(), e);
    }
  }
}
