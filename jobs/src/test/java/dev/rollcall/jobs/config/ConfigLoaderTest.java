package dev.rollcall.jobs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.connectors.snapshot.SymbolicLinks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void readsAConfigurationAndResolvesPathsAgainstItsFolder() throws IOException {
    Path file =
        write(
            """
            organisation: Example Health
            domains: [Example.TEST]
            sources:
              - name: snap
                type: snapshot
                path: snapshot
            correlation:
              mapping: mapping.csv
            """);
    ConfigLoader.Loaded loaded = ConfigLoader.load(file);
    assertEquals("Example Health", loaded.config().organisation());
    assertEquals("example.test", loaded.config().domains().get(0));
    assertEquals("default", loaded.config().profile());
    assertNull(loaded.config().store().uri());
    assertEquals(dir.resolve("snapshot"), loaded.resolve(loaded.config().sources().get(0).path()));
    assertEquals(CorrelationConfig.DEFAULT_OWNER_TAGS, loaded.config().correlation().ownerTags());
  }

  @Test
  void readsLiveSourcesWithTheirDefaults() throws IOException {
    Path file =
        write(
            """
            organisation: X
            sources:
              - name: aws
                type: aws
                aws: {organization: true, memberRole: rollcall-audit, identityCenter: true}
              - name: plain-aws
                type: aws
              - name: workspace
                type: google
                google: {domain: example.test, adminSubject: reader@example.test}
              - name: atlas
                type: atlas
            """);
    var sources = ConfigLoader.load(file).config().sources();
    assertEquals("aws", sources.get(0).type());
    assertTrue(((AwsSourceConfig) sources.get(0).block()).organization());
    assertEquals(4, ((AwsSourceConfig) sources.get(1).block()).parallelism());
    assertEquals(8, ((AwsSourceConfig) sources.get(1).block()).maxAttempts());
    assertTrue(((GoogleSourceConfig) sources.get(2).block()).includeDeleted());
    assertEquals("serviceAccount", ((AtlasSourceConfig) sources.get(3).block()).auth());
    assertTrue(((AtlasSourceConfig) sources.get(3).block()).organizations().isEmpty());
  }

  @Test
  void liveSourceMistakesNameLineAndKey() throws IOException {
    assertRefused(
        "organisation: X\nsources:\n  - name: g\n    type: google\n",
        "line 3",
        "a google source needs a google block with domain and adminSubject");
    assertRefused(
        "organisation: X\nsources:\n  - name: a\n    type: atlas\n    aws: {}\n",
        "line 3",
        "the aws block belongs to sources of type aws only");
    assertRefused(
        "organisation: X\nsources:\n  - name: a\n    type: atlas\n"
            + "    atlas:\n      auth: password\n",
        "line 5: key sources[0].atlas",
        "auth must be serviceAccount or apiKey");
    assertRefused(
        "organisation: X\nsources:\n  - name: a\n    type: aws\n"
            + "    aws:\n      regoin: eu-west-1\n",
        "line 6",
        "regoin");
  }

  private void assertRefused(String yaml, String line, String text) throws IOException {
    Path file = write(yaml);
    String message =
        assertThrows(ConfigException.class, () -> ConfigLoader.load(file)).getMessage();
    assertTrue(message.contains(file.toString()), message);
    assertTrue(message.contains(line), message);
    assertTrue(message.contains(text), message);
  }

  @Test
  void theAddressLimitDefaultsToFiftyAndHasARange() throws IOException {
    String sources = "sources:\n  - name: s\n    type: snapshot\n    path: x\n";
    assertEquals(
        50,
        ConfigLoader.load(write("organisation: X\n" + sources))
            .config()
            .correlation()
            .maxPeoplePerAddress());
    assertEquals(
        1,
        ConfigLoader.load(
                write("organisation: X\ncorrelation:\n  maxPeoplePerAddress: 1\n" + sources))
            .config()
            .correlation()
            .maxPeoplePerAddress());
    for (String value : List.of("0", "10001", "-5")) {
      assertRefused(
          "organisation: X\ncorrelation:\n  maxPeoplePerAddress: " + value + "\n" + sources,
          "line 2",
          "maxPeoplePerAddress must be between 1 and 10000, not " + value);
    }
  }

  @Test
  void theAwsPullKnobsHaveRanges() throws IOException {
    String head = "organisation: X\nsources:\n  - name: a\n    type: aws\n    aws:\n";
    assertRefused(head + "      parallelism: 0\n", "line 5", "parallelism must be 1 to 64, was 0");
    assertRefused(
        head + "      maxAttempts: 1000\n", "line 5", "maxAttempts must be 1 to 20, was 1000");
  }

  @Test
  void aMissingRequiredKeyIsNamed() throws IOException {
    Path file = write("sources:\n  - name: s\n    type: snapshot\n    path: x\n");
    String message =
        assertThrows(ConfigException.class, () -> ConfigLoader.load(file)).getMessage();
    assertTrue(message.contains("organisation is required"), message);
    assertTrue(message.contains(file.toString()), message);
  }

  @Test
  void aBlockOfNoSourceTypeNamesLineAndKey() throws IOException {
    Path file =
        write("organisation: X\nsources:\n  - name: s\n    type: aws\n    ldap: {host: x}\n");
    String message =
        assertThrows(ConfigException.class, () -> ConfigLoader.load(file)).getMessage();
    assertTrue(message.contains("line 5"), message);
    assertTrue(message.contains("sources[0].ldap"), message);
    assertTrue(
        message.contains("aws, google, atlas") || message.contains("google, aws, atlas"), message);
  }

  @Test
  void anUnknownSourceTypeNamesLineAndKey() throws IOException {
    Path file = write("organisation: X\nsources:\n  - name: s\n    type: ldap\n    path: x\n");
    String message =
        assertThrows(ConfigException.class, () -> ConfigLoader.load(file)).getMessage();
    assertTrue(message.contains("line 4"), message);
    assertTrue(message.contains("sources[0].type"), message);
  }

  @Test
  void aSecretWrittenIntoTheFileIsRefused() throws IOException {
    Path file =
        write(
            "organisation: X\nstore:\n  uri: mongodb://user:pw@db.example.test/\nsources:\n  - {name: s, type: snapshot, path: x}\n");
    String message =
        assertThrows(ConfigException.class, () -> ConfigLoader.load(file)).getMessage();
    assertTrue(message.contains("store.uri"), message);
    assertTrue(!message.contains("pw@"), "the message must not repeat the secret: " + message);
  }

  @Test
  void secretReferencesReadTheEnvironmentAndNameTheVariableWhenMissing() {
    SecretRef ref = new SecretRef("ROLLCALL_MONGODB_URI", null);
    assertEquals("mongodb://h/", ref.resolve(Map.of("ROLLCALL_MONGODB_URI", "mongodb://h/")));
    String message = assertThrows(ConfigException.class, () -> ref.resolve(Map.of())).getMessage();
    assertTrue(message.contains("ROLLCALL_MONGODB_URI"), message);
  }

  @Test
  void aWebhookIsAReferenceNeverAUrlWrittenIntoTheFile() throws IOException {
    String sources = "sources:\n  - {name: s, type: snapshot, path: x}\n";
    Path file = write("organisation: X\nnotify:\n  webhook: {env: CHAT_HOOK}\n" + sources);
    assertEquals(
        new SecretRef("CHAT_HOOK", null),
        ConfigLoader.load(file).config().notifications().webhook());
    assertEquals(
        null,
        ConfigLoader.load(write("organisation: X\n" + sources)).config().notifications().webhook());

    Path plain =
        write(
            "organisation: X\nnotify:\n  webhook: https://hooks.slack.com/services/s3cr3t\n"
                + sources);
    String message =
        assertThrows(ConfigException.class, () -> ConfigLoader.load(plain)).getMessage();
    assertTrue(message.contains("notify.webhook"), message);
    assertTrue(!message.contains("s3cr3t"), "the message must not repeat the secret: " + message);
    assertRefused(
        "organisation: X\nnotify:\n  webhok: {env: CHAT_HOOK}\n" + sources, "line 3", "webhok");
  }

  @Test
  void anS3OutputNeedsAMongoDbStoreAndABucketName() throws IOException {
    String sources = "sources:\n  - {name: s, type: snapshot, path: x}\n";
    String mongo = "store:\n  uri: {env: ROLLCALL_MONGODB_URI}\n";
    RollcallConfig config =
        ConfigLoader.load(
                write(
                    "organisation: X\noutput: s3://audit-reports/rollcall/prod/\n"
                        + "outputS3: {region: eu-west-1, kmsKeyId: alias/rollcall}\n"
                        + mongo
                        + sources))
            .config();
    assertEquals(new S3Location("audit-reports", "rollcall/prod"), config.outputBucket().get());
    assertEquals(
        "rollcall/prod/runs/r1/report.html",
        config.outputBucket().get().key("runs/r1/report.html"));
    assertEquals(new OutputS3Config("eu-west-1", "alias/rollcall", null), config.outputS3());
    assertEquals(
        new S3Location("audit-reports", ""),
        ConfigLoader.load(write("organisation: X\noutput: s3://audit-reports\n" + mongo + sources))
            .config()
            .outputBucket()
            .get());
    assertTrue(
        ConfigLoader.load(write("organisation: X\noutput: ./s3-reports\n" + sources))
            .config()
            .outputBucket()
            .isEmpty(),
        "a folder named like s3 is a folder");

    assertRefused(
        "organisation: X\noutput: s3://audit-reports/rollcall\n" + sources,
        "line ",
        "set store.uri to a MongoDB connection string");
    assertRefused(
        "organisation: X\noutput: s3://Audit_Reports/rollcall\n" + mongo + sources,
        "line ",
        "the bucket is not an S3 bucket name");
    assertRefused(
        "organisation: X\noutput: s3://audit-reports//x\n" + mongo + sources,
        "line ",
        "may not start or end with '/' or hold '//'");
    assertRefused(
        "organisation: X\noutputS3: {endpoint: 'ftp://127.0.0.1'}\n" + sources,
        "line 2",
        "must be an http(s) URL");
    assertRefused("organisation: X\noutputS3: {regoin: eu-west-1}\n" + sources, "line 2", "regoin");
  }

  @Test
  void aReportUrlIsAnHttpLinkWithTheRunIdFilledIn() throws IOException {
    String sources = "sources:\n  - {name: s, type: snapshot, path: x}\n";
    NotifyConfig notify =
        ConfigLoader.load(
                write(
                    "organisation: X\nnotify:\n  reportUrl:"
                        + " https://reports.example.com/rollcall/runs/{runId}/report.html\n"
                        + sources))
            .config()
            .notifications();
    assertEquals(
        "https://reports.example.com/rollcall/runs/20261120T070000Z-ab12cd34/report.html",
        notify.reportLink("20261120T070000Z-ab12cd34").get());
    assertTrue(NotifyConfig.none().reportLink("r").isEmpty());
    assertRefused(
        "organisation: X\nnotify:\n  reportUrl: javascript:alert(1)\n" + sources,
        "line 2: key notify",
        "must be an http(s) URL");
    assertRefused(
        "organisation: X\nnotify:\n  reportUrl: https://user:pw@example.com/r.html\n" + sources,
        "line 2: key notify",
        "no credentials");
  }

  @Test
  void theRosterMayBeAMongoDbCollectionButNotTwoRosters() throws IOException {
    String sources = "sources:\n  - {name: s, type: snapshot, path: x}\n";
    RosterMongoConfig roster =
        ConfigLoader.load(
                write(
                    "organisation: X\ncorrelation:\n  rosterMongodb:\n"
                        + "    uri: {env: HR_MONGODB_URI}\n    database: hr\n"
                        + "    collection: workforce\n    fields: {email: workEmail}\n"
                        + sources))
            .config()
            .correlation()
            .rosterMongodb();
    assertEquals(new SecretRef("HR_MONGODB_URI", null), roster.uri());
    assertEquals("workEmail", roster.fields().email());
    assertEquals("end_date", roster.fields().endDate(), "the CSV column names by default");
    assertRefused(
        "organisation: X\ncorrelation:\n  roster: roster.csv\n  rosterMongodb:\n"
            + "    uri: {env: HR_MONGODB_URI}\n    database: hr\n    collection: workforce\n"
            + sources,
        "key correlation",
        "roster (a CSV file) or rosterMongodb, not both");
    assertRefused(
        "organisation: X\ncorrelation:\n  rosterMongodb:\n    uri: mongodb://u:pw@h/\n"
            + "    database: hr\n    collection: workforce\n"
            + sources,
        "line 4",
        "a secret is never written into the configuration file");
    assertRefused(
        "organisation: X\ncorrelation:\n  rosterMongodb:\n    uri: {env: HR}\n"
            + "    collection: workforce\n"
            + sources,
        "key correlation.rosterMongodb",
        "database is required");
  }

  @Test
  void aGoogleSourceMayNameAServiceAccountToReachWithoutAKey() throws IOException {
    String google =
        "organisation: X\nsources:\n  - name: g\n    type: google\n    google:\n"
            + "      domain: example.test\n      adminSubject: reader@example.test\n";
    GoogleSourceConfig keyless =
        (GoogleSourceConfig)
            ConfigLoader.load(
                    write(google + "      serviceAccount: rollcall@proj.iam.gserviceaccount.com\n"))
                .config()
                .sources()
                .get(0)
                .block();
    assertEquals("rollcall@proj.iam.gserviceaccount.com", keyless.serviceAccount());
    assertEquals(
        null,
        ((GoogleSourceConfig) ConfigLoader.load(write(google)).config().sources().get(0).block())
            .serviceAccount(),
        "a key file, as before");
    assertRefused(
        google + "      serviceAccount: rollcall-reader\n",
        "key sources[0].google",
        "serviceAccount must be the service account's email");
  }

  @Test
  void aConfigurationThatIsNotUtf8IsRefusedWithTheOffsetOfItsFirstBadByte() throws IOException {
    // "Café" in Latin-1: 0xE9 at byte 17 of the file, on its first line.
    byte[] latin1 =
        "organisation: Caf\u00e9 Health\nsources:\n  - {name: s, type: snapshot, path: x}\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    Path file = Files.write(dir.resolve("rollcall.yaml"), latin1);
    assertEquals(
        file + ": not valid UTF-8 at byte offset 17 (line 1)",
        assertThrows(ConfigException.class, () -> ConfigLoader.load(file)).getMessage());

    byte[] utf16 = "organisation: X\n".getBytes(StandardCharsets.UTF_16LE);
    Files.write(file, utf16);
    assertTrue(
        assertThrows(ConfigException.class, () -> ConfigLoader.load(file))
            .getMessage()
            .startsWith(file + ": not valid UTF-8 at byte offset 1 (line 1)"),
        "UTF-16 is refused, not guessed");

    Files.writeString(
        file, "\uFEFForganisation: Café\nsources:\n  - {name: s, type: snapshot, path: x}\n");
    assertEquals("Café", ConfigLoader.load(file).config().organisation(), "a UTF-8 BOM is fine");
  }

  @Test
  void aSnapshotSourceFollowsSymlinksOnlyWhenItSaysSo() throws IOException {
    SourceConfig refusing =
        ConfigLoader.load(
                write("organisation: X\nsources:\n  - {name: s, type: snapshot, path: x}\n"))
            .config()
            .sources()
            .get(0);
    assertEquals(SymbolicLinks.REFUSE, refusing.links());
    SourceConfig following =
        ConfigLoader.load(
                write(
                    "organisation: X\nsources:\n  - name: s\n    type: snapshot\n    path: x\n"
                        + "    followSymlinks: true\n"))
            .config()
            .sources()
            .get(0);
    assertEquals(SymbolicLinks.FOLLOW, following.links());
    assertRefused(
        "organisation: X\nsources:\n  - name: s\n    type: snapshot\n    path: x\n"
            + "    followSymlinks: sometimes\n",
        "line 6",
        "must be true or false");
    assertRefused(
        "organisation: X\nsources:\n  - name: a\n    type: aws\n    followSymlinks: true\n",
        "line 3",
        "followSymlinks belongs to snapshot sources only");
    assertRefused(
        "organisation: X\nactivity:\n  cloudtrail:\n    - {path: s3a://logs/trail, followSymlinks: true}\n"
            + "sources:\n  - {name: s, type: snapshot, path: x}\n",
        "key activity.cloudtrail[0]",
        "followSymlinks is for local trail folders");
  }

  @Test
  void noMessageQuotesTheFile() throws IOException {
    String sources = "sources:\n  - {name: s, type: snapshot, path: x}\n";
    for (String yaml :
        new String[] {
          "organisation: xoxb-1234: secret\n" + sources, // mapping values are not allowed here
          "organisation: X\n\txoxb-1234: secret\n" + sources, // a tab
          "organisation: \"xoxb-1234\n" + sources, // a quoted value not closed
          "organisation: X\nactivity:\n  cloudtrail:\n    - {path: ./t, days: xoxb-1234}\n"
              + sources,
          "organisation: X\nnotify:\n  reportUrl: https://xoxb-1234:pw@example.com/r\n" + sources,
          "organisation: X\noutput: s3://xoxb_1234/r\nstore:\n  uri: {env: M}\n" + sources,
          "organisation: X\nsources:\n  - {name: s, type: xoxb-1234, path: x}\n",
        }) {
      Path file = write(yaml);
      String message =
          assertThrows(ConfigException.class, () -> ConfigLoader.load(file), yaml).getMessage();
      assertTrue(message.startsWith(file + " line "), message);
      assertFalse(message.contains("xoxb"), message);
      assertFalse(message.contains("1234"), message);
    }
  }

  @Test
  void aMissingFileIsNamed() {
    String message =
        assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("nope.yaml")))
            .getMessage();
    assertTrue(message.contains("nope.yaml"), message);
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("rollcall.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
