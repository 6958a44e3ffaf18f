package dev.rollcall.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.connectors.pull.Connector;
import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.SnapshotReader;
import dev.rollcall.connectors.snapshot.SymbolicLinks;
import dev.rollcall.connectors.snapshot.TenantFolder;
import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.model.Account;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.SourceResult;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.TenantSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotSourcesTest {
  private static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");

  @TempDir Path root;

  /** Reads aws/ tenants; a tenant named "broken" fails as a malformed file would. */
  private static final class FakeAwsReader implements SnapshotReader {
    @Override
    public String folder() {
      return "aws";
    }

    @Override
    public SourceResult read(TenantFolder tenantDir, Instant observedAt) {
      String tenant = tenantDir.name();
      if (tenant.equals("broken")) {
        throw new SnapshotException(
            tenantDir.resolve("credential-report.csv"), "row 3", "bad date");
      }
      return new SourceResult(
          new SourcePull(
              "aws/" + tenant,
              SourceSystem.AWS_IAM,
              tenant,
              PullStatus.COMPLETE,
              0,
              List.of(),
              observedAt),
          List.of(),
          List.of(),
          new TenantSettings(SourceSystem.AWS_IAM, tenant, null, null));
    }
  }

  @Test
  void aMalformedTenantFailsAloneWithFileAndRecordNamed() throws IOException {
    Files.createDirectories(root.resolve("aws/111122223333"));
    Files.createDirectories(root.resolve("aws/broken"));
    Files.writeString(
        root.resolve("aws/111122223333/rollcall-snapshot.json"),
        "{\"capturedAt\":\"2026-11-20T06:00:00Z\"}");
    List<SourceResult> results =
        new SnapshotSources(
                List.of(new Connector.Folder(SourceSystem.AWS_IAM, new FakeAwsReader())))
            .read(root, NOW);
    assertEquals(2, results.size());
    SourcePull good = results.get(0).pull();
    assertEquals(PullStatus.COMPLETE, good.status());
    assertEquals(Instant.parse("2026-11-20T06:00:00Z"), good.observedAt());
    SourcePull bad = results.get(1).pull();
    assertEquals(PullStatus.FAILED, bad.status());
    assertEquals("aws/broken", bad.source());
    assertTrue(
        bad.errors().get(0).contains("credential-report.csv: row 3: bad date"),
        bad.errors().toString());
  }

  @Test
  void withoutACaptureTimeAccountsAreMeasuredFromTheRunAndSaySo() throws IOException {
    Path demo = Path.of("..", "examples", "demo", "snapshot", "aws", "444455556666");
    Path tenant = Files.createDirectories(root.resolve("aws/444455556666"));
    try (var files = Files.list(demo)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, tenant.resolve(file.getFileName().toString()));
      }
    }
    SnapshotSources sources =
        new SnapshotSources(
            List.of(
                new Connector.Folder(
                    SourceSystem.AWS_IAM, new dev.rollcall.connectors.aws.AwsSnapshotReader())));
    List<Account> captured = sources.read(root, NOW).get(0).accounts();
    assertFalse(captured.isEmpty());
    assertTrue(captured.stream().allMatch(Account::captureTimeKnown), "the manifest dates them");

    Files.delete(tenant.resolve("rollcall-snapshot.json"));
    List<Account> unknown = sources.read(root, NOW).get(0).accounts();
    assertEquals(captured.size(), unknown.size());
    assertTrue(unknown.stream().noneMatch(Account::captureTimeKnown), "no capture time");
    assertTrue(unknown.stream().allMatch(a -> a.observedAt().equals(NOW)), "measured from now");
  }

  @Test
  void aBadCaptureTimeFailsThatTenant() throws IOException {
    Files.createDirectories(root.resolve("aws/111122223333"));
    Files.writeString(
        root.resolve("aws/111122223333/rollcall-snapshot.json"), "{\"capturedAt\":\"yesterday\"}");
    SourcePull pull =
        new SnapshotSources(
                List.of(new Connector.Folder(SourceSystem.AWS_IAM, new FakeAwsReader())))
            .read(root, NOW)
            .get(0)
            .pull();
    assertEquals(PullStatus.FAILED, pull.status());
    assertTrue(pull.errors().get(0).contains("rollcall-snapshot.json"), pull.errors().toString());
  }

  @Test
  void aTenantFolderThatIsASymbolicLinkFailsAloneWithItsPathUnlessLinksAreFollowed()
      throws IOException {
    Files.createDirectories(root.resolve("aws/111122223333"));
    Path elsewhere = Files.createDirectories(root.getParent().resolve(root.getFileName() + "-x"));
    Files.writeString(
        elsewhere.resolve("rollcall-snapshot.json"), "{\"capturedAt\":\"2026-11-20T06:00:00Z\"}");
    Path link = Files.createSymbolicLink(root.resolve("aws/444455556666"), elsewhere);
    SnapshotSources sources =
        new SnapshotSources(
            List.of(new Connector.Folder(SourceSystem.AWS_IAM, new FakeAwsReader())));

    List<SourceResult> refused = sources.read(root, NOW);
    assertEquals(PullStatus.COMPLETE, refused.get(0).pull().status());
    SourcePull linked = refused.get(1).pull();
    assertEquals(PullStatus.FAILED, linked.status());
    assertEquals("aws/444455556666", linked.source());
    assertTrue(
        linked.errors().get(0).startsWith(link + ": is a symbolic link;"),
        linked.errors().toString());

    SourcePull followed = sources.read(root, NOW, SymbolicLinks.FOLLOW).get(1).pull();
    assertEquals(PullStatus.COMPLETE, followed.status());
    assertEquals(Instant.parse("2026-11-20T06:00:00Z"), followed.observedAt());
  }

  @Test
  void aSystemFolderThatIsASymbolicLinkIsAConfigurationError() throws IOException {
    Path elsewhere = Files.createDirectories(root.getParent().resolve(root.getFileName() + "-y"));
    Files.createDirectories(elsewhere.resolve("111122223333"));
    Path link = Files.createSymbolicLink(root.resolve("aws"), elsewhere);
    SnapshotSources sources =
        new SnapshotSources(
            List.of(new Connector.Folder(SourceSystem.AWS_IAM, new FakeAwsReader())));
    String message =
        assertThrows(ConfigException.class, () -> sources.read(root, NOW)).getMessage();
    assertTrue(message.startsWith(link + ": is a symbolic link;"), message);
    assertEquals(1, sources.read(root, NOW, SymbolicLinks.FOLLOW).size());
  }

  @Test
  void aFolderWithNoSystemFoldersIsAConfigurationError() {
    String message =
        assertThrows(
                ConfigException.class,
                () ->
                    new SnapshotSources(
                            List.of(
                                new Connector.Folder(SourceSystem.AWS_IAM, new FakeAwsReader())))
                        .read(root, NOW))
            .getMessage();
    assertTrue(message.contains("aws/, aws-identity-center/, google/ or atlas/"), message);
  }
}
