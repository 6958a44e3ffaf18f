package dev.rollcall.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.connectors.atlas.pull.FakeAtlas;
import dev.rollcall.connectors.google.pull.GoogleApiStub;
import dev.rollcall.jobs.spark.SharedSpark;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.SourcePull;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance path of live Google Workspace and Atlas sources: rollcall run pulls both from
 * local servers speaking the documented APIs (the connectors' own test servers) and keeps the pull
 * as a snapshot; a run on that snapshot finds exactly the same things.
 */
@ExtendWith(SharedSpark.class)
class LiveGoogleAtlasTest {
  @TempDir Path dir;

  @Test
  void aSavedPullIsAuditedLikeTheLiveRun(SparkSession spark) throws IOException {
    try (GoogleApiStub google = new GoogleApiStub().serveTenant();
        FakeAtlas atlas = FakeAtlas.forServiceAccount().serveOrganisation()) {
      LiveAndReplay runs =
          LiveAndReplay.run(
              spark,
              dir,
              """
                - name: workspace
                  type: google
                  google:
                    domain: example-health.test
                    adminSubject: rollcall-reader@example-health.test
                    rootUrl: %s
                - name: atlas
                  type: atlas
                  atlas:
                    organizations: [%s]
                    baseUrl: %s
              """
                  .formatted(google.rootUrl(), FakeAtlas.ORG, atlas.url()));

      assertEquals(2, runs.live().sources().size(), runs.live().sources().toString());
      for (SourcePull pull : runs.live().sources()) {
        assertEquals(PullStatus.COMPLETE, pull.status(), pull.source() + ": " + pull.errors());
        assertTrue(pull.accounts() > 0, pull.source());
      }
      Path saved = dir.resolve("saved");
      assertTrue(Files.isDirectory(saved.resolve("google").resolve("example-health.test")));
      assertTrue(Files.isDirectory(saved.resolve("atlas").resolve(FakeAtlas.ORG)));
      Set<String> found = LiveAndReplay.keys(runs.live());
      assertFalse(found.isEmpty(), "the fake organisations have problems to find");
      assertEquals(found, LiveAndReplay.keys(runs.replayed()));
      assertEquals(
          runs.live().sources().stream().map(p -> p.source() + " " + p.accounts()).toList(),
          runs.replayed().sources().stream().map(p -> p.source() + " " + p.accounts()).toList());
    }
  }
}
