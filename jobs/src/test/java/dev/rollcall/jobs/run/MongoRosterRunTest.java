package dev.rollcall.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.rollcall.jobs.spark.SharedSpark;
import dev.rollcall.jobs.spark.SparkStart;
import dev.rollcall.model.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo organisation with its workforce list in MongoDB ({@code correlation.rosterMongodb}): a
 * person HR terminated, whose Google account is still active, has left, and every account they hold
 * is an access-after-termination finding citing the roster's document.
 */
@ExtendWith(SharedSpark.class)
class MongoRosterRunTest {
  @TempDir Path dir;

  @Test
  void aTerminationInTheMongoDbRosterIsALeaversAccess(SparkSession spark) throws Exception {
    MongoServer server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", 0);
    String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/";
    try (MongoClient client = MongoClients.create(uri)) {
      client
          .getDatabase("hr")
          .getCollection("workforce")
          .insertOne(
              new Document("_id", "E-1042")
                  .append("work_email", "priya.shah@meridianhealth.example")
                  .append("status", "terminated")
                  .append("end_date", "2026-11-01"));
      DemoCopy.copy(dir);
      RunOutcome outcome =
          DemoCopy.night(
              new NightlyRun(SparkStart.of(spark), "test"),
              dir,
              "2026-11-20T07:00:00Z",
              config ->
                  config.replace(
                      "correlation:\n",
                      "correlation:\n"
                          + "  rosterMongodb:\n"
                          + "    uri: {env: HR_MONGODB_URI}\n"
                          + "    database: hr\n"
                          + "    collection: workforce\n"
                          + "    fields: {email: work_email}\n"),
              Map.of("HR_MONGODB_URI", uri));

      List<Finding> leaver =
          outcome.findings().stream()
              .filter(f -> f.ruleId().equals("access-after-termination"))
              .filter(f -> f.personIds().contains("priya.shah@meridianhealth.example"))
              .toList();
      assertTrue(!leaver.isEmpty(), "priya.shah's accounts are a leaver's access");
      for (Finding f : leaver) {
        assertTrue(
            f.evidence().stream()
                .anyMatch(e -> e.value().contains("HR roster (mongodb hr.workforce _id E-1042)")),
            f.evidence().toString());
      }
      Path plain = dir.resolve("plain");
      DemoCopy.copy(plain);
      long before =
          DemoCopy.night(
                  new NightlyRun(SparkStart.of(spark), "test"), plain, "2026-11-20T07:00:00Z", null)
              .findings()
              .stream()
              .filter(f -> f.personIds().contains("priya.shah@meridianhealth.example"))
              .filter(f -> f.ruleId().equals("access-after-termination"))
              .count();
      assertEquals(0, before, "without the roster she is active");
    } finally {
      server.shutdownNow();
    }
  }
}
