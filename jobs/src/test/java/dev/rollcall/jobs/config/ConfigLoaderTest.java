package dev.rollcall.jobs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
