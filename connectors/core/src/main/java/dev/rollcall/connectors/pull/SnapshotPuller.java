package dev.rollcall.connectors.pull;

import java.nio.file.Path;
import java.util.List;

/**
 * Pulls one system's tenants from its live API and saves every raw response in the snapshot shapes
 * its {@code SnapshotReader} reads (the vendor's own JSON and CSV), so that a pull can be replayed
 * offline. Mapping to accounts is not the puller's job: the reader does it, for live and replayed
 * data alike.
 */
public interface SnapshotPuller {

  /** The folder under the snapshot root for this system: aws, google or atlas. */
  String folder();

  /**
   * Pulls every tenant this source covers into {@code systemDir/<tenant>/}, writing the tenant's
   * {@link dev.rollcall.connectors.snapshot.TenantFolder#MANIFEST} last. One tenant failing does
   * not stop the others: it comes back {@code FAILED} with the reason, and its folder holds no
   * manifest, so it is never read as a complete snapshot.
   *
   * @param systemDir the system's folder in the snapshot ({@code <root>/<folder()>}); created
   * @return one result per tenant, in the order pulled
   */
  List<TenantPull> pull(Path systemDir);
}
