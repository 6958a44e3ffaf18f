package dev.rollcall.connectors.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A tenant folder is read from inside itself: a symbolic link anywhere in it is refused with its
 * path, unless links are followed; every file is UTF-8; no message quotes a file.
 */
class TenantFolderTest {
  private static final String SECRET = "xoxb-1234-secret-token";

  @TempDir Path temp;
  private Path snapshot;
  private Path tenant;
  private Path outside;

  @BeforeEach
  void lay() throws IOException {
    snapshot = Files.createDirectories(temp.resolve("snapshot"));
    tenant = Files.createDirectories(snapshot.resolve("aws/111122223333"));
    Files.writeString(tenant.resolve("users.json"), "{\"Users\": []}");
    outside = Files.createDirectories(temp.resolve("elsewhere"));
    Files.writeString(outside.resolve("token.txt"), SECRET + "\n");
    Files.writeString(outside.resolve("page.json"), "{\"Users\": [{\"UserName\": \"far\"}]}");
  }

  private static String refused(Function<TenantFolder, ?> read, Path dir) {
    return assertThrows(SnapshotException.class, () -> read.apply(TenantFolder.of(dir)))
        .getMessage();
  }

  private static void assertRefusedLink(String message, Path link) {
    assertTrue(message.startsWith(link + ": is a symbolic link;"), message);
    assertTrue(message.contains("followSymlinks: true"), message);
    assertFalse(message.contains(SECRET), message);
  }

  @Test
  void aPageThatLinksOutOfTheSnapshotIsRefusedUnreadAndFollowedWhenAllowed() throws IOException {
    Path link =
        Files.createSymbolicLink(tenant.resolve("roles.json"), outside.resolve("page.json"));
    assertRefusedLink(refused(t -> t.json(link), tenant), link);
    assertRefusedLink(refused(t -> t.pages("roles"), tenant), link);
    TenantFolder following = new TenantFolder(tenant, SymbolicLinks.FOLLOW);
    assertEquals(List.of(link), following.pages("roles"));
    assertEquals("far", following.json(link).get("Users").get(0).get("UserName").asText());
  }

  @Test
  void aLinkToAFileThatIsNoJsonIsRefusedBeforeItIsOpened() throws IOException {
    Path link =
        Files.createSymbolicLink(tenant.resolve("roles.json"), outside.resolve("token.txt"));
    assertRefusedLink(refused(t -> t.json(link), tenant), link);
    // Followed, it is read, and what it holds is still not quoted.
    String message =
        assertThrows(
                SnapshotException.class,
                () -> new TenantFolder(tenant, SymbolicLinks.FOLLOW).json(link))
            .getMessage();
    assertTrue(message.contains("not valid JSON at line 1, column"), message);
    assertFalse(message.contains("xoxb"), message);
  }

  @Test
  void aLinkAmongTheEntriesOfAListingIsRefused() throws IOException {
    Path users = Files.createDirectories(tenant.resolve("groups"));
    Files.writeString(users.resolve("page-0001.json"), "{}");
    Path link =
        Files.createSymbolicLink(users.resolve("page-0002.json"), outside.resolve("page.json"));
    assertRefusedLink(refused(t -> t.pages("groups"), tenant), link);
  }

  @Test
  void aListingFolderThatIsALinkIsRefused() throws IOException {
    Path link = Files.createSymbolicLink(tenant.resolve("groups"), outside);
    assertRefusedLink(refused(t -> t.pages("groups"), tenant), link);
    assertRefusedLink(refused(t -> t.subfolders("groups"), tenant), link);
    assertRefusedLink(refused(t -> t.entries("groups"), tenant), link);
    assertEquals(
        List.of(outside.resolve("page.json")),
        new TenantFolder(tenant, SymbolicLinks.FOLLOW)
            .pages("groups").stream().map(p -> outside.resolve(p.getFileName())).toList());
  }

  @Test
  void aLinkedFolderOnTheWayToAFileIsRefused() throws IOException {
    Path real = Files.createDirectories(outside.resolve("project/databaseUsers"));
    Files.writeString(real.resolve("page-1.json"), "{}");
    Files.createDirectories(tenant.resolve("groups"));
    Path link = Files.createSymbolicLink(tenant.resolve("groups/5f0a"), outside.resolve("project"));
    assertRefusedLink(refused(t -> t.pages("groups/5f0a/databaseUsers"), tenant), link);
    assertRefusedLink(refused(t -> t.subfolders("groups"), tenant), link);
    Path file = tenant.resolve("groups/5f0a/databaseUsers/page-1.json");
    assertRefusedLink(refused(t -> t.json(file), tenant), link);
    assertRefusedLink(refused(t -> t.isFile(file), tenant), link);
  }

  @Test
  void aTenantFolderThatIsALinkIsListedAndRefusedWhenRead() throws IOException {
    Path link = Files.createSymbolicLink(snapshot.resolve("aws/444455556666"), outside);
    List<TenantFolder> tenants = TenantFolder.in(snapshot.resolve("aws"), SymbolicLinks.REFUSE);
    assertEquals(
        List.of("111122223333", "444455556666"), tenants.stream().map(TenantFolder::name).toList());
    assertRefusedLink(refused(t -> t.observedAt(Instant.EPOCH), link), link);
    assertEquals(
        Instant.EPOCH, new TenantFolder(link, SymbolicLinks.FOLLOW).observedAt(Instant.EPOCH));
  }

