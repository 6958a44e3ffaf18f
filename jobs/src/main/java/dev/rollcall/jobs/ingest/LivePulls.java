package dev.rollcall.jobs.ingest;

import dev.rollcall.connectors.pull.DoctorCheck;
import dev.rollcall.connectors.pull.SnapshotPuller;
import dev.rollcall.connectors.pull.TenantPull;
import dev.rollcall.jobs.config.Connectors;
import dev.rollcall.jobs.config.LiveSource;
import dev.rollcall.jobs.config.SourceConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

  private final List<LiveSource<?, ?, ?>> sources;
  private final Map<String, String> environment;

  /**
   * Pulls with each system's usual credentials: the AWS SDK's default chain (or the configured
   * profile), the Google key file named by ROLLCALL_GOOGLE_KEY_FILE, Atlas keys from the
   * environment.
   */
  public LivePulls(Map<String, String> environment) {
    this(Connectors.ALL, environment);
  }

  /** Pulls the given live sources (tests: with the credentials their servers accept). */
  public LivePulls(List<LiveSource<?, ?, ?>> sources, Map<String, String> environment) {
    this.sources = List.copyOf(sources);
    this.environment = Map.copyOf(environment);
  }

  /** Checks every live source's settings before anything is pulled or written. */
  public static void check(List<SourceConfig> sources) {
    for (SourceConfig source : sources) {
      if (source.live()) {
        Connectors.of(Connectors.ALL, source.type()).settingsOf(source);
      }
    }
  }

  /** Pulls every live source into {@code snapshotRoot}; snapshot sources are skipped. */
  public List<Pulled> pull(List<SourceConfig> sources, Path snapshotRoot) {
    List<Pulled> pulled = new ArrayList<>();
    for (SourceConfig source : sources) {
      if (!source.live()) {
        continue;
      }
      for (SnapshotPuller puller : live(source).pullers(source, environment)) {
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
    return source.live() ? live(source).doctor(source, environment) : List.of();
  }

  private LiveSource<?, ?, ?> live(SourceConfig source) {
    return Connectors.of(sources, source.type());
  }
}
