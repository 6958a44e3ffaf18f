package dev.rollcall.connectors.snapshot;

import dev.rollcall.model.SourceResult;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Reads one tenant's folder of a snapshot (raw data in the vendor's own shapes) and maps it to the
 * common model. Throws {@link SnapshotException} naming the file and record when a file is
 * malformed; the pipeline records that source as failed.
 */
public interface SnapshotReader {

  /** The folder under the snapshot root that holds this system's tenants: aws, google or atlas. */
  String folder();

  /**
   * Reads a tenant folder, every file through it.
   *
   * @param tenant the folder, named for the tenant
   * @param observedAt when the data was captured (see {@link TenantFolder#observedAt})
   */
  SourceResult read(TenantFolder tenant, Instant observedAt);

  /** Reads a tenant folder whose symbolic links are refused. */
  default SourceResult read(Path tenantDir, Instant observedAt) {
    return read(TenantFolder.of(tenantDir), observedAt);
  }
}