  @Test
  void aSystemFolderThatIsALinkIsRefusedWhole() throws IOException {
    Path link = Files.createSymbolicLink(snapshot.resolve("google"), outside);
    String message =
        assertThrows(
                SnapshotException.class,
                () -> TenantFolder.in(snapshot.resolve("google"), SymbolicLinks.REFUSE))
            .getMessage();
    assertRefusedLink(message, link);
  }

  @Test
  void theSnapshotFolderItselfMayBeALink() throws IOException {
    Path root = Files.createSymbolicLink(temp.resolve("snapshot-link"), snapshot);
    List<TenantFolder> tenants = TenantFolder.in(root.resolve("aws"), SymbolicLinks.REFUSE);
    assertEquals(1, tenants.size());
    assertEquals(List.of(tenants.get(0).resolve("users.json")), tenants.get(0).pages("users"));
  }

  @Test
  void aNameReadFromAFileCannotLeadOutOfTheTenant() {
    for (SymbolicLinks links : SymbolicLinks.values()) {
      String message =
          assertThrows(
                  SnapshotException.class,
                  () -> new TenantFolder(tenant, links).pages("memberships/../../../../elsewhere"))
              .getMessage();
      assertEquals(
          tenant + ": a name in the snapshot leads out of the tenant folder (..)", message);
    }
  }

  @Test
  void invalidJsonIsRefusedWithItsLineAndColumnAndNoneOfItsText() throws IOException {
    Path file =
        Files.writeString(tenant.resolve("roles.json"), "{\n  \"Roles\": " + SECRET + "\n}");
    String message = refused(t -> t.json(file), tenant);
    // The column is where Jackson stopped reading the word.
    assertTrue(
        message.matches(
            java.util.regex.Pattern.quote(file.toString())
                + ": not valid JSON at line 2, column \\d+: a word that is not true, false, null,"
                + " a number or a quoted string"),
        message);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"a\": [1, 2",
        "{\"a\": \"xoxb-1234-secret-token",
        "{\"a\": 1} xoxb-1234-secret-token",
        "{\"a\": \"xoxb\\q\"}",
        "{xoxb-1234-secret-token: 1}",
        "{\"a\": 01234}",
        "[\"xoxb-1234-secret-token\" \"b\"]"
      })
  void noSyntaxErrorQuotesTheFile(String json) throws IOException {
    Path file = Files.writeString(tenant.resolve("roles.json"), json);
    String message = refused(t -> t.json(file), tenant);
    assertTrue(message.startsWith(file + ": not valid JSON at line 1, column "), message);
    assertFalse(message.contains("xoxb"), message);
    assertFalse(message.contains("1234"), message);
  }

  @Test
  void aFileThatIsNotUtf8IsRefusedWithTheOffsetOfItsFirstBadByte() throws IOException {
    byte[] bytes = "{\"Users\": [\n  {\"UserName\": \"bob\"}]}".getBytes(StandardCharsets.UTF_8);
    bytes[28] = (byte) 0xFF;
    Path file = Files.write(tenant.resolve("users.json"), bytes);
    assertEquals(
        file + ": not valid UTF-8 at byte offset 28 (line 2)", refused(t -> t.json(file), tenant));
    assertEquals(
        file + ": not valid UTF-8 at byte offset 28 (line 2)", refused(t -> t.text(file), tenant));
  }

  @Test
  void utf16IsRefusedNotGuessed() throws IOException {
    Path file =
        Files.write(
            tenant.resolve("users.json"), "{\"Users\": []}".getBytes(StandardCharsets.UTF_16LE));
    String message = refused(t -> t.json(file), tenant);
    assertTrue(message.startsWith(file + ": not valid UTF-8 at byte offset 1 (line 1)"), message);
  }

  @Test
  void aUtf8ByteOrderMarkIsRead() throws IOException {
    Path file = Files.writeString(tenant.resolve("users.json"), "\uFEFF{\"Users\": [1]}");
    assertEquals(1, TenantFolder.of(tenant).json(file).get("Users").get(0).asInt());
  }

  @Test
  void fieldHelpersNameTheFieldNotTheValue() throws IOException {
    Path file =
        Files.writeString(
            tenant.resolve("users.json"),
            "{\"when\": \"" + SECRET + "\", \"flag\": \"" + SECRET + "\"}");
    var node = TenantFolder.of(tenant).json(file);
    String time =
        assertThrows(
                SnapshotException.class,
                () -> SnapshotJson.requiredInstant(node, "when", file, "Users[0]"))
            .getMessage();
    String flag =
        assertThrows(
                SnapshotException.class,
                () -> SnapshotJson.bool(node, "flag", false, file, "Users[0]"))
            .getMessage();
    assertTrue(time.startsWith(file + ": Users[0]: field 'when' is not an ISO-8601 time"), time);
    assertTrue(flag.startsWith(file + ": Users[0]: field 'flag' is not true or false"), flag);
    assertFalse(time.contains("xoxb") || flag.contains("xoxb"), time + flag);
  }

  @Test
  void aBadCaptureTimeIsNamedNotQuoted() throws IOException {
    Files.writeString(
        tenant.resolve(TenantFolder.MANIFEST), "{\"capturedAt\": \"" + SECRET + "\"}");
    String message = refused(t -> t.observedAt(Instant.EPOCH), tenant);
    assertTrue(message.contains("field 'capturedAt' is not an ISO-8601 instant"), message);
    assertFalse(message.contains("xoxb"), message);
  }
}
