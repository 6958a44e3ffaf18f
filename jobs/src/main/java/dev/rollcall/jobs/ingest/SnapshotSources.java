package dev.rollcall.jobs.ingest;

import dev.rollcall.connectors.atlas.AtlasSnapshotReader;
import dev.rollcall.connectors.aws.AwsSnapshotReader;
import dev.rollcall.connectors.aws.IdentityCenterSnapshotReader;
import dev.rollcall.connectors.google.GoogleSnapshotReader;
import dev.rollcall.connectors.pull.TenantPull;
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
          "aws",
          SourceSystem.AWS_IAM,
          "google",
          SourceSystem.GOOGLE_WORKSPACE,
          "atlas",
          SourceSystem.ATLAS_ORG,
          IdentityCenterSnapshotReader.FOLDER,
          SourceSystem.AWS_IDENTITY_CENTER);

  private final List<SnapshotReader> readers;

  public SnapshotSources() {
    this(
        List.of(
            new GoogleSnapshotReader(),
            new AwsSnapshotReader(),
            new IdentityCenterSnapshotReader(),
            new AtlasSnapshotReader()));
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
          root
              + ": a snapshot folder holds aws/, aws-identity-center/, google/ or atlas/ folders; found none");
    }
    return results;
  }

  /**
   * Reads a tenant that a live source has just pulled into {@code systemDir}: a failed pull becomes
   * a failed source with the pull's reasons; a partial one stays partial whatever the files say.
   */
  public SourceResult readPulled(String folder, Path systemDir, TenantPull pull, Instant fallback) {
    SnapshotReader reader =
        readers.stream()
            .filter(r -> r.folder().equals(folder))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no snapshot reader for " + folder));
    if (pull.status() == PullStatus.FAILED) {
      return failed(reader, pull.tenant(), pull.problems(), pull.capturedAt());
    }
    SourceResult result = readTenant(reader, systemDir.resolve(pull.tenant()), fallback);
    if (pull.status() == PullStatus.COMPLETE || result.pull().status() == PullStatus.FAILED) {
      return result;
    }
    SourcePull read = result.pull();
    List<String> errors = new ArrayList<>(pull.problems());
    errors.addAll(read.errors());
    return new SourceResult(
        new SourcePull(
            read.source(),
            read.system(),
            read.tenant(),
            PullStatus.PARTIAL,
            read.accounts(),
            errors,
            read.observedAt()),
        result.accounts(),
        result.people(),
        result.settings());
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
      return failed(reader, tenant, List.of(String.valueOf(e.getMessage())), fallback);
    }
  }

  private static SourceResult failed(
      SnapshotReader reader, String tenant, List<String> errors, Instant observedAt) {
    SourceSystem system = SYSTEM_OF_FOLDER.get(reader.folder());
    return new SourceResult(
        new SourcePull(
            reader.folder() + "/" + tenant,
            system,
            tenant,
            PullStatus.FAILED,
            0,
            errors,
            observedAt),
        List.of(),
        List.of(),
        new TenantSettings(system, tenant, null, null));
  }
}
