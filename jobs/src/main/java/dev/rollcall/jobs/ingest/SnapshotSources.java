package dev.rollcall.jobs.ingest;

import dev.rollcall.connectors.pull.Connector;
import dev.rollcall.connectors.pull.TenantPull;
import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.SymbolicLinks;
import dev.rollcall.connectors.snapshot.TenantFolder;
import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.jobs.config.Connectors;
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
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Reads a snapshot folder: every tenant folder in the folder of each system a connector covers
 * ({@code aws/}, {@code google/} …), each one source. A tenant whose files cannot be read becomes a
 * failed source with the reason; the others go on. So does a tenant with a symbolic link in it (or
 * that is one), unless the source follows links; a system folder that is a link is refused whole.
 */
public final class SnapshotSources {
  private static final Logger LOG = LogManager.getLogger(SnapshotSources.class);

  private final List<Connector.Folder> folders;

  public SnapshotSources() {
    this(Connectors.folders());
  }

  SnapshotSources(List<Connector.Folder> folders) {
    this.folders = List.copyOf(folders);
  }

  /** Reads every tenant of a snapshot whose symbolic links are refused. */
  public List<SourceResult> read(Path root, Instant fallbackObservedAt) {
    return read(root, fallbackObservedAt, SymbolicLinks.REFUSE);
  }

  /**
   * Reads every tenant of a snapshot.
   *
   * @param root the snapshot folder; it may itself be a symbolic link
   * @param fallbackObservedAt the capture time for tenants without a manifest
   * @param links what to do with a symbolic link below the root
   */
  public List<SourceResult> read(Path root, Instant fallbackObservedAt, SymbolicLinks links) {
    if (!Files.isDirectory(root)) {
      throw new ConfigException(root + ": snapshot folder not found");
    }
    List<TenantRead> reads = new ArrayList<>();
    boolean anySystem = false;
    for (Connector.Folder folder : folders) {
      Path systemDir = root.resolve(folder.name());
      List<TenantFolder> tenants;
      try {
        tenants = TenantFolder.in(systemDir, links);
      } catch (SnapshotException e) {
        throw new ConfigException(e.getMessage(), e);
      }
      anySystem |= Files.isDirectory(systemDir);
      for (TenantFolder tenant : tenants) {
        reads.add(new TenantRead(folder, tenant));
      }
    }
    if (!anySystem) {
      throw new ConfigException(
          root + ": a snapshot folder holds " + Connectors.folderNames() + " folders; found none");
    }
    return TenantReads.inOrder(reads, r -> readTenant(r.folder(), r.tenant(), fallbackObservedAt));
  }

  /** One tenant folder and the connector whose reader reads it. */
  record TenantRead(Connector.Folder folder, TenantFolder tenant) implements TenantReads.Sized {
    @Override
    public Path dir() {
      return tenant.dir();
    }
  }

  /**
   * Reads a tenant that a live source has just pulled into {@code systemDir}: a failed pull becomes
   * a failed source with the pull's reasons; a partial one stays partial whatever the files say.
   */
  public SourceResult readPulled(String folder, Path systemDir, TenantPull pull, Instant fallback) {
    Connector.Folder system =
        folders.stream()
            .filter(f -> f.name().equals(folder))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no snapshot reader for " + folder));
    if (pull.status() == PullStatus.FAILED) {
      return failed(system, pull.tenant(), pull.problems(), pull.capturedAt());
    }
    SourceResult result =
        readTenant(system, TenantFolder.of(systemDir.resolve(pull.tenant())), fallback);
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

  private SourceResult readTenant(
      Connector.Folder folder, TenantFolder tenantDir, Instant fallback) {
    String tenant = tenantDir.name();
    String source = folder.name() + "/" + tenant;
    long started = System.nanoTime();
    try {
      SourceResult result = folder.reader().read(tenantDir, tenantDir.observedAt(fallback));
      if (!tenantDir.isFile(tenantDir.resolve(TenantFolder.MANIFEST))) {
        result = measuredFromTheRun(result);
        LOG.info(
            "source {}: no {} (capture time): ages are measured from this run",
            source,
            TenantFolder.MANIFEST);
      }
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
      return failed(folder, tenant, List.of(String.valueOf(e.getMessage())), fallback);
    }
  }

  /** The result with every account marked as measured from the run, not from a capture time. */
  private static SourceResult measuredFromTheRun(SourceResult result) {
    return new SourceResult(
        result.pull(),
        result.accounts().stream().map(a -> a.toBuilder().captureTimeKnown(false).build()).toList(),
        result.people(),
        result.settings());
  }

  private static SourceResult failed(
      Connector.Folder folder, String tenant, List<String> errors, Instant observedAt) {
    SourceSystem system = folder.system();
    return new SourceResult(
        new SourcePull(
            folder.name() + "/" + tenant, system, tenant, PullStatus.FAILED, 0, errors, observedAt),
        List.of(),
        List.of(),
        new TenantSettings(system, tenant, null, null));
  }
}
