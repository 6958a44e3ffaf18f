package dev.rollcall.jobs.ingest;

import com.google.auth.oauth2.GoogleCredentials;
import dev.rollcall.connectors.google.pull.GoogleConnector;
import dev.rollcall.connectors.google.pull.GooglePullSettings;
import dev.rollcall.connectors.google.pull.GoogleServiceAccount;
import dev.rollcall.jobs.config.GoogleSourceConfig;
import dev.rollcall.jobs.config.SourceConfig;
import dev.rollcall.jobs.config.SourceConfig.SourceType;
import java.net.URI;

/** Sources of type google: the key file named by ROLLCALL_GOOGLE_KEY_FILE. */
final class GoogleSource {
  static final LiveSource<GooglePullSettings, GoogleCredentials> LIVE =
      new LiveSource<>(
          SourceType.GOOGLE,
          new GoogleConnector(),
          GoogleSource::settings,
          (source, settings, environment) ->
              GoogleServiceAccount.fromEnvironment(environment, source.google().adminSubject()));

  private GoogleSource() {}

  private static GooglePullSettings settings(SourceConfig source) {
    GoogleSourceConfig google = source.google();
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
  }
}
