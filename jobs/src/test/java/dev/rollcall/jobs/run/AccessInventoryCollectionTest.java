package dev.rollcall.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.rollcall.jobs.config.ConfigLoader;
import dev.rollcall.jobs.spark.SharedSpark;
import dev.rollcall.jobs.spark.SparkStart;
import dev.rollcall.model.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.SparkSession;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a MongoDB store, each run replaces the documented {@code access_inventory} collection: one
 * document per person of the directory and per unowned account, indexed by person, system and
 * account, queried here through the real driver (against an in-process wire-protocol server) and
 * held to the run's inventory.csv.
 */
@ExtendWith(SharedSpark.class)
class AccessInventoryCollectionTest {
  @TempDir Path dir;

  @Test
  void everyPersonIsOneDocumentWithTheirAccountsAndEachRunReplacesThemAll(SparkSession spark)
      throws Exception {
    MongoServer server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", 0);
    String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/";
    try (MongoClient client = MongoClients.create(uri)) {
      DemoCopy.copy(dir);
      String config =
          Files.readString(DemoCopy.DEMO.resolve("rollcall.yaml"))
                  .replace("output: ../../out/demo", "output: out")
              + "store:\n  uri: {env: ROLLCALL_MONGODB_URI}\n  database: audit\n";
      Path file = Files.writeString(dir.resolve("rollcall.yaml"), config);
      NightlyRun job = new NightlyRun(SparkStart.of(spark), "test");
      RunOutcome first = night(job, file, uri, "2026-11-20T07:00:00Z");
      MongoCollection<Document> inventory =
          client.getDatabase("audit").getCollection("access_inventory");

      // inventory.csv, person by person.
      Map<String, TreeSet<String>> accountsOf = new TreeMap<>();
      Map<String, String> privilegeOf = new TreeMap<>();
      Map<String, TreeSet<String>> peopleIn = new TreeMap<>();
      List<String> unowned = new ArrayList<>();
      try (CSVParser csv =
          CSVParser.parse(
              dir.resolve("out/inventory.csv"),
              StandardCharsets.UTF_8,
              CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
        for (CSVRecord r : csv) {
          String person = r.get("person_id");
          String account = r.get("account_id");
          if (!person.isEmpty()) {
            accountsOf.computeIfAbsent(person, k -> new TreeSet<>());
          }
          if (account.isEmpty()) {
            continue;
          }
          privilegeOf.put(account, r.get("privilege"));
          if (person.isEmpty()) {
            unowned.add(account);
            continue;
          }
          accountsOf.get(person).add(account);
          peopleIn.computeIfAbsent(r.get("system"), k -> new TreeSet<>()).add(person);
        }
      }
      assertEquals(accountsOf.size() + unowned.size(), inventory.countDocuments());
      for (Map.Entry<String, TreeSet<String>> e : accountsOf.entrySet()) {
        Document d = inventory.find(Filters.eq("person.id", e.getKey())).first();
        assertTrue(d != null, e.getKey());
        TreeSet<String> listed = new TreeSet<>();
        for (Document a : d.getList("accounts", Document.class)) {
          listed.add(a.getString("accountId"));
          assertEquals(privilegeOf.get(a.getString("accountId")), a.getString("privilege"));
          assertFalse(a.getString("ownedBecause").isEmpty(), a.toJson());
        }
        assertEquals(e.getValue(), listed, e.getKey());
        assertEquals(first.runId(), d.getString("runId"));
      }
      for (Map.Entry<String, TreeSet<String>> e : peopleIn.entrySet()) {
        TreeSet<String> found = new TreeSet<>();
        inventory
            .find(Filters.eq("systems", e.getKey()))
            .forEach(
                d -> {
                  Document person = d.get("person", Document.class);
                  if (person != null) {
                    found.add(person.getString("id"));
                  }
                });
        assertEquals(e.getValue(), found, "people with an account in " + e.getKey());
      }
      TreeSet<String> unownedDocs = new TreeSet<>();
      inventory
          .find(Filters.eq("person", null))
          .forEach(
              d ->
                  unownedDocs.add(
                      d.getList("accounts", Document.class).get(0).getString("accountId")));
      assertEquals(new TreeSet<>(unowned), unownedDocs);
      String some = unowned.get(0);
      assertEquals(
          "unowned:" + some,
          inventory.find(Filters.eq("accounts.accountId", some)).first().getString("_id"));
      TreeSet<String> indexes = new TreeSet<>();
      inventory.listIndexes().forEach(i -> indexes.add(i.getString("name")));
      assertTrue(
          indexes.containsAll(List.of("by_person", "by_system", "by_account")), indexes.toString());

      // The next night replaces every document; nothing of the first is left, nor the staging.
      RunOutcome second = night(job, file, uri, "2026-11-21T07:00:00Z");
      assertEquals(accountsOf.size() + unowned.size(), inventory.countDocuments());
      assertEquals(0, inventory.countDocuments(Filters.ne("runId", second.runId())));
      assertFalse(
          client
              .getDatabase("audit")
              .listCollectionNames()
              .into(new ArrayList<>())
              .contains("access_inventory_next"));
    } finally {
      server.shutdownNow();
    }
  }

  private RunOutcome night(NightlyRun job, Path file, String uri, String at) {
    return job.run(
        new RunOptions(
            ConfigLoader.load(file),
            Severity.HIGH,
            dir.resolve("out"),
            Clock.fixed(Instant.parse(at), ZoneOffset.UTC),
            Map.of("ROLLCALL_MONGODB_URI", uri)));
  }
}
