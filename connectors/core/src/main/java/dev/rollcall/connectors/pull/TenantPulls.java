package dev.rollcall.connectors.pull;

import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.TenantFolder;
import dev.rollcall.model.PullStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The one way a connector pulls a tenant: empty the tenant's folder of an earlier pull (its
 * manifest first), write its files, write the manifest last, and return how it went. Whatever goes
 * wrong with one tenant (an API error, a malformed response, a file that cannot be written) becomes
 * that tenant's FAILED pull, with the reason, and its folder holds no manifest; the caller goes on
 * with the next tenant. Only programming errors and {@link Error}s escape, so that a bug is not
 * reported as a tenant's outage.
 */
public final class TenantPulls {
  private static final Logger LOG = LogManager.getLogger(TenantPulls.class);

  /** Writes every file of one tenant's folder except the manifest. */
  @FunctionalInterface
  public interface Work {
    /**
     * @param tenantDir the tenant's folder, empty; created by the first file written to it
     * @return what could not be pulled, one message each, making the pull partial; empty when
     *     everything was
     */
    List<String> pull(Path tenantDir);
  }

  /** How a connector words the failures of its own API client. */
  @FunctionalInterface
  public interface Failures {
    /** The reason for people, without secrets; empty when {@code e} is not one of them. */
    Optional<String> describe(RuntimeException e);
  }

  private final String folder;
  private final String pulledBy;
  private final Failures failures;

  /**
   * @param folder the system folder the tenants are pulled into, for logs
   * @param pulledBy what the manifest says pulled the tenant
   * @param failures how the connector words its API client's failures
   */
  public TenantPulls(String folder, String pulledBy, Failures failures) {
    this.folder = Objects.requireNonNull(folder, "folder");
    this.pulledBy = Objects.requireNonNull(pulledBy, "pulledBy");
    this.failures = Objects.requireNonNull(failures, "failures");
  }

  /**
   * Pulls one tenant into {@code tenantDir}.
   *
   * @param tenant the tenant's id, as the result names it
   * @param tenantDir its folder: {@code <systemDir>/<tenant>}; the system folder is created
   * @param capturedAt when the pull started, recorded in the manifest
   * @param requests the API requests made for the tenant so far, read when it is done
   */
  public TenantPull pull(
      String tenant, Path tenantDir, Instant capturedAt, LongSupplier requests, Work work) {
    try {
      SnapshotFiles.ownerOnlyFolder(tenantDir.toAbsolutePath().getParent());
      clear(tenantDir);
      List<String> problems = List.copyOf(work.pull(tenantDir));
      SnapshotFiles.writeManifest(tenantDir, capturedAt, pulledBy);
      return new TenantPull(
          tenant,
          problems.isEmpty() ? PullStatus.COMPLETE : PullStatus.PARTIAL,
          capturedAt,
          requests.getAsLong(),
          problems);
    } catch (RuntimeException e) {
      if (programmingError(e)) {
        throw e;
      }
      return new TenantPull(
          tenant, PullStatus.FAILED, capturedAt, requests.getAsLong(), List.of(reason(tenant, e)));
    }
  }

  private String reason(String tenant, RuntimeException e) {
    Optional<String> own = failures.describe(e);
    if (own.isPresent()) {
      return own.get();
    }
    if (e instanceof SnapshotException) {
      return e.getMessage(); // names the file, the record and the field
    }
    if (e instanceof UncheckedIOException) {
      return "cannot write the snapshot: " + e.getMessage();
    }
    LOG.error("{}/{}: unexpected failure", folder, tenant, e);
    return "unexpected failure: " + e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  /** A bug in rollcall rather than in what a tenant's API answered. */
  private static boolean programmingError(RuntimeException e) {
    return e instanceof NullPointerException
        || e instanceof ClassCastException
        || e instanceof IndexOutOfBoundsException
        || e instanceof ArithmeticException;
  }

  /**
   * Empties a tenant folder of an earlier pull, the manifest first: a pull that fails from here on
   * leaves a folder that is never read as complete, and no stale page is read with new ones.
   */
  private static void clear(Path tenantDir) {
    if (!Files.isDirectory(tenantDir)) {
      return;
    }
    SnapshotFiles.delete(tenantDir.resolve(TenantFolder.MANIFEST));
    try (Stream<Path> entries = Files.list(tenantDir)) {
      entries.toList().forEach(SnapshotFiles::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(tenantDir + ": cannot clear the earlier pull", e);
    }
  }
}
