package dev.rollcall.connectors.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.TenantFolder;
import dev.rollcall.model.PullStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantPullsTest {
  private static final Instant NOW = Instant.parse("2026-11-29T06:00:00Z");

  /** A connector's own API failure, as AwsErrors or AtlasApiException would word it. */
  private static final class ApiFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ApiFailure(String message) {
      super(message);
    }
  }

  private static final TenantPulls TENANTS =
      new TenantPulls(
          "test",
          "rollcall test puller",
          e -> e instanceof ApiFailure ? Optional.of("API: " + e.getMessage()) : Optional.empty());

  @TempDir Path systemDir;

  private final AtomicLong requests = new AtomicLong();

  private TenantPull pull(TenantPulls.Work work) {
    return TENANTS.pull("t1", systemDir.resolve("t1"), NOW, requests::get, work);
  }

  private Path manifest() {
    return systemDir.resolve("t1").resolve(TenantFolder.MANIFEST);
  }

  private void earlierPull() {
    SnapshotFiles.writeText(SnapshotFiles.page(systemDir.resolve("t1/users"), 2), "{}");
    SnapshotFiles.writeManifest(systemDir.resolve("t1"), NOW.minusSeconds(86_400), "earlier");
  }

  @Test
  void aCompletePullClearsTheEarlierOneAndWritesTheManifestLast() {
    earlierPull();

    TenantPull pull =
        pull(
            dir -> {
              assertFalse(Files.exists(dir.resolve(TenantFolder.MANIFEST)));
              assertFalse(Files.exists(dir.resolve("users")), "an earlier page survived");
              SnapshotFiles.writeText(SnapshotFiles.page(dir.resolve("users"), 1), "{}");
              requests.set(3);
              return List.of();
            });

    assertEquals(new TenantPull("t1", PullStatus.COMPLETE, NOW, 3, List.of()), pull);
    assertEquals(NOW, TenantFolder.of(systemDir.resolve("t1")).observedAt(Instant.EPOCH));
  }

  @Test
  void whatCouldNotBePulledMakesItPartialWithAManifest() {
    TenantPull pull =
        pull(
            dir -> {
              SnapshotFiles.writeText(dir.resolve("users.json"), "{}");
              return List.of("groups: not pulled");
            });

    assertEquals(PullStatus.PARTIAL, pull.status());
    assertEquals(List.of("groups: not pulled"), pull.problems());
    assertTrue(Files.exists(manifest()));
  }

  @Test
  void aMalformedResponseFailsTheTenantNamingTheFileAndLeavesNoManifest() {
    earlierPull();
    Path report = systemDir.resolve("t1/credential-report.csv");

    TenantPull pull =
        pull(
            dir -> {
              requests.set(2);
              throw new SnapshotException(report, "row 2 (user=bob)", "bad date");
            });

    assertEquals(PullStatus.FAILED, pull.status());
    assertEquals(2, pull.apiRequests());
    assertEquals(List.of(report + ": row 2 (user=bob): bad date"), pull.problems());
    assertFalse(Files.exists(manifest()), "the earlier manifest would make it look complete");
  }

  @Test
  void eachKindOfTenantFailureIsWordedForPeople() {
    assertEquals(
        List.of("API: 503 from the server"),
        pull(dir -> {
              throw new ApiFailure("503 from the server");
            })
            .problems());
    assertEquals(
        List.of("cannot write the snapshot: disk full"),
        pull(dir -> {
              throw new UncheckedIOException("disk full", new IOException("ENOSPC"));
            })
            .problems());
    assertEquals(
        List.of("unexpected failure: IllegalStateException: token expired"),
        pull(dir -> {
              throw new IllegalStateException("token expired");
            })
            .problems());
  }

  @Test
  void programmingErrorsAndErrorsEscape() {
    NullPointerException bug = new NullPointerException("bug");
    assertSame(
        bug,
        assertThrows(
            NullPointerException.class,
            () ->
                pull(
                    dir -> {
                      throw bug;
                    })));
    assertThrows(
        AssertionError.class,
        () ->
            pull(
                dir -> {
                  throw new AssertionError("broken invariant");
                }));
  }

  @Test
  void aTenantThatWritesNothingGetsNoFolderButItsSystemFolderExists() {
    Path nested = systemDir.resolve("snapshot/aws");

    TenantPull pull =
        TENANTS.pull(
            "444455556666",
            nested.resolve("444455556666"),
            NOW,
            () -> 1,
            dir -> {
              throw new ApiFailure("cannot assume the role");
            });

    assertEquals(PullStatus.FAILED, pull.status());
    assertTrue(Files.isDirectory(nested));
    assertFalse(Files.exists(nested.resolve("444455556666")));
  }
}
