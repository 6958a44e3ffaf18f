package dev.rollcall.connectors.atlas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.model.Activity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseAccessHistoryTest {
  private static final String PROJECT = "7b1b2c3d4e5f60718293a4b5";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static AtlasPages.Page page(String name, String json) {
    try {
      JsonNode body = JSON.readTree(json);
      return new AtlasPages.Page(Path.of(name), body);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static DatabaseAccessHistory history(String clusters, Map<String, String> logs) {
    Map<String, AtlasPages.Page> history =
        logs.entrySet().stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    Map.Entry::getKey, e -> page(e.getKey() + ".json", e.getValue())));
    AtlasPages pages =
        new AtlasPages(
            "7a1b2c3d4e5f60718293a4b5",
            null,
            null,
            List.of(),
            List.of(),
            Map.of(),
            List.of(),
            List.of(),
            Map.of(),
            List.of(),
            Map.of(
                PROJECT,
                new AtlasPages.ProjectPages(
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(page("clusters.json", clusters)),
                    history)));
    return DatabaseAccessHistory.of(pages);
  }

  private static final String ONE_DEDICATED =
      "{\"results\": [{\"name\": \"c0\", \"replicationSpecs\": [{\"regionConfigs\":"
          + " [{\"providerName\": \"AWS\", \"electableSpecs\": {\"instanceSize\": \"M10\"}}]}]}]}";

  @Test
  void readsJavaDateTimestampsAsWellAsIso() {
    DatabaseAccessHistory history =
        history(
            ONE_DEDICATED,
            Map.of(
                "c0",
                "{\"accessLogs\": [{\"authResult\": true, \"authSource\": \"admin\", \"username\":"
                    + " \"etl\", \"timestamp\": \"Tue Nov 24 10:00:00 UTC 2026\"},"
                    + " {\"authResult\": true, \"authSource\": \"admin\", \"username\": \"etl\","
                    + " \"timestamp\": \"2026-11-23T10:00:00Z\"}]}"));
    assertEquals(
        Instant.parse("2026-11-24T10:00:00Z"), history.lastUse(PROJECT, "admin", "etl", null).at());
  }

  @Test
  void failedAttemptsAreNotUse() {
    DatabaseAccessHistory history =
        history(
            ONE_DEDICATED,
            Map.of(
                "c0",
                "{\"accessLogs\": [{\"authResult\": false, \"authSource\": \"admin\", \"username\":"
                    + " \"etl\", \"timestamp\": \"2026-11-23T10:00:00Z\", \"failureReason\":"
                    + " \"wrong password\"}]}"));
    assertEquals(Activity.State.UNKNOWN, history.lastUse(PROJECT, "admin", "etl", null).state());
  }

  @Test
  void aUserScopedToOtherClustersIsNotMatchedOnThisOne() {
    DatabaseAccessHistory history =
        history(
            ONE_DEDICATED,
            Map.of(
                "c0",
                "{\"accessLogs\": [{\"authResult\": true, \"authSource\": \"admin\", \"username\":"
                    + " \"etl\", \"timestamp\": \"2026-11-23T10:00:00Z\"}]}"));
    assertEquals(
        Activity.unknown("Atlas: no cluster in the user's scope to hold access history"),
        history.lastUse(PROJECT, "admin", "etl", List.of("elsewhere")));
  }

  @Test
  void projectsWithoutClustersInTheSnapshotAreUnknown() {
    DatabaseAccessHistory history = history(ONE_DEDICATED, Map.of());
    assertEquals(
        Activity.unknown("Atlas database access history not in snapshot"),
        history.lastUse("7b0000000000000000000000", "admin", "etl", null));
  }

  @Test
  void aMalformedTimestampNamesTheFileAndRecord() {
    String message =
        assertThrows(
                SnapshotException.class,
                () ->
                    history(
                        ONE_DEDICATED,
                        Map.of(
                            "c0",
                            "{\"accessLogs\": [{\"authResult\": true, \"username\": \"etl\","
                                + " \"timestamp\": \"yesterday\"}]}")))
            .getMessage();
    assertTrue(
        message.contains("c0.json: accessLogs[0]: field 'timestamp' is not a time"), message);
  }

  @Test
  void aBodyWithoutAccessLogsIsRefused() {
    String message =
        assertThrows(SnapshotException.class, () -> history(ONE_DEDICATED, Map.of("c0", "{}")))
            .getMessage();
    assertTrue(message.contains("'accessLogs'"), message);
  }
}
