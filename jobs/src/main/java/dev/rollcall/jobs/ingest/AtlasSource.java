package dev.rollcall.jobs.ingest;

import dev.rollcall.connectors.atlas.pull.AtlasConnector;
import dev.rollcall.connectors.atlas.pull.AtlasCredentials;
import dev.rollcall.connectors.atlas.pull.AtlasSettings;
import dev.rollcall.jobs.config.AtlasSourceConfig;
import dev.rollcall.jobs.config.SourceConfig;
import dev.rollcall.jobs.config.SourceConfig.SourceType;
import java.net.URI;

/** Sources of type atlas: the keys of the configured kind from the environment. */
final class AtlasSource {
  static final LiveSource<AtlasSettings, AtlasCredentials> LIVE =
      new LiveSource<>(
          SourceType.ATLAS,
          new AtlasConnector(),
          AtlasSource::settings,
          (source, settings, environment) ->
              AtlasCredentials.fromEnvironment(settings.auth(), environment));

  private AtlasSource() {}

  private static AtlasSettings settings(SourceConfig source) {
    AtlasSourceConfig atlas = source.atlas();
    AtlasSettings settings =
        AtlasSettings.of(
            atlas.organizations(),
            atlas.auth().equals("apiKey")
                ? AtlasSettings.Auth.API_KEY
                : AtlasSettings.Auth.SERVICE_ACCOUNT);
    return atlas.baseUrl() == null ? settings : settings.withBaseUrl(URI.create(atlas.baseUrl()));
  }
}
