package dev.rollcall.jobs.correlate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.jobs.config.RosterMongoConfig;
import dev.rollcall.jobs.config.SecretRef;
import dev.rollcall.model.Identity;
import dev.rollcall.model.PersonStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HR roster read from a MongoDB collection through the real driver, against an in-process
 * wire-protocol server: the same people as the CSV roster, field names mapped in the configuration,
 * and bad documents refused with the collection, the document and the field.
 */
class MongoRosterTest {
  private static final Instant NOW = Instant.parse("2026-11-20T06:00:00Z");
  private static final SecretRef URI = new SecretRef("HR_MONGODB_URI", null);

  /** Fields as one HR system names them: nested status, a BSON date for the last day. */
  private static final RosterMongoConfig.RosterFields HR_FIELDS =
      new RosterMongoConfig.RosterFields(
          "workEmail", "fullName", "employment.status", "employment.lastDay", "managerEmail");

  @TempDir Path dir;
  private MongoServer server;
  private MongoClient client;
  private Map<String, String> env;

  @BeforeEach
  void start() {
    server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", 0);
    String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/";
    client = MongoClients.create(uri);
    env = Map.of("HR_MONGODB_URI", uri);
  }

  @AfterEach
  void stop() {
    client.close();
    server.shutdownNow();
  }

  private MongoCollection<Document> workforce() {
    return client.getDatabase("hr").getCollection("workforce");
  }

  private static Document person(String email, String name, String status, Object lastDay) {
    return new Document("workEmail", email)
        .append("fullName", name)
        .append("employment", new Document("status", status).append("lastDay", lastDay))
        .append("managerEmail", "Boss@Example.test")
        .append("salary", 1);
  }

  @Test
  void readsTheSamePeopleAsTheCsvRosterWithTheFieldsMapped() throws IOException {
    workforce()
        .insertMany(
            List.of(
                person("Ana@Example.test", "Ana Ortiz", "Terminated", date("2026-11-18")),
                person("ben@example.test", "Ben", "active", "2026-12-31"),
                person("cy@example.test", "Cy", "active", null),
                person("dee@example.test", "Dee", "active", date("2026-11-19"))));
    HrRoster fromMongo =
        MongoRoster.read(new RosterMongoConfig(URI, "hr", "workforce", HR_FIELDS), env);
    Path csv = dir.resolve("roster.csv");
    Files.writeString(
        csv,
        """
        email,name,status,end_date,manager
        ana@example.test,Ana Ortiz,terminated,2026-11-18,boss@example.test
        ben@example.test,Ben,active,2026-12-31,boss@example.test
        cy@example.test,Cy,active,,boss@example.test
        dee@example.test,Dee,active,2026-11-19,boss@example.test
        """);
    HrRoster fromCsv = HrRoster.read(csv);

    assertEquals(fromCsv.rows().keySet(), fromMongo.rows().keySet());
    for (String email : fromCsv.rows().keySet()) {
      HrRoster.Row a = fromCsv.rows().get(email);
      HrRoster.Row b = fromMongo.rows().get(email);
      assertEquals(
          List.of(a.email(), a.name(), a.status(), String.valueOf(a.endDate()), a.manager()),
          List.of(b.email(), b.name(), b.status(), String.valueOf(b.endDate()), b.manager()),
          email);
      assertTrue(b.where().startsWith("mongodb hr.workforce _id "), b.where());
    }
    Map<String, Identity> merged =
        fromMongo.merge(List.of(), NOW).stream()
            .collect(Collectors.toMap(Identity::personId, p -> p));
    assertEquals(PersonStatus.LEFT, merged.get("ana@example.test").status());
    assertEquals(PersonStatus.ACTIVE, merged.get("ben@example.test").status());
    assertEquals(PersonStatus.LEFT, merged.get("dee@example.test").status(), "ended yesterday");
    assertTrue(
        merged
            .get("ana@example.test")
            .statusEvidence()
            .contains("HR roster (mongodb hr.workforce _id "),
        merged.get("ana@example.test").statusEvidence());
    assertEquals("boss@example.test", merged.get("cy@example.test").manager());
  }

  @Test
  void theCsvColumnNamesAreTheDefaultFields() {
    workforce()
        .insertOne(
            new Document("email", "eve@example.test")
                .append("name", "Eve")
                .append("status", "left")
                .append("end_date", "2026-10-01"));
    HrRoster roster = MongoRoster.read(new RosterMongoConfig(URI, "hr", "workforce", null), env);
    assertEquals(LocalDate.parse("2026-10-01"), roster.rows().get("eve@example.test").endDate());
  }

  @Test
  void aBadDocumentIsRefusedWithTheCollectionTheDocumentAndTheField() {
    RosterMongoConfig config = new RosterMongoConfig(URI, "hr", "workforce", HR_FIELDS);
    workforce().insertOne(person("ana@example.test", "Ana", "fired", null).append("_id", "e-17"));
    assertRefused(config, "document _id e-17: field employment.status must be one of");

    workforce().drop();
    workforce().insertOne(person(null, "Nobody", "active", null).append("_id", "e-18"));
    assertRefused(config, "document _id e-18: field workEmail must be an email");

    workforce().drop();
    workforce().insertOne(person("ana@example.test", "Ana", "active", 20261118).append("_id", 7));
    assertRefused(
        config, "document _id 7: field employment.lastDay must be a date or a yyyy-MM-dd");

    workforce().drop();
    workforce().insertOne(person("ana@example.test", "Ana", "active", "18/11/2026"));
    assertRefused(config, "field employment.lastDay must be a date (yyyy-MM-dd)");

    workforce().drop();
    workforce()
        .insertMany(
            List.of(
                person("ana@example.test", "Ana", "active", null),
                person("ANA@example.test", "Ana again", "active", null).append("_id", "dup")));
    assertRefused(config, "document _id dup: field workEmail: the email is listed twice");

    workforce().drop();
    workforce().insertOne(person("ana@example.test", "Ana", "active", null).append("fullName", 3));
    assertRefused(config, "field fullName must be a string, was a Integer");
  }

  @Test
  void aServerThatDoesNotAnswerNamesTheCollectionNeverTheConnectionString() {
    String secret = "mongodb://hr-reader:s3cr3tPassw0rd@127.0.0.1:1/?serverSelectionTimeoutMS=300";
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                MongoRoster.read(
                    new RosterMongoConfig(URI, "hr", "workforce", null),
                    Map.of("HR_MONGODB_URI", secret)));
    assertTrue(
        e.getMessage().contains("HR roster mongodb hr.workforce: cannot read"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cr3tPassw0rd"), e.getMessage());

    ConfigException bad =
        assertThrows(
            ConfigException.class,
            () ->
                MongoRoster.read(
                    new RosterMongoConfig(URI, "hr", "workforce", null),
                    Map.of("HR_MONGODB_URI", "postgres://u:s3cr3tPassw0rd@h/db")));
    assertTrue(bad.getMessage().contains("environment variable HR_MONGODB_URI"), bad.getMessage());
    assertFalse(bad.getMessage().contains("s3cr3tPassw0rd"), bad.getMessage());
  }

  private void assertRefused(RosterMongoConfig config, String expected) {
    ConfigException e = assertThrows(ConfigException.class, () -> MongoRoster.read(config, env));
    assertTrue(e.getMessage().contains("HR roster mongodb hr.workforce"), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  private static Date date(String day) {
    return Date.from(LocalDate.parse(day).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
  }
}
