package dev.rollcall.jobs.ingest;

import dev.rollcall.connectors.pull.Connector;
import dev.rollcall.connectors.pull.DoctorCheck;
import dev.rollcall.connectors.pull.SnapshotPuller;
import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.jobs.config.SourceConfig;
import dev.rollcall.jobs.config.SourceConfig.SourceType;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A type of live source in the configuration bound to its connector: how a source's block becomes
 * the connector's settings, and where its credentials come from (never the configuration file).
 *
 * @param type the {@code type} of the sources it pulls
 * @param connector the connector that pulls them
 * @param settings the connector's settings from a source's block; IllegalArgumentException when
 *     they are wrong
 * @param credentials the credentials of a source
 */
public record LiveSource<S, C>(
    SourceType type,
    Connector<S, C> connector,
    Settings<S> settings,
    Credentials<S, C> credentials) {

  /** The connector's settings from a source's block of the configuration. */
  @FunctionalInterface
  public interface Settings<S> {
    S of(SourceConfig source);
  }

  /** Where the credentials of one source come from. */
  @FunctionalInterface
  public interface Credentials<S, C> {
    C of(SourceConfig source, S settings, Map<String, String> environment);
  }

  public LiveSource {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(credentials, "credentials");
    if (!type.live()) {
      throw new IllegalArgumentException(type + " sources are not pulled");
    }
  }

  /** The same source type with other credentials (test servers). */
  public LiveSource<S, C> withCredentials(Credentials<S, C> other) {
    return new LiveSource<>(type, connector, settings, other);
  }

  /** A source's settings; a configuration error names the source when they are wrong. */
  S settingsOf(SourceConfig source) {
    try {
      return settings.of(source);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "source " + source.name() + ": " + connector.name() + ": " + e.getMessage(), e);
    }
  }

  /** The pullers of a source, with its credentials from {@code environment}. */
  List<SnapshotPuller> pullers(SourceConfig source, Map<String, String> environment) {
    S pull = settingsOf(source);
    try {
      return connector.pullers(pull, credentials.of(source, pull, environment));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("source " + source.name() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The doctor's checks of a source. Credentials that cannot even be built (a variable not set, a
   * key file that is not one) are one failed check.
   */
  List<DoctorCheck> doctor(SourceConfig source, Map<String, String> environment) {
    try {
      S pull = settingsOf(source);
      return connector.doctor(pull, credentials.of(source, pull, environment));
    } catch (IllegalArgumentException | ConfigException e) {
      return List.of(new DoctorCheck("credentials", true, false, e.getMessage()));
    }
  }
}
