package dev.rollcall.jobs.config;

import com.google.auth.oauth2.GoogleCredentials;
import dev.rollcall.connectors.google.pull.GoogleConnector;
import dev.rollcall.connectors.google.pull.GooglePullSettings;
import dev.rollcall.connectors.google.pull.GoogleServiceAccount;
import java.net.URI;

/**
 * Sources of type google: keyless through Application Default Credentials when {@code
 * serviceAccount} is given, else the key file named by ROLLCALL_GOOGLE_KEY_FILE.
 */
public final class GoogleSource {
  public static final LiveSource<GoogleSourceConfig, GooglePullSettings, GoogleCredentials> LIVE =
      new LiveSource<>(
          new GoogleConnector(),
          GoogleSourceConfig.class,
          () -> {
            throw new IllegalArgumentException(
                "a google source needs a google block with domain and adminSubject");
          },
          GoogleSource::settings,
          (google, settings, environment) ->
              google.serviceAccount() != null
                  ? GoogleServiceAccount.keyless(google.serviceAccount(), google.adminSubject())
                  : GoogleServiceAccount.fromEnvironment(environment, google.adminSubject()));

  private GoogleSource() {}

  private static GooglePullSettings settings(GoogleSourceConfig google) {
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
