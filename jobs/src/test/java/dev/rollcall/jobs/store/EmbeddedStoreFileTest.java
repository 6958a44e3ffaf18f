package dev.rollcall.jobs.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.rollcall.jobs.config.StoreConfig;
import dev.rollcall.model.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store's file, as a process that dies and as another rollcall version see it. */
class EmbeddedStoreFileTest {
  private static final Instant NIGHT_1 = Instant.parse("2026-11-20T06:00:00Z");

  @TempDir Path out;

  @Test
  void whatACallWroteIsInTheFileWhenItReturns() throws Exception {
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      findings.add(finding("user" + i));
    }
    Path crashed = out.resolve("crashed");
    try (StateStore store = StateStore.open(StoreConfig.embedded(), out, Map.of())) {
      store.startRun("r1", NIGHT_1, "test", "default");
      Nights.record(store, "r1", NIGHT_1, findings, Map.of(), Set.of());
      // The file as a process killed right now would leave it: nothing is flushed after this.
      Files.createDirectories(crashed.resolve("state"));
      Files.copy(StoreFile.in(out).live(), StoreFile.in(crashed).live());
    }
    try (StateStore store = StateStore.open(StoreConfig.embedded(), crashed, Map.of())) {
      assertEquals(1, store.runCount());
      assertEquals(50, store.findingStates().size());
      assertTrue(store.finding(findings.get(49).fingerprint()).isPresent());
    }
  }

  @Test
  void aFileMostlyDeadIsRewrittenWithItsLivePagesOnlyAndStaysTheOwners() throws Exception {
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      findings.add(finding("user" + i));
    }
    Path file = StoreFile.in(out).live();
    for (int night = 0; night < 3; night++) {
      Instant now = NIGHT_1.plus(java.time.Duration.ofDays(night));
      try (StateStore store = StateStore.open(StoreConfig.embedded(), out, Map.of())) {
        store.startRun("r" + night, now, "test", "default");
        // Every finding is seen again: each night rewrites all of them.
        Nights.record(store, "r" + night, now, findings, Map.of(), Set.of());
      }
      MVStore closed = new MVStore.Builder().fileName(file.toString()).readOnly().open();
      try {
        int live = closed.getFileStore().getChunksFillRate();
        assertTrue(live >= StoreCompaction.BELOW, "after night " + night + ": " + live + " % live");
      } finally {
        closed.close();
      }
      assertEquals(
          "rw-------",
          java.nio.file.attribute.PosixFilePermissions.toString(
              Files.getPosixFilePermissions(file)));
      assertTrue(Files.notExists(file.resolveSibling(file.getFileName() + ".compacting")));
    }
    try (StateStore store = StateStore.open(StoreConfig.embedded(), out, Map.of())) {
      assertEquals(3, store.runCount());
      var states = store.findingStates();
      assertEquals(500, states.size());
      assertEquals(
          NIGHT_1.plus(java.time.Duration.ofDays(2)),
          states.get(findings.get(0).fingerprint()).lastSeen());
    }
  }

  @Test
  void aFileOfTheH2BackendAsRollcallOpenedItBeforeReadsTheSame() throws Exception {
    Path file = StoreFile.in(out).live();
    Files.createDirectories(file.getParent());
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      // Ids of several lengths, and a few outside ASCII, which index keys are ordered by.
      ids.add((i % 7 == 0 ? "caf\u00e9-" : "") + "id-" + Integer.toString(i * 7919, 36));
    }
    try (Plain plain = Plain.open(file)) {
      MongoCollection<Document> probes = plain.probes();
      ids.subList(0, 1_000).forEach(id -> probes.insertOne(new Document("_id", id)));
    }
    try (EmbeddedMongo embedded = EmbeddedMongo.start(StoreFile.in(out));
        MongoClient client = MongoClients.create(embedded.connectionString())) {
      MongoCollection<Document> probes = client.getDatabase("rollcall").getCollection("probes");
      for (String id : ids.subList(0, 1_000)) {
        assertEquals(id, probes.find(Filters.eq("_id", id)).first().getString("_id"));
      }
      ids.subList(1_000, 2_000).forEach(id -> probes.insertOne(new Document("_id", id)));
    }
    try (Plain plain = Plain.open(file)) {
      MongoCollection<Document> probes = plain.probes();
      for (String id : ids) {
        Document found = probes.find(Filters.eq("_id", id)).first();
        assertEquals(id, found == null ? null : found.getString("_id"), "an older rollcall");
      }
      assertEquals(2_000, probes.countDocuments());
    }
  }

  /** The backend as rollcall opened it before: H2's own types, and auto-commit. */
  private record Plain(MongoServer server, MongoClient client) implements AutoCloseable {
    static Plain open(Path file) {
      MongoServer server = new MongoServer(new H2Backend(MVStore.open(file.toString())));
      server.bind("127.0.0.1", 0);
      String uri =
          "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/?directConnection=true";
      return new Plain(server, MongoClients.create(uri));
    }

    MongoCollection<Document> probes() {
      return client.getDatabase("rollcall").getCollection("probes");
    }

    @Override
    public void close() {
      client.close();
      server.shutdown();
    }
  }

  private static Finding finding(String name) {
    return Nights.dormant(name, List.of(), List.of());
  }
}
