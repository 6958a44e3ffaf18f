package dev.rollcall.jobs.config;

import dev.rollcall.connectors.pull.Connector;
import dev.rollcall.connectors.pull.DoctorCheck;
import dev.rollcall.connectors.pull.SnapshotPuller;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A type of live source bound to its connector: the block a source of this type writes in the
 * configuration (under a key named as its type, e.g. {@code aws:}), how that block becomes the
 * connector's settings, and where its credentials come from (never the configuration file).
 *
 * @param connector the connector that pulls sources of this type; its name is the type
 * @param block the type the source's block is read into
 * @param missingBlock the block of a source that writes none; throws IllegalArgumentException,
 *     saying what is needed, where a block is required
 * @param settings the connector's settings from a source's block; IllegalArgumentException when
 *     they are wrong
 * @param credentials the credentials of a source
 * @param <B> the block's type
 * @param <S> the connector's settings
 * @param <C> the connector's credentials
 */
public record LiveSource<B, S, C>(
    Connector<S, C> connector,
    Class<B> block,
    Supplier<B> missingBlock,
    Settings<B, S> settings,
    Credentials<B, S, C> credentials) {

  /** The connector's settings from a source's block of the configuration. */
  @FunctionalInterface
  public interface Settings<B, S> {
    S of(B block);
  }

  /** Where the credentials of one source come from. */
  @FunctionalInterface
  public interface Credentials<B, S, C> {
    C of(B block, S settings, Map<String, String> environment);
  }

  public LiveSource {
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(missingBlock, "missingBlock");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(credentials, "credentials");
  }

  /** The {@code type} of the sources it pulls, and the key of their block. */
  public String type() {
    return connector.name();
  }

  /** The same source type with other credentials (test servers). */
  public LiveSource<B, S, C> withCredentials(Credentials<B, S, C> other) {
    return new LiveSource<>(connector, block, missingBlock, settings, other);
  }

  /** A source's settings; a configuration error names the source when they are wrong. */
  public S settingsOf(SourceConfig source) {
    try {
      return settings.of(blockOf(source));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "source " + source.name() + ": " + connector.name() + ": " + e.getMessage(), e);
    }
  }

  /** The pullers of a source, with its credentials from {@code environment}. */
  public List<SnapshotPuller> pullers(SourceConfig source, Map<String, String> environment) {
    S pull = settingsOf(source);
    try {
      return connector.pullers(pull, credentials.of(blockOf(source), pull, environment));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("source " + source.name() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The doctor's checks of a source. Credentials that cannot even be built (a variable not set, a
   * key file that is not one) are one failed check.
   */
  public List<DoctorCheck> doctor(SourceConfig source, Map<String, String> environment) {
    try {
      S pull = settingsOf(source);
      return connector.doctor(pull, credentials.of(blockOf(source), pull, environment));
    } catch (IllegalArgumentException | ConfigException e) {
      return List.of(new DoctorCheck("credentials", true, false, e.getMessage()));
    }
  }

  private B blockOf(SourceConfig source) {
    if (!source.type().equals(type())) {
      throw new IllegalArgumentException(
          "source " + source.name() + " is of type " + source.type() + ", not " + type());
    }
    return block.cast(source.block());
  }
}
