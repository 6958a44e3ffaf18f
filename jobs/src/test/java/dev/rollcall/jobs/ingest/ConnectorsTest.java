package dev.rollcall.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.connectors.pull.Connector;
import dev.rollcall.connectors.pull.SnapshotPuller;
import dev.rollcall.jobs.config.AtlasSourceConfig;
import dev.rollcall.jobs.config.AwsSourceConfig;
import dev.rollcall.jobs.config.Connectors;
import dev.rollcall.jobs.config.GoogleSourceConfig;
import dev.rollcall.jobs.config.LiveSource;
import dev.rollcall.jobs.config.SourceConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the pipeline relies on of the registered connectors. */
class ConnectorsTest {
  @Test
  void everyLiveSourceTypeIsRegisteredOnceUnderItsConnectorsName() {
    Set<String> types = Connectors.ALL.stream().map(LiveSource::type).collect(Collectors.toSet());
    assertEquals(Set.of("aws", "google", "atlas"), types);
    assertEquals(types.size(), Connectors.ALL.size(), "a source type registered twice");
    for (LiveSource<?, ?, ?> source : Connectors.ALL) {
      assertEquals(source.connector().name(), source.type());
    }
    assertEquals("snapshot, google, aws or atlas", Connectors.typeNames());
  }

  @Test
  void snapshotFoldersAreReadInTheirReportOrderAndNamedOnce() {
    List<String> names = Connectors.folders().stream().map(Connector.Folder::name).toList();

    assertEquals(List.of("google", "aws", "aws-identity-center", "atlas"), names);
    assertEquals("aws/, aws-identity-center/, google/ or atlas/", Connectors.folderNames());
  }

  @Test
  void everyPullerWritesIntoAFolderItsConnectorReads() {
    List<SourceConfig> sources =
        List.of(
            new SourceConfig(
                "aws",
                "aws",
                null,
                new AwsSourceConfig(null, null, null, null, null, null, null, true, null, null)),
            new SourceConfig(
                "google",
                "google",
                null,
                new GoogleSourceConfig(
                    "example.test", "reader@example.test", null, null, null, null, null, null)),
            new SourceConfig("atlas", "atlas", null, new AtlasSourceConfig(null, null, null)));
    for (SourceConfig source : sources) {
      LiveSource<?, ?, ?> live = Connectors.of(Connectors.ALL, source.type());
      Set<String> folders =
          live.connector().folders().stream()
              .map(Connector.Folder::name)
              .collect(Collectors.toSet());
      List<SnapshotPuller> pullers =
          Connectors.of(TestCredentials.sources(), source.type()).pullers(source, Map.of());
      assertEquals(folders.size(), pullers.size(), source.name() + ": one puller per folder");
      for (SnapshotPuller puller : pullers) {
        assertTrue(folders.contains(puller.folder()), source.name() + ": " + puller.folder());
      }
    }
  }
}
