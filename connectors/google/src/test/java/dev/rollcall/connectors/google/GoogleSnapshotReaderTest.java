package dev.rollcall.connectors.google;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.TenantFolder;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.SourceResult;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.TenantSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoogleSnapshotReaderTest {
  private static final String DOMAIN = Resources.DOMAIN;
  private static final GoogleSnapshotReader READER = new GoogleSnapshotReader();

  @Test
  void readsTheGoogleFolder() {
    assertEquals("google", READER.folder());
  }

  @Test
  void readsACompleteTenantWithItsCaptureTime() {
    Path dir = Resources.tenant();
    Instant observedAt = TenantFolder.of(dir).observedAt(Instant.EPOCH);
    assertEquals(Instant.parse("2026-11-20T06:00:00Z"), observedAt);

    SourceResult result = READER.read(dir, observedAt);

    assertEquals(
        new SourcePull(
            "google/" + DOMAIN,
            SourceSystem.GOOGLE_WORKSPACE,
            DOMAIN,
            PullStatus.COMPLETE,
            9,
            List.of(),
            observedAt),
        result.pull());
    assertEquals(9, result.accounts().size());
    assertEquals(9, result.people().size());
    assertEquals(
        new TenantSettings(SourceSystem.GOOGLE_WORKSPACE, DOMAIN, null, null), result.settings());
    assertTrue(result.accounts().stream().allMatch(a -> a.key().tenant().equals(DOMAIN)));
  }

  @Test
  void rolesAndRoleAssignmentsAreOptional() {
    SourceResult result = READER.read(Resources.tenant("users-only"), Instant.EPOCH);
    assertEquals(2, result.accounts().size());
  }

  @Test
  void invalidJsonNamesTheFileAndLine() {
    Path dir = Resources.tenant("malformed/invalid-json");
    SnapshotException e =
        assertThrows(SnapshotException.class, () -> READER.read(dir, Instant.EPOCH));
    String message = e.getMessage();
    assertTrue(message.startsWith(dir.resolve("users.json").toString()), message);
    assertTrue(message.contains("not valid JSON at line 8"), message);
  }

  @Test
  void aUserWithoutPrimaryEmailNamesTheFileRecordAndField() {
    Path dir = Resources.tenant("malformed/no-primary-email");
    SnapshotException e =
        assertThrows(SnapshotException.class, () -> READER.read(dir, Instant.EPOCH));
    assertEquals(
        dir.resolve("users.json") + ": users[1]: required field 'primaryEmail' is missing or empty",
        e.getMessage());
  }

  @Test
  void aPageOfTheWrongKindNamesTheFileAndTheKindExpected() {
    Path dir = Resources.tenant("malformed/wrong-kind");
    SnapshotException e =
        assertThrows(SnapshotException.class, () -> READER.read(dir, Instant.EPOCH));
    assertEquals(
        dir.resolve("users").resolve("page-1.json")
            + ": field 'kind' is not 'admin#directory#users' (users.list page)",
        e.getMessage());
  }

  @Test
  void aTenantWithoutUsersNamesTheFolderAndTheExpectedFiles() {
    Path dir = Resources.tenant("malformed/no-users");
    SnapshotException e =
        assertThrows(SnapshotException.class, () -> READER.read(dir, Instant.EPOCH));
    String message = e.getMessage();
    assertTrue(message.startsWith(dir.toString()), message);
    assertTrue(message.contains("users.json or users/*.json"), message);
  }
}
