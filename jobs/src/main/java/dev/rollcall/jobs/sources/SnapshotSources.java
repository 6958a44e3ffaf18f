package dev.rollcall.jobs.sources;

import dev.rollcall.connectors.atlas.AtlasSnapshotReader;
import dev.rollcall.connectors.aws.AwsSnapshotReader;
import dev.rollcall.connectors.google.GoogleSnapshotReader;
import dev.rollcall.connectors.snapshot.SnapshotReader;
import dev.rollcall.connectors.snapshot.TenantFolder;
import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.SourceResult;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.TenantSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Reads a snapshot folder: every tenant folder under {@code aws/}, {@code google/} and {@code
 * atlas/}, each one source. A tenant whose files cannot be read becomes a failed source with the
 * reason; the others go on.
 */
public final class SnapshotSources {
  private static final Logger LOG = LogManager.getLogger(SnapshotSources.class);
  private static final Map<String, SourceSystem> SYSTEM_OF_FOLDER =
      Map.of(
          "aws", SourceSystem.AWS_IAM,
          "google", SourceSystem.GOOGLE_WORKSPACE,
          "atlas", SourceSystem.ATLAS_ORG);

  private final List<SnapshotReader> readers;

  public SnapshotSources() {
    this(List.of(new GoogleSnapshotReader(), new AwsSnapshotReader(), new AtlasSnapshotReader()));
  }

  SnapshotSources(List<SnapshotReader> readers) {
    this.readers = List.copyOf(readers);
  }

  /**
   * Reads every tenant of a snapshot.
   *
   * @param root the snapshot folder
   * @param fallbackObservedAt the capture time for tenants without a manifest
   */
  public List<SourceResult> read(Path root, Instant fallbackObservedAt) {
    if (!Files.isDirectory(root)) {
      throw new ConfigException(root + ": snapshot folder not found");
    }
    List<SourceResult> results = new ArrayList<>();
    boolean anySystem = false;
    for (SnapshotReader reader : readers) {
      Path systemDir = root.resolve(reader.folder());
      anySystem |= Files.isDirectory(systemDir);
      for (Path tenantDir : TenantFolder.subfolders(systemDir)) {
        results.add(readTenant(reader, tenantDir, fallbackObservedAt));
      }
    }
    if (!anySystem) {
      throw new ConfigException(
          root + ": a snapshot folder holds aws/, google/ or atlas/ folders; found none");
    }
    return results;
  }

  private SourceResult readTenant(SnapshotReader reader, Path tenantDir, Instant fallback) {
    String tenant = tenantDir.getFileName().toString();
    String source = reader.folder() + "/" + tenant;
    long started = System.nanoTime();
    try {
      SourceResult result = reader.read(tenantDir, TenantFolder.observedAt(tenantDir, fallback));
      LOG.info(
          "source {}: {} ({} accounts, {} people) in {} ms",
          source,
          result.pull().status().name().toLowerCase(java.util.Locale.ROOT),
          result.accounts().size(),
          result.people().size(),
          (System.nanoTime() - started) / 1_000_000);
      return result;
    } catch (RuntimeException e) {
      LOG.error("source {}: failed: {}", source, e.getMessage());
      SourceSystem system = SYSTEM_OF_FOLDER.get(reader.folder());
      return new SourceResult(
          new SourcePull(
              source,
              system,
              tenant,
              PullStatus.FAILED,
              0,
              List.of(String.valueOf(e.getMessage())),
              fallback),
          List.of(),
          List.of(),
          new TenantSettings(system, tenant, null, null));
    }
  }
}
