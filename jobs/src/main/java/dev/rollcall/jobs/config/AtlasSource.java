package dev.rollcall.jobs.config;

import dev.rollcall.connectors.atlas.pull.AtlasConnector;
import dev.rollcall.connectors.atlas.pull.AtlasCredentials;
import dev.rollcall.connectors.atlas.pull.AtlasSettings;
import java.net.URI;

/** Sources of type atlas: the keys of the configured kind from the environment. */
public final class AtlasSource {
  public static final LiveSource<AtlasSourceConfig, AtlasSettings, AtlasCredentials> LIVE =
      new LiveSource<>(
          new AtlasConnector(),
          AtlasSourceConfig.class,
          AtlasSourceConfig::defaults,
          AtlasSource::settings,
          (atlas, settings, environment) ->
              AtlasCredentials.fromEnvironment(settings.auth(), environment));

  private AtlasSource() {}

  private static AtlasSettings settings(AtlasSourceConfig atlas) {
    AtlasSettings settings =
        AtlasSettings.of(
            atlas.organizations(),
            atlas.auth().equals("apiKey")
                ? AtlasSettings.Auth.API_KEY
                : AtlasSettings.Auth.SERVICE_ACCOUNT);
    return atlas.baseUrl() == null ? settings : settings.withBaseUrl(URI.create(atlas.baseUrl()));
  }
}
